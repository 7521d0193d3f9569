import { describe, expect, it } from "vitest";
import { dueDates, firstDueOn, repaymentDateIn, startsOnRepaymentDate } from "./loan-dates.ts";

describe("loan dates", () => {
  it.each([
    [2026, 2, 31, "2026-02-28"],
    [2028, 2, 31, "2028-02-29"],
    [2028, 2, 29, "2028-02-29"],
    [2029, 2, 29, "2029-02-28"],
    [2026, 4, 31, "2026-04-30"],
    [2026, 13, 25, "2027-01-25"],
    [2026, 25, 1, "2028-01-01"],
  ])("puts repayment day in %i-%i (day %i) on %s: days 29–31 move to a short month's last day", (year, month, day, expected) => {
    expect(repaymentDateIn(year, month, day)).toBe(expected);
  });

  it.each([
    // A first period of 5 days is folded into the next month: 36 days.
    ["2026-01-20", 25, "2026-02-25"],
    // 20 days is long enough: the first period is short.
    ["2026-01-05", 25, "2026-01-25"],
    // The boundary: 15 days stays, 14 days folds.
    ["2026-01-10", 25, "2026-01-25"],
    ["2026-01-11", 25, "2026-02-25"],
    // Disbursed on the repayment date: a whole month.
    ["2026-01-25", 25, "2026-02-25"],
    ["2026-01-31", 31, "2026-02-28"],
    ["2028-02-29", 31, "2028-03-31"],
    ["2026-12-20", 5, "2027-01-05"],
  ])("disbursed %s with repayment day %i first falls due on %s", (disbursedOn, day, expected) => {
    expect(firstDueOn(disbursedOn, day)).toBe(expected);
  });

  it.each([
    ["2026-01-25", 25, true],
    ["2026-02-28", 31, true],
    ["2028-02-28", 31, false],
    ["2026-01-20", 25, false],
  ])("knows whether %s is repayment day %i's date in its month (%s)", (date, day, expected) => {
    expect(startsOnRepaymentDate(date, day)).toBe(expected);
  });

  it("lists a due date each month, clamped to short months and back to the 31st", () => {
    expect(dueDates("2028-01-31", 4, 31)).toEqual(["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"]);
    expect(dueDates("2028-11-29", 4, 29)).toEqual(["2028-11-29", "2028-12-29", "2029-01-29", "2029-02-28"]);
  });
});
