import type { BusinessDate } from "./business-date.ts";

/** A calendar month, `YYYY-MM`: how billing periods, sales reports and accounting periods are named. */
export type Month = string;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function isMonth(value: string): value is Month {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

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

export const nextMonth = (month: Month): Month => addMonths(month, 1);
export const monthOf = (date: BusinessDate): Month => date.slice(0, 7);
export const firstDayOf = (month: Month): BusinessDate => `${month}-01`;
export const lastDayOf = (month: Month): BusinessDate => `${month}-${pad(daysInMonth(month), 2)}`;

/** Day `day` of the month, or its last day when the month is shorter (the 31st is Feb 28/29, Apr 30 …). */
export function dayOfMonth(month: Month, day: number): BusinessDate {
  return `${month}-${pad(Math.min(day, daysInMonth(month)), 2)}`;
}
