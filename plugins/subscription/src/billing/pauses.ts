import type { BusinessDate } from "@sunap/core";
import { daysInRange, dayBefore, maxDate, minDate } from "./calendar.ts";
import type { Pause } from "./subscription.ts";

const FAR_FUTURE = "9999-12-31";

/** Last paused day of a pause (the day before it resumes); far in the future while it is open-ended. */
const lastPausedDay = (pause: Pause): BusinessDate => (pause.until ? dayBefore(pause.until) : FAR_FUTURE);

/** Paused days within [first, last]. Pauses never overlap (the schema refuses it), so they add up. */
export function pausedDaysIn(pauses: readonly Pause[], first: BusinessDate, last: BusinessDate): number {
  return pauses.reduce((sum, p) => sum + daysInRange(maxDate(first, p.from), minDate(last, lastPausedDay(p))), 0);
}

/** The first day in [first, last] not covered by a pause, or null when every day is paused. */
export function firstUnpausedDay(pauses: readonly Pause[], first: BusinessDate, last: BusinessDate): BusinessDate | null {
  let day = first;
  for (;;) {
    if (day > last) return null;
    const covering = pauses.find((p) => p.from <= day && day <= lastPausedDay(p));
    if (!covering) return day;
    if (!covering.until) return null;
    day = covering.until;
  }
}
