import { addDays, type BusinessDate } from "@sunap/core";

/** Calendar arithmetic on `YYYY-MM-DD` strings, in whole days (UTC arithmetic, no time of day). */

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function dateParts(date: BusinessDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Day `day` of the month `offset` months after (year, month), clamped to that month's last day:
 * an anchor on the 31st lands on Feb 28 (29 in a leap year), Apr 30 and so on, and never drifts.
 */
export function anchoredDate(year: number, month: number, offset: number, day: number): BusinessDate {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInMonth(y, m)), 2)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: BusinessDate, to: BusinessDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days in the range, both ends included; 0 for an empty range. */
export function daysInRange(first: BusinessDate, last: BusinessDate): number {
  return Math.max(0, daysFrom(first, last) + 1);
}

export const minDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a < b ? a : b);
export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);
export const dayBefore = (date: BusinessDate): BusinessDate => addDays(date, -1);
