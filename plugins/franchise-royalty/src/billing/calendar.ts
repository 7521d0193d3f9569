import { firstDayOf, lastDayOf, type BusinessDate } from "@sunap/core";
import type { Month } from "./inputs.ts";

// Month arithmetic lives in @sunap/core; re-exported so the plugin's files keep one import.
export { daysInMonth, addMonths, monthOf, firstDayOf, lastDayOf, dayOfMonth } from "@sunap/core";

/** Days of the month the store traded: from its opening (if in the month) to its closing date (if in the month), both included. */
export function daysOpenIn(month: Month, openedOn?: BusinessDate | null, closedOn?: BusinessDate | null): number {
  const first = openedOn && openedOn > firstDayOf(month) ? openedOn : firstDayOf(month);
  const last = closedOn && closedOn < lastDayOf(month) ? closedOn : lastDayOf(month);
  if (first > last) return 0;
  return Number(last.slice(8)) - Number(first.slice(8)) + 1;
}
