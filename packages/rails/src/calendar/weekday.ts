import type { BusinessDate } from "@sunap/core";

/** 0 = Sunday … 6 = Saturday, read from the date itself so no time zone can shift it. */
export function weekdayOf(date: BusinessDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
