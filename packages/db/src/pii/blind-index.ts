import { createHmac } from "node:crypto";
import type { Keyring } from "./keyring.ts";

/**
 * Blind indexes make encrypted columns searchable by equality: the same normalised value
 * always gives the same index, and without the blind-index key the index reveals nothing.
 * The values indexed here have little entropy (10^4 account endings, ~10^8 mobile numbers,
 * ~40,000 birth dates), so anyone holding that key can enumerate them: it is a key of its
 * own, never an encryption key, and never logged.
 *
 * Output: HMAC-SHA256 over `sunap.bi.v1|<kind>|<normalised value>`, the first 24 bytes as
 * unpadded base64url = 32 characters (192 bits). The kind prefix separates domains, so
 * "19900131" as a birth date and as some other kind never share an index.
 */
export type BlindIndexKind = "phone" | "account_last4" | "birth_date" | "business_number";

export const BLIND_INDEX_LENGTH = 32;

/** A value that cannot be normalised for its kind (too few digits, not a date, …). Never echoes the value. */
export class BlindIndexInputError extends Error {
  constructor(
    readonly kind: BlindIndexKind,
    message: string,
  ) {
    super(`Cannot index ${kind}: ${message}`);
    this.name = "BlindIndexInputError";
  }
}

const digitsOf = (value: string) => value.replace(/\D/g, "");

/** Korean phone numbers written internationally (+82 10-…, 0082 10-…) become domestic (010-…). */
export function normalisePhone(value: string): string {
  const trimmed = value.trim();
  let digits = digitsOf(trimmed);
  if (/^\+\s*82/.test(trimmed)) digits = "0" + digits.slice(2).replace(/^0/, "");
  else if (/^0082/.test(digits)) digits = "0" + digits.slice(4).replace(/^0/, "");
  return digits;
}

const NORMALISE: Record<BlindIndexKind, (value: string) => string> = {
  phone(value) {
    const digits = normalisePhone(value);
    if (digits.length < 8 || digits.length > 12) throw new BlindIndexInputError("phone", "a phone number has 8 to 12 digits");
    return digits;
  },
  // A whole account number and its last four digits give the same index: search takes either.
  account_last4(value) {
    const digits = digitsOf(value);
    if (digits.length < 4) throw new BlindIndexInputError("account_last4", "at least 4 digits are needed");
    return digits.slice(-4);
  },
  birth_date(value) {
    const digits = digitsOf(value);
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!match || !date || date.getUTCDate() !== Number(match[3]) || date.getUTCMonth() !== Number(match[2]) - 1) {
      throw new BlindIndexInputError("birth_date", "expected a date as YYYY-MM-DD or YYYYMMDD");
    }
    return digits;
  },
  business_number(value) {
    const digits = digitsOf(value);
    if (digits.length !== 10) throw new BlindIndexInputError("business_number", "a business registration number has 10 digits");
    return digits;
  },
};

export function blindIndex(keyring: Keyring, kind: BlindIndexKind, value: string): string {
  const normalised = NORMALISE[kind](value);
  return createHmac("sha256", keyring.blindIndexKey)
    .update(`sunap.bi.v1|${kind}|${normalised}`, "utf8")
    .digest()
    .subarray(0, 24)
    .toString("base64url");
}

/** Index for searching payers by phone: 010-1234-5678, 01012345678 and +82 10 1234 5678 match. */
export function phoneSearchIndex(keyring: Keyring, phone: string): string {
  return blindIndex(keyring, "phone", phone);
}

/** Index of an account's last four digits; pass the full account number when storing, the four digits when searching. */
export function accountLast4Index(keyring: Keyring, accountNumberOrLast4: string): string {
  return blindIndex(keyring, "account_last4", accountNumberOrLast4);
}
