import { addDays, daysBetween, type BusinessDate } from "@sunap/core";

/** Day arithmetic for schedules on `YYYY-MM-DD` strings; months come from core's calendar-month. */

export function dateParts(date: BusinessDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** Days in the range, both ends included; 0 for an empty range. */
export function daysInRange(first: BusinessDate, last: BusinessDate): number {
  return Math.max(0, daysBetween(first, last) + 1);
}

export const minDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a < b ? a : b);
export const maxDate = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);
export const dayBefore = (date: BusinessDate): BusinessDate => addDays(date, -1);
