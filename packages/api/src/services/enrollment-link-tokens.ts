import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { Keyring } from "@sunap/db";

/**
 * Enrollment link tokens: `<linkId>.<nonce>.<signature>`, the signature an HMAC-SHA256 (first 16
 * bytes) under a key derived with HKDF from the keyring's blind-index key, so no new secret needs
 * configuring and the database alone can neither read nor forge a link. The database keeps the
 * token's SHA-256 (to find it) and the nonce (so the server can re-create the URL to send it
 * again); a tampered token fails the signature before any lookup.
 */
const TOKEN_PATTERN = /^([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

function linkKey(keyring: Keyring): Buffer {
  return Buffer.from(hkdfSync("sha256", keyring.blindIndexKey, Buffer.alloc(0), "sunap.enrollment_link.v1", 32));
}

function signature(keyring: Keyring, linkId: number, nonce: string): string {
  return createHmac("sha256", linkKey(keyring)).update(`enroll.v1|${linkId}|${nonce}`, "utf8").digest().subarray(0, 16).toString("base64url");
}

export function newLinkNonce(): string {
  return randomBytes(16).toString("base64url");
}

export function linkToken(keyring: Keyring, linkId: number, nonce: string): string {
  return `${linkId.toString(36)}.${nonce}.${signature(keyring, linkId, nonce)}`;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The link id a genuine token names, or null for anything malformed or not signed by us. */
export function verifyLinkToken(keyring: Keyring, token: string): { linkId: number; nonce: string } | null {
  const match = TOKEN_PATTERN.exec(token.trim());
  if (!match) return null;
  const linkId = parseInt(match[1]!, 36);
  if (!Number.isSafeInteger(linkId) || linkId < 1 || linkId > 2_147_483_647) return null;
  const expected = Buffer.from(signature(keyring, linkId, match[2]!));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { linkId, nonce: match[2]! };
}

/** The public page of a token, on the same server as the API. */
export function enrollmentPath(token: string): string {
  return `/enroll/${token}`;
}

/** Absolute URL for messages; the base comes from SUNAP_PUBLIC_URL (default http://localhost:3000). */
export function enrollmentUrl(token: string, baseUrl = publicBaseUrl()): string {
  return `${baseUrl.replace(/\/+$/, "")}${enrollmentPath(token)}`;
}

export function publicBaseUrl(): string {
  return process.env.SUNAP_PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT?.trim() || "3000"}`;
}

/** A keyed hash for short-lived secrets (one-time codes, proof tokens): never stored in plaintext. */
export function secretHash(keyring: Keyring, purpose: string, value: string): string {
  const key = Buffer.from(hkdfSync("sha256", keyring.blindIndexKey, Buffer.alloc(0), `sunap.${purpose}.v1`, 32));
  return createHmac("sha256", key).update(value, "utf8").digest("base64url");
}
