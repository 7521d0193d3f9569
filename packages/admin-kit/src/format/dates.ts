import dayjs from "dayjs";

/** A business date is already `YYYY-MM-DD`; a timestamp is shown in the browser's time as `YYYY-MM-DD HH:mm`. */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dayjs(value).format("YYYY-MM-DD HH:mm:ss");
}

export function toBusinessDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format("YYYY-MM-DD") : null;
}

export function fromBusinessDate(value: string | null | undefined): dayjs.Dayjs | null {
  return value ? dayjs(value, "YYYY-MM-DD") : null;
}

/** The day of a timestamp, `YYYY-MM-DD` in the browser's time (lists; details show the time too). */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dayjs(value).format("YYYY-MM-DD");
}

/** A PostgreSQL DATE the API passed through as a Date at midnight UTC: its calendar day, whatever the browser's zone. */
export function formatDbDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}
