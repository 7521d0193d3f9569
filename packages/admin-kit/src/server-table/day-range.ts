import type { Dayjs } from "dayjs";
import type { ListFilter } from "./list-request.ts";

/** What an antd RangePicker with `allowEmpty` holds: either end may be open. */
export type DayRange = readonly [Dayjs | null | undefined, Dayjs | null | undefined] | null | undefined;

/**
 * The filters for a timestamp column picked by whole days in the browser's time zone: from the
 * first day's start to the last day's end, as ISO instants; an open end sends no filter.
 */
export function dayRangeFilters(field: string, range: DayRange): ListFilter[] {
  const [from, to] = range ?? [null, null];
  const filters: ListFilter[] = [];
  if (from) filters.push({ field, operator: "gte", value: from.startOf("day").toISOString() });
  if (to) filters.push({ field, operator: "lte", value: to.endOf("day").toISOString() });
  return filters;
}
