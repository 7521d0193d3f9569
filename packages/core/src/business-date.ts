/** A business date: `YYYY-MM-DD` in the organisation's time zone, never a Date at midnight UTC. */
export type BusinessDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isBusinessDate(value: string): value is BusinessDate {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** The calendar date an instant falls on in a time zone (e.g. Asia/Seoul). */
export function businessDateAt(instant: Date, timeZone: string): BusinessDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, counting one end only (Jan 20 → Feb 25 is 36; negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first day of the month a date falls in: how accounting periods are named. */
export function monthStart(date: BusinessDate): BusinessDate {
  return `${date.slice(0, 7)}-01`;
}

/** Prisma hands `@db.Date` columns over as Dates at UTC midnight; this turns them back. */
export function businessDateFromDb(value: Date): BusinessDate {
  return value.toISOString().slice(0, 10);
}

export function businessDateToDb(date: BusinessDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
