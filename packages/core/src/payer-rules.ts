import { isBusinessDate, type BusinessDate } from "./business-date.ts";

/** Below this age a payer cannot consent alone (a guardian must): Korean practice for financial consent. */
export const MINIMUM_PAYER_AGE = 14;

/** Full years between a birth date and a day; a birthday counts on its date (29 Feb → 1 Mar in common years). */
export function ageOn(birthDate: BusinessDate, today: BusinessDate): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export type BirthDateProblem = "payer.birth_date_invalid" | "payer.birth_date_future" | "payer.under_minimum_age";

export function birthDateProblem(birthDate: string, today: BusinessDate): BirthDateProblem | null {
  if (!isBusinessDate(birthDate) || birthDate < "1900-01-01") return "payer.birth_date_invalid";
  if (birthDate > today) return "payer.birth_date_future";
  if (ageOn(birthDate, today) < MINIMUM_PAYER_AGE) return "payer.under_minimum_age";
  return null;
}

/** Korean mobile (010…) and landline numbers: 9–11 digits starting with 0, dashes optional. */
export function isKoreanPhone(value: string): boolean {
  const digits = value.replace(/[\s-]/g, "");
  return /^0(1[016789]\d{7,8}|2\d{7,8}|[3-6][1-5]\d{7,8}|70\d{8}|50\d{8,9})$/.test(digits);
}

export function phoneDigits(value: string): string {
  return value.replace(/\D/g, "");
}
