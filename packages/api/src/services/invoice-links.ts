import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { Keyring } from "@sunap/db";
import { publicBaseUrl } from "./enrollment-link-tokens.ts";

/**
 * Invoice links sent to payers: `<invoiceId base36>.<signature>`, the signature an HMAC-SHA256
 * (first 16 bytes, base64url) under a key derived with HKDF from the keyring's blind-index key with
 * a purpose of its own, so an enrollment signature can never pass as an invoice one. Nothing is
 * stored: the token is recomputed whenever a message needs it, and changing the id breaks the
 * signature, so a payer cannot walk to another payer's invoice.
 */
const TOKEN_PATTERN = /^([0-9a-z]{1,7})\.([A-Za-z0-9_-]{22})$/;
const MAX_ID = 2_147_483_647;

function invoiceLinkKey(keyring: Keyring): Buffer {
  return Buffer.from(hkdfSync("sha256", keyring.blindIndexKey, Buffer.alloc(0), "sunap.invoice_link.v1", 32));
}

function signature(keyring: Keyring, invoiceId: number): string {
  return createHmac("sha256", invoiceLinkKey(keyring)).update(`invoice.v1|${invoiceId}`, "utf8").digest().subarray(0, 16).toString("base64url");
}

export function invoiceLinkToken(keyring: Keyring, invoiceId: number): string {
  if (!Number.isSafeInteger(invoiceId) || invoiceId < 1 || invoiceId > MAX_ID) throw new RangeError(`invoice id out of range: ${invoiceId}`);
  return `${invoiceId.toString(36)}.${signature(keyring, invoiceId)}`;
}

/** The invoice id a genuine token names, or null for anything malformed or not signed by us. */
export function verifyInvoiceLinkToken(keyring: Keyring, token: string): number | null {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return null;
  const invoiceId = parseInt(match[1]!, 36);
  if (!Number.isSafeInteger(invoiceId) || invoiceId < 1 || invoiceId > MAX_ID) return null;
  const expected = Buffer.from(signature(keyring, invoiceId));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return invoiceId;
}

/** The public PDF of an invoice, on the same server as the API. */
export function invoicePath(token: string): string {
  return `/i/${token}`;
}

/** Absolute URL for messages; the base comes from SUNAP_PUBLIC_URL (default http://localhost:3000). */
export function invoiceUrl(token: string, baseUrl = publicBaseUrl()): string {
  return `${baseUrl.replace(/\/+$/, "")}${invoicePath(token)}`;
}
