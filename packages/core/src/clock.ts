import { businessDateAt, type BusinessDate } from "./business-date.ts";

/** The one source of "now" and "today". Jobs, reports and rules take it; nothing calls Date.now(). */
export interface Clock {
  now(): Date;
  /** Today's business date in the organisation's time zone. */
  today(): BusinessDate;
  /**
   * "Now" on the business calendar: today() at the wall clock's time of day. It differs from
   * now() only while the date is pinned (demo and test mode). A clock without it is never pinned.
   */
  businessNow?(): Date;
}

/**
 * The instant that validity windows counted in days (an enrollment link's 14 days) are measured
 * at, so moving the business date in a demo expires them. Sessions, one-time codes and rate
 * limits keep to `clock.now()`: they guard against people acting in real minutes.
 */
export function businessNow(clock: Clock): Date {
  return clock.businessNow?.() ?? clock.now();
}

export function systemClock(timeZone: string): Clock {
  return { now: () => new Date(), today: () => businessDateAt(new Date(), timeZone) };
}

/**
 * A clock whose business date is pinned (demo and test mode: `SUNAP_TODAY`, or the admin's
 * demo control). The time of day still runs, so timestamps stay ordered.
 */
export function pinnedClock(today: BusinessDate, timeZone: string, base: Clock = systemClock(timeZone)): Clock {
  return { now: () => base.now(), today: () => today, businessNow: () => atTimeOfDayOn(today, base.now(), timeZone) };
}

/** Local wall time of an instant in a time zone, as if it were UTC (ms), minus the instant: the zone's offset then. */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"), instant.getUTCMilliseconds());
  return wall - instant.getTime();
}

/**
 * The instant on `date` at the time of day `instant` shows in `timeZone` (09:30 in Seoul stays
 * 09:30 in Seoul, whatever the date). Across a daylight-saving change the zone's offset on
 * `date` is used; a time of day the change skips comes out shifted by the gap.
 */
export function atTimeOfDayOn(date: BusinessDate, instant: Date, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const sinceMidnightMs = (instant.getTime() + offsetMs(instant, timeZone)) % 86_400_000;
  const wall = Date.UTC(y, m - 1, d) + (sinceMidnightMs + 86_400_000) % 86_400_000;
  // First guess with today's offset, then correct it with the offset in force on that date.
  const guess = wall - offsetMs(instant, timeZone);
  return new Date(wall - offsetMs(new Date(guess), timeZone));
}
