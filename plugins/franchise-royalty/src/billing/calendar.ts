import type { BusinessDate } from "@sunap/core";
import type { Month } from "./inputs.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function monthParts(month: Month): { year: number; month: number } {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return { year, month: m };
}

export function daysInMonth(month: Month): number {
  const { year, month: m } = monthParts(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export function addMonths(month: Month, offset: number): Month {
  const { year, month: m } = monthParts(month);
  const index = year * 12 + (m - 1) + offset;
  const y = Math.floor(index / 12);
  return `${pad(y, 4)}-${pad(index - y * 12 + 1, 2)}`;
}

export const monthOf = (date: BusinessDate): Month => date.slice(0, 7);
export const firstDayOf = (month: Month): BusinessDate => `${month}-01`;
export const lastDayOf = (month: Month): BusinessDate => `${month}-${pad(daysInMonth(month), 2)}`;

/** Day `day` of the month, or its last day when the month is shorter (a due day of 31 in February is the 28th or 29th). */
export function dayOfMonth(month: Month, day: number): BusinessDate {
  return `${month}-${pad(Math.min(day, daysInMonth(month)), 2)}`;
}

/** Days of the month the store traded: from its opening (if in the month) to its closing date (if in the month), both included. */
export function daysOpenIn(month: Month, openedOn?: BusinessDate | null, closedOn?: BusinessDate | null): number {
  const first = openedOn && openedOn > firstDayOf(month) ? openedOn : firstDayOf(month);
  const last = closedOn && closedOn < lastDayOf(month) ? closedOn : lastDayOf(month);
  if (first > last) return 0;
  return Number(last.slice(8)) - Number(first.slice(8)) + 1;
}
