import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, chargeTotal } from "@sunap/core";
import { Gift, Pledge } from "./pledge.ts";
import { giftCharges, giftPeriod, pledgeCharges, pledgePeriods } from "./pledge-billing.ts";

const pledge = (fields: Record<string, unknown>) => Pledge.parse({ monthlyAmountWon: 30_000n, dayOfMonth: 25, startOn: "2026-01-10", status: "active", campaign: "WATER", ...fields });

describe("pledgePeriods", () => {
  const cases: { name: string; pledge: Record<string, unknown>; through: string; expected: string[] }[] = [
    { name: "collects on the pledge day of every month", pledge: {}, through: "2026-04-24", expected: ["2026-01-25", "2026-02-25", "2026-03-25"] },
    { name: "a start after the month's day begins next month", pledge: { startOn: "2026-01-26" }, through: "2026-03-31", expected: ["2026-02-25", "2026-03-25"] },
    { name: "a start on the day itself collects that day", pledge: { startOn: "2026-01-25" }, through: "2026-01-31", expected: ["2026-01-25"] },
    {
      name: "day 31 falls on the last day of shorter months (Feb 29 in 2028)",
      pledge: { dayOfMonth: 31, startOn: "2028-01-01" },
      through: "2028-04-30",
      expected: ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"],
    },
    { name: "day 29 in a common February is the 28th", pledge: { dayOfMonth: 29, startOn: "2027-01-01" }, through: "2027-03-31", expected: ["2027-01-29", "2027-02-28", "2027-03-29"] },
    {
      name: "a pause skips the months whose collection day it covers",
      pledge: { pauses: [{ from: "2026-02-25", until: "2026-04-01" }] },
      through: "2026-05-31",
      expected: ["2026-01-25", "2026-04-25", "2026-05-25"],
    },
    { name: "a pause resuming on the collection day collects that day", pledge: { pauses: [{ from: "2026-02-01", until: "2026-02-25" }] }, through: "2026-02-28", expected: ["2026-01-25", "2026-02-25"] },
    { name: "an open-ended pause stops collection", pledge: { status: "paused", pauses: [{ from: "2026-03-01" }] }, through: "2026-12-31", expected: ["2026-01-25", "2026-02-25"] },
    { name: "a cancellation stops collection from its date", pledge: { status: "cancelled", cancelledOn: "2026-03-25" }, through: "2026-12-31", expected: ["2026-01-25", "2026-02-25"] },
    { name: "nothing before the first collection day", pledge: {}, through: "2026-01-24", expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(pledgePeriods(pledge(c.pledge), { through: c.through }).map((p) => p.issueOn)).toEqual(c.expected));
  }

  it("keys each month, covers the calendar month and is due on the collection day", () => {
    expect(pledgePeriods(pledge({}), { through: "2026-02-28" })[1]).toEqual({ start: "2026-02-01", end: "2026-02-28", issueOn: "2026-02-25", dueOn: "2026-02-25", key: "2026-02" });
  });

  it("a later run only appends: catch-up yields each missed month once (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 800 }), (offset, day, a, b) => {
        const p = pledge({ startOn: addDays("2026-01-01", offset), dayOfMonth: day });
        const early = pledgePeriods(p, { through: addDays(p.startOn, Math.min(a, b)) });
        const late = pledgePeriods(p, { through: addDays(p.startOn, Math.max(a, b)) });
        expect(late.slice(0, early.length)).toEqual(early);
        expect(new Set(late.map((x) => x.key)).size).toBe(late.length);
      }),
    );
  });
});

describe("pledgeCharges", () => {
  it("one donation line to donation income, no VAT, naming campaign and fund", () => {
    const p = pledge({ fund: "GENERAL" });
    const [period] = pledgePeriods(p, { through: "2026-01-31" });
    expect(pledgeCharges(p, period!)).toEqual([
      {
        kind: "donation",
        label: { ko: "정기후원금", en: "Monthly donation" },
        amountWon: 30_000n,
        creditAccount: "donation_income",
        basis: { ko: "2026-01 정기후원, 캠페인 WATER, 기금 GENERAL", en: "2026-01 monthly pledge, campaign WATER, fund GENERAL" },
      },
    ]);
  });

  it("an upgrade mid-year counts from the first collection on or after its date", () => {
    const p = pledge({ amountChanges: [{ effectiveOn: "2026-06-25", monthlyAmountWon: 50_000n }, { effectiveOn: "2026-09-26", monthlyAmountWon: 70_000n }] });
    const amounts = pledgePeriods(p, { through: "2026-12-31" }).map((period) => [period.key, chargeTotal(pledgeCharges(p, period))]);
    expect(amounts).toEqual([
      ["2026-01", 30_000n],
      ["2026-02", 30_000n],
      ["2026-03", 30_000n],
      ["2026-04", 30_000n],
      ["2026-05", 30_000n],
      ["2026-06", 50_000n],
      ["2026-07", 50_000n],
      ["2026-08", 50_000n],
      ["2026-09", 50_000n],
      ["2026-10", 70_000n],
      ["2026-11", 70_000n],
      ["2026-12", 70_000n],
    ]);
  });

  it("nothing for a paused month, and a key that is not a month is refused", () => {
    const p = pledge({ pauses: [{ from: "2026-02-01", until: "2026-03-01" }] });
    expect(pledgeCharges(p, { start: "2026-02-01", end: "2026-02-28", issueOn: "2026-02-25", dueOn: "2026-02-25", key: "2026-02" })).toEqual([]);
    expect(() => pledgeCharges(p, { start: "2026-02-01", end: "2026-02-28", issueOn: "2026-02-25", dueOn: "2026-02-25", key: "gift-7" })).toThrow("donations.unknown_period");
  });
});

describe("one-off gifts", () => {
  it("is billed once, on its day, to donation income", () => {
    const gift = Gift.parse({ amountWon: 100_000n, on: "2026-12-24", campaign: "WINTER" });
    expect(giftPeriod(gift, "42")).toEqual({ start: "2026-12-24", end: "2026-12-24", issueOn: "2026-12-24", dueOn: "2026-12-24", key: "gift-42" });
    expect(giftCharges(gift)).toMatchObject([{ kind: "gift", amountWon: 100_000n, creditAccount: "donation_income" }]);
  });
});

describe("pledge schema", () => {
  const paths = (fields: Record<string, unknown>) =>
    Pledge.safeParse({ monthlyAmountWon: 30_000n, dayOfMonth: 25, startOn: "2026-01-10", status: "active", ...fields }).error?.issues.map((i) => i.path.join(".")) ?? [];
  it.each([
    ["a zero amount", { monthlyAmountWon: 0n }, "monthlyAmountWon"],
    ["a negative amount", { monthlyAmountWon: -1n }, "monthlyAmountWon"],
    ["day 0", { dayOfMonth: 0 }, "dayOfMonth"],
    ["day 32", { dayOfMonth: 32 }, "dayOfMonth"],
    ["a cancelled status without its date", { status: "cancelled" }, "cancelledOn"],
    ["a cancellation before the start", { cancelledOn: "2026-01-01" }, "cancelledOn"],
    ["an upgrade to zero", { amountChanges: [{ effectiveOn: "2026-03-01", monthlyAmountWon: 0n }] }, "amountChanges.0.monthlyAmountWon"],
    ["overlapping pauses", { pauses: [{ from: "2026-02-01" }, { from: "2026-03-01", until: "2026-04-01" }] }, "pauses.1.from"],
  ])("refuses %s", (_name, fields, path) => expect(paths(fields)).toContain(path));
});
