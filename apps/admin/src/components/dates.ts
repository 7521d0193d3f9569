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
