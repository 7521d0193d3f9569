import type { BusinessDate } from "@sunap/core";
import type { Month } from "./inputs.ts";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function daysInMonth(month: Month): number {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export function nextMonth(month: Month): Month {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(m + 1, 2)}`;
}

export const monthOf = (date: BusinessDate): Month => date.slice(0, 7);
export const firstDayOf = (month: Month): BusinessDate => `${month}-01`;
export const lastDayOf = (month: Month): BusinessDate => `${month}-${pad(daysInMonth(month), 2)}`;

/** Day `day` of the month, or its last day when the month is shorter (the 31st is Feb 28/29, Apr 30 …). */
export function dayOfMonth(month: Month, day: number): BusinessDate {
  return `${month}-${pad(Math.min(day, daysInMonth(month)), 2)}`;
}
