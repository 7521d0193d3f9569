import type { BusinessDate } from "@sunap/core";

export interface ZonedDateTime {
  date: BusinessDate;
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time an instant shows in a time zone (e.g. Asia/Seoul). */
export function zonedDateTime(instant: Date, timeZone: string): ZonedDateTime {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    minuteOfDay: Number(get("hour")) * 60 + Number(get("minute")),
  };
}

/** "17:00" → 1020; anything but a valid HH:MM is refused. */
export function parseTimeOfDay(value: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}
