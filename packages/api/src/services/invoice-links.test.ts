import { describe, expect, it } from "vitest";
import { generateDevKeyring } from "@sunap/db";
import { invoiceLinkToken, invoicePath, invoiceUrl, verifyInvoiceLinkToken } from "./invoice-links.ts";
import { linkToken, newLinkNonce } from "./enrollment-link-tokens.ts";

const keyring = generateDevKeyring().keyring;

describe("invoice link tokens", () => {
  it("round-trips: a token verifies to the invoice id it was made for", () => {
    for (const id of [1, 42, 123_456, 2_147_483_647]) {
      const token = invoiceLinkToken(keyring, id);
      expect(token).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
      expect(verifyInvoiceLinkToken(keyring, token)).toBe(id);
    }
  });

  it("rejects a token whose signature was altered", () => {
    const token = invoiceLinkToken(keyring, 7);
    const last = token.at(-1)!;
    const tampered = token.slice(0, -1) + (last === "A" ? "B" : "A");
    expect(verifyInvoiceLinkToken(keyring, tampered)).toBeNull();
  });

  it("rejects another invoice id carrying a genuine signature", () => {
    const [, sig] = invoiceLinkToken(keyring, 7).split(".");
    expect(verifyInvoiceLinkToken(keyring, `${(8).toString(36)}.${sig}`)).toBeNull();
    expect(invoiceLinkToken(keyring, 8)).not.toBe(invoiceLinkToken(keyring, 7));
  });

  it("rejects tokens signed under another keyring or for another purpose", () => {
    const other = generateDevKeyring().keyring;
    expect(verifyInvoiceLinkToken(keyring, invoiceLinkToken(other, 7))).toBeNull();
    expect(verifyInvoiceLinkToken(keyring, linkToken(keyring, 7, newLinkNonce()))).toBeNull();
  });

  it("rejects malformed tokens and out-of-range ids", () => {
    for (const bad of ["", "7", "7.", ".abc", "0.AAAAAAAAAAAAAAAAAAAAAA", "zzzzzzz.AAAAAAAAAAAAAAAAAAAAAA", "7.short", "7/../8.AAAAAAAAAAAAAAAAAAAAAA"]) {
      expect(verifyInvoiceLinkToken(keyring, bad)).toBeNull();
    }
    expect(() => invoiceLinkToken(keyring, 0)).toThrow(RangeError);
  });

  it("builds the public path and absolute URL", () => {
    const token = invoiceLinkToken(keyring, 5);
    expect(invoicePath(token)).toBe(`/i/${token}`);
    expect(invoiceUrl(token, "https://pay.example.kr/")).toBe(`https://pay.example.kr/i/${token}`);
  });
});
