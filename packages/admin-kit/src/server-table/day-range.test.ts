import { describe, expect, it } from "vitest";
import dayjs from "dayjs";
import { dayRangeFilters } from "./day-range.ts";

describe("dayRangeFilters", () => {
  it("covers the first day from its start and the last day to its end", () => {
    const from = dayjs("2026-03-02T15:30:00");
    const to = dayjs("2026-03-05T08:00:00");
    expect(dayRangeFilters("createdAt", [from, to])).toEqual([
      { field: "createdAt", operator: "gte", value: dayjs("2026-03-02T00:00:00.000").toISOString() },
      { field: "createdAt", operator: "lte", value: dayjs("2026-03-05T23:59:59.999").toISOString() },
    ]);
  });

  it("sends nothing for an open end or an empty picker", () => {
    expect(dayRangeFilters("at", [null, dayjs("2026-03-05")])).toEqual([{ field: "at", operator: "lte", value: dayjs("2026-03-05T23:59:59.999").toISOString() }]);
    expect(dayRangeFilters("at", [dayjs("2026-03-02"), undefined])).toHaveLength(1);
    expect(dayRangeFilters("at", null)).toEqual([]);
    expect(dayRangeFilters("at", undefined)).toEqual([]);
  });
});
