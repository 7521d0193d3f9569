import { describe, expect, it } from "vitest";
import { reportDueOn, royaltyPeriod, royaltyPeriods } from "./royalty-periods.ts";
import { RoyaltyTerms } from "./terms.ts";

const terms = RoyaltyTerms.parse({ storeCode: "A", firstMonth: "2026-01", royalty: { kind: "flat", rateBp: 300 } });

describe("royalty periods", () => {
  it("a month's report is due on the 5th of the next month; its invoice is issued the day after, due 10 days later", () => {
    expect(royaltyPeriod(terms, "2026-12")).toEqual({ start: "2026-12-01", end: "2026-12-31", issueOn: "2027-01-06", dueOn: "2027-01-16", key: "2026-12" });
  });

  it.each([
    [31, "2028-01", "2028-02-29"],
    [31, "2027-01", "2027-02-28"],
    [30, "2026-03", "2026-04-30"],
    [1, "2026-02", "2026-03-01"],
  ])("a due day of %i for %s falls on %s", (reportDueDay, month, due) => {
    expect(reportDueOn(RoyaltyTerms.parse({ ...terms, reportDueDay }), month)).toBe(due);
  });

  it("catches up every month since the first one, once", () => {
    expect(royaltyPeriods(terms, { through: "2026-04-06" }).map((p) => p.key)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(royaltyPeriods(terms, { through: "2026-04-05" }).map((p) => p.key)).toEqual(["2026-01", "2026-02"]);
  });

  it("starts with the store's opening month and stops with its closing month", () => {
    const periods = royaltyPeriods(terms, { through: "2026-12-31", storeOpenedOn: "2026-03-20", storeClosedOn: "2026-06-10" });
    expect(periods.map((p) => p.key)).toEqual(["2026-03", "2026-04", "2026-05", "2026-06"]);
  });
});
