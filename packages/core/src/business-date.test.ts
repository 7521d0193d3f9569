import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "./business-date.ts";

describe("daysBetween", () => {
  it.each([
    ["2026-01-20", "2026-02-25", 36],
    ["2026-02-25", "2026-03-25", 28],
    ["2028-02-25", "2028-03-25", 29],
    ["2026-12-31", "2027-01-01", 1],
    ["2026-03-01", "2026-03-01", 0],
    ["2026-03-05", "2026-03-01", -4],
  ])("counts %s → %s as %i days (one end only)", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it("undoes addDays across a leap day", () => {
    expect(daysBetween("2028-02-20", addDays("2028-02-20", 400))).toBe(400);
  });
});
