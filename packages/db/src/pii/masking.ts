import { maskDigits } from "@sunap/core";
import { normalisePhone } from "./blind-index.ts";

/**
 * How personal numbers look on every screen and export. Masks never throw and never reveal
 * more on odd input: what does not parse as its kind has every digit and letter masked.
 *
 * - Phone `010-****-5678`: the carrier or area code (010, 02, 031 — shared by millions) and
 *   the last four, the same four the phone search matches on; the subscriber's middle group is hidden.
 * - Account number `***-***-**7890` (separators kept as entered, `******7890` when stored as
 *   digits): only the last four, the ones the account_last4 index searches, exactly as the
 *   audit log's maskDigits shows them, so a screen and an audit entry look alike.
 * - Birth date `1990-**-**`: the year stays, as it is what staff need (age checks such as the
 *   under-14 guardian rule, telling namesakes apart) and it narrows a person to a birth cohort
 *   only; month and day, which with a name single a person out (and are the front half of the
 *   resident registration number), are hidden. PIPA's minimisation principle: show no more than the task needs.
 * - Business registration number `123-45-*****`: the tax-office code and the taxpayer-type code
 *   are categories, not identities; the serial and check digit, which identify the business
 *   (for a sole proprietor, a person), are hidden.
 *
 * Short inputs (fewer than 8 digits) are masked whole: showing four of them would show most of the number.
 */
export type MaskKind = "phone" | "account_number" | "birth_date" | "business_number";

const MIN_DIGITS_TO_SHOW_LAST4 = 8;

/** Every letter and digit masked, separators kept: the fallback for input that does not parse. */
export function maskEntirely(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, "*");
}

function digitCount(value: string): number {
  return value.replace(/\D/g, "").length;
}

export function maskPhone(phone: string): string {
  const digits = normalisePhone(phone);
  if (digits.length < MIN_DIGITS_TO_SHOW_LAST4 || digits.length > 12 || /\p{L}/u.test(phone)) return maskEntirely(phone);
  const last4 = digits.slice(-4);
  const rest = digits.slice(0, -4);
  // 02 is Seoul; 050x are personal numbers; other 0xx are mobile/area codes; 15xx-style numbers have none.
  const prefix = rest.startsWith("02") ? "02" : /^050\d/.test(rest) ? rest.slice(0, 4) : rest.startsWith("0") ? rest.slice(0, 3) : "";
  const middle = rest.slice(prefix.length);
  if (middle.length < 3) return maskEntirely(phone);
  return [prefix, "*".repeat(middle.length), last4].filter(Boolean).join("-");
}

export function maskAccountNumber(accountNumber: string): string {
  const lettersMasked = accountNumber.replace(/\p{L}/gu, "*");
  if (digitCount(accountNumber) < MIN_DIGITS_TO_SHOW_LAST4) return maskEntirely(accountNumber);
  return maskDigits(lettersMasked, 4);
}

export function maskBirthDate(birthDate: string | Date): string {
  const text = birthDate instanceof Date ? (Number.isNaN(birthDate.getTime()) ? "" : birthDate.toISOString().slice(0, 10)) : birthDate.trim();
  const match = /^(\d{4})[-./]?\d{2}[-./]?\d{2}$/.exec(text);
  return match ? `${match[1]}-**-**` : "****-**-**";
}

export function maskBusinessNumber(businessNumber: string): string {
  const digits = businessNumber.replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return maskEntirely(businessNumber);
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-*****`;
}

/** The mask for a kind: one entry point for exports and list screens that go column by column. */
export function maskPersonal(kind: MaskKind, value: string): string {
  switch (kind) {
    case "phone":
      return maskPhone(value);
    case "account_number":
      return maskAccountNumber(value);
    case "birth_date":
      return maskBirthDate(value);
    case "business_number":
      return maskBusinessNumber(value);
  }
}
