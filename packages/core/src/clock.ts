import { businessDateAt, type BusinessDate } from "./business-date.ts";

/** The one source of "now" and "today". Jobs, reports and rules take it; nothing calls Date.now(). */
export interface Clock {
  now(): Date;
  /** Today's business date in the organisation's time zone. */
  today(): BusinessDate;
}

export function systemClock(timeZone: string): Clock {
  return { now: () => new Date(), today: () => businessDateAt(new Date(), timeZone) };
}

/**
 * A clock whose business date is pinned (demo and test mode: `SUNAP_TODAY`, or the admin's
 * demo control). The time of day still runs, so timestamps stay ordered.
 */
export function pinnedClock(today: BusinessDate, timeZone: string, base: Clock = systemClock(timeZone)): Clock {
  return { now: () => base.now(), today: () => today };
}
