import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, chargeTotal, type ChargeLine } from "@sunap/core";
import { Plan } from "./plan.ts";
import { Subscription } from "./subscription.ts";
import { subscriptionPeriods } from "./periods.ts";
import { subscriptionCharges } from "./charges.ts";

const monthly = Plan.parse({ code: "GYM", name: { ko: "헬스 월회원", en: "Gym monthly" }, interval: "monthly", priceWon: 30_000n, vatIncluded: false });
const premium = Plan.parse({ ...monthly, code: "GYM_PLUS", name: { ko: "헬스 프리미엄", en: "Gym premium" }, priceWon: 60_000n });

const sub = (fields: Record<string, unknown>) => Subscription.parse({ planCode: "GYM", startOn: "2026-01-01", status: "active", ...fields });
const compact = (lines: ChargeLine[]) => lines.map((l) => `${l.kind} ${l.amountWon} ${l.creditAccount}`);

/** The charges of every period through a date, by key. */
function chargesByKey(subscription: Subscription, plan: Plan, through: string): Record<string, string[]> {
  return Object.fromEntries(subscriptionPeriods(subscription, plan, { through }).map((p) => [p.key, compact(subscriptionCharges(subscription, plan, p))]));
}
function chargesFor(subscription: Subscription, plan: Plan, key: string, through = "2030-12-31"): ChargeLine[] {
  const period = subscriptionPeriods(subscription, plan, { through }).find((p) => p.key === key);
  if (!period) throw new Error(`no period ${key}`);
  return subscriptionCharges(subscription, plan, period);
}

describe("subscriptionCharges: price, proration and VAT", () => {
  const cases: { name: string; plan?: Partial<Plan>; subscription?: Record<string, unknown>; key: string; expected: string[] }[] = [
    {
      name: "a whole month at a price before VAT: price plus 10% VAT",
      key: "2026-02",
      expected: ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
    },
    {
      name: "a VAT-inclusive price is split: supply = total ÷ 1.1 truncated, VAT the rest",
      plan: { priceWon: 10_000n, vatIncluded: true },
      key: "2026-02",
      expected: ["subscription 9090 revenue_subscription", "vat 910 vat_payable"],
    },
    {
      name: "a VAT-inclusive 33,000 won is 30,000 supply and 3,000 VAT",
      plan: { priceWon: 33_000n, vatIncluded: true },
      key: "2026-02",
      expected: ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
    },
    {
      name: "a tax-exempt plan has no VAT line",
      plan: { taxExempt: true },
      key: "2026-02",
      expected: ["subscription 30000 revenue_subscription"],
    },
    {
      name: "a mid-month start is prorated daily: 30,000 × 11/30, VAT on the result",
      subscription: { startOn: "2026-11-20", anchorDay: 1 },
      key: "2026-11",
      expected: ["proration 11000 revenue_subscription", "vat 1100 vat_payable"],
    },
    {
      name: "a start on the last day of a 31-day period bills one day, truncated: 30,000 ÷ 31 = 967.7 → 967",
      subscription: { startOn: "2026-01-31", anchorDay: 1 },
      key: "2026-01",
      expected: ["proration 967 revenue_subscription", "vat 96 vat_payable"],
    },
    {
      name: "a start on the first day of a period bills the whole price",
      subscription: { startOn: "2026-03-01", anchorDay: 1 },
      key: "2026-03",
      expected: ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
    },
    {
      name: "February of a leap year has 29 days: cancel now on the 15th bills 14/29",
      plan: { priceWon: 29_000n },
      subscription: { startOn: "2028-01-01", status: "cancelled", cancellation: { on: "2028-02-15", mode: "now" } },
      key: "2028-02",
      expected: ["proration 14000 revenue_subscription", "vat 1400 vat_payable"],
    },
    {
      name: "February of a common year has 28 days: the same cancellation bills 14/28",
      plan: { priceWon: 29_000n },
      subscription: { startOn: "2027-01-01", status: "cancelled", cancellation: { on: "2027-02-15", mode: "now" } },
      key: "2027-02",
      expected: ["proration 14500 revenue_subscription", "vat 1450 vat_payable"],
    },
    {
      name: "anchor day 31: the period from Feb 29 to Mar 30, 2028 is whole (31 days) at full price",
      subscription: { startOn: "2028-01-31" },
      key: "2028-02",
      expected: ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
    },
    {
      name: "a partial pause bills the unpaused days: March 10–19 paused → 21/31",
      plan: { priceWon: 31_000n },
      subscription: { pauses: [{ from: "2026-03-10", until: "2026-03-20" }] },
      key: "2026-03",
      expected: ["proration 21000 revenue_subscription", "vat 2100 vat_payable"],
    },
    {
      name: "the trial's days inside a period are not billed (explicit anchor on the 1st, 14-day trial)",
      plan: { priceWon: 31_000n, trialDays: 14 },
      subscription: { anchorDay: 1 },
      key: "2026-01",
      expected: ["proration 17000 revenue_subscription", "vat 1700 vat_payable"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = Plan.parse({ ...monthly, ...c.plan });
      expect(compact(chargesFor(sub(c.subscription ?? {}), plan, c.key))).toEqual(c.expected);
    });
  }

  it("states the proration and its rounding in the line's basis", () => {
    const [line] = chargesFor(sub({ startOn: "2026-11-20", anchorDay: 1 }), monthly, "2026-11");
    expect(line?.basis?.ko).toBe("30,000원 × 11/30일 (일할, 원 미만 절사)");
    expect(line?.basis?.en).toBe("₩30,000 × 11/30 days (daily proration, truncated to the won)");
  });

  it("bills a move to a dearer plan mid-period as the difference over the days left, truncated", () => {
    const s = sub({ planChanges: [{ effectiveOn: "2026-03-16", plan: premium }] });
    expect(chargesByKey(s, monthly, "2026-04-01")).toEqual({
      "2026-01": ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
      "2026-02": ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
      "2026-03": ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
      // (60,000 − 30,000) × 16/31 = 15,483.87 → 15,483
      "2026-03:upgrade:2026-03-16": ["plan_change 15483 revenue_subscription", "vat 1548 vat_payable"],
      "2026-04": ["subscription 60000 revenue_subscription", "vat 6000 vat_payable"],
    });
  });

  it("refuses a period that is not one of the subscription's", () => {
    const period = { start: "2026-01-05", end: "2026-02-04", issueOn: "2026-01-05", dueOn: "2026-01-05", key: "2026-01-05" };
    expect(() => subscriptionCharges(sub({}), monthly, period)).toThrow("subscription.unknown_period");
  });
});

describe("subscriptionCharges: discounts", () => {
  it("applies a percentage for N periods, then none", () => {
    const s = sub({ discounts: [{ kind: "percent", percent: 50, periods: 2 }] });
    expect(chargesByKey(s, monthly, "2026-03-01")).toEqual({
      "2026-01": ["subscription 30000 revenue_subscription", "discount -15000 revenue_subscription", "vat 1500 vat_payable"],
      "2026-02": ["subscription 30000 revenue_subscription", "discount -15000 revenue_subscription", "vat 1500 vat_payable"],
      "2026-03": ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
    });
  });

  it("counts only billed periods: a period skipped by a pause does not use up the discount", () => {
    const s = sub({ pauses: [{ from: "2026-02-01", until: "2026-03-01" }], discounts: [{ kind: "fixed", amountWon: 5_000n, periods: 2 }] });
    expect(chargesByKey(s, monthly, "2026-04-01")).toEqual({
      "2026-01": ["subscription 30000 revenue_subscription", "discount -5000 revenue_subscription", "vat 2500 vat_payable"],
      "2026-03": ["subscription 30000 revenue_subscription", "discount -5000 revenue_subscription", "vat 2500 vat_payable"],
      "2026-04": ["subscription 30000 revenue_subscription", "vat 3000 vat_payable"],
    });
  });

  it("starts a discount with the first period starting on or after its start date", () => {
    const s = sub({ discounts: [{ kind: "fixed", amountWon: 1_000n, periods: 1, startsOn: "2026-02-10" }] });
    const byKey = chargesByKey(s, monthly, "2026-04-01");
    expect(byKey["2026-02"]).toEqual(["subscription 30000 revenue_subscription", "vat 3000 vat_payable"]);
    expect(byKey["2026-03"]).toEqual(["subscription 30000 revenue_subscription", "discount -1000 revenue_subscription", "vat 2900 vat_payable"]);
    expect(byKey["2026-04"]).toEqual(["subscription 30000 revenue_subscription", "vat 3000 vat_payable"]);
  });

  it("truncates a percentage discount to the won and takes it from the prorated price", () => {
    // 30,000 × 11/30 = 11,000; 15% of it = 1,650; 33% of 967 = 319.11 → 319
    expect(compact(chargesFor(sub({ startOn: "2026-11-20", anchorDay: 1, discounts: [{ kind: "percent", percent: 15 }] }), monthly, "2026-11"))).toEqual([
      "proration 11000 revenue_subscription",
      "discount -1650 revenue_subscription",
      "vat 935 vat_payable",
    ]);
    expect(compact(chargesFor(sub({ startOn: "2026-01-31", anchorDay: 1, discounts: [{ kind: "percent", percent: 33 }] }), monthly, "2026-01"))).toEqual([
      "proration 967 revenue_subscription",
      "discount -319 revenue_subscription",
      "vat 64 vat_payable",
    ]);
  });

  it("never takes a period below zero: discounts are capped at the price", () => {
    const s = sub({ discounts: [{ kind: "percent", percent: 60 }, { kind: "fixed", amountWon: 20_000n }] });
    expect(compact(chargesFor(s, monthly, "2026-01"))).toEqual(["subscription 30000 revenue_subscription", "discount -18000 revenue_subscription", "discount -12000 revenue_subscription"]);
  });

  it("splits a discounted VAT-inclusive total once, and the lines add up to what the payer was quoted", () => {
    const plan = Plan.parse({ ...monthly, priceWon: 10_000n, vatIncluded: true });
    const lines = chargesFor(sub({ discounts: [{ kind: "fixed", amountWon: 1_000n }] }), plan, "2026-01");
    // 10,000 − 1,000 = 9,000 → supply 8,181, VAT 819; the discount at supply 909, the price line 8,181 + 909
    expect(compact(lines)).toEqual(["subscription 9090 revenue_subscription", "discount -909 revenue_subscription", "vat 819 vat_payable"]);
    expect(chargeTotal(lines)).toBe(9_000n);
  });
});

describe("subscriptionCharges: invariants (properties)", () => {
  const planArb = fc.record({
    interval: fc.constantFrom("monthly", "quarterly", "annual"),
    priceWon: fc.bigInt({ min: 0n, max: 10_000_000n }),
    vatIncluded: fc.boolean(),
    taxExempt: fc.boolean(),
    trialDays: fc.integer({ min: 0, max: 40 }),
  });
  const startArb = fc.integer({ min: 0, max: 1200 }).map((n) => addDays("2026-01-01", n));

  it("a whole period costs exactly the plan's price", () => {
    fc.assert(
      fc.property(planArb, startArb, (p, startOn) => {
        const plan = Plan.parse({ ...monthly, ...p, trialDays: 0 });
        const s = sub({ startOn });
        for (const period of subscriptionPeriods(s, plan, { through: addDays(startOn, 800) })) {
          const total = chargeTotal(subscriptionCharges(s, plan, period));
          const expected = plan.taxExempt || plan.vatIncluded ? plan.priceWon : plan.priceWon + (plan.priceWon * 10n) / 100n;
          expect(total).toBe(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("no period ever costs less than zero or more than a whole period, whatever the discounts, pauses and changes", () => {
    const discountArb = fc.oneof(
      fc.record({ kind: fc.constant("fixed"), amountWon: fc.bigInt({ min: 1n, max: 20_000_000n }), periods: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }),
      fc.record({ kind: fc.constant("percent"), percent: fc.integer({ min: 1, max: 100 }), periods: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }),
    );
    fc.assert(
      fc.property(
        planArb,
        startArb,
        fc.integer({ min: 1, max: 31 }),
        fc.array(discountArb, { maxLength: 3 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        (p, startOn, anchorDay, discounts, pauseAfter, pauseDays, upgradePrice) => {
          const plan = Plan.parse({ ...monthly, ...p });
          const other = Plan.parse({ ...plan, code: "OTHER", priceWon: upgradePrice });
          const from = addDays(startOn, pauseAfter);
          const s = sub({
            startOn,
            anchorDay,
            discounts,
            pauses: [{ from, until: addDays(from, pauseDays) }],
            planChanges: [{ effectiveOn: addDays(startOn, pauseAfter + 20), plan: other }],
          });
          const most = (x: bigint) => (plan.taxExempt || plan.vatIncluded ? x : x + (x * 10n) / 100n);
          const ceiling = most(plan.priceWon > other.priceWon ? plan.priceWon : other.priceWon);
          for (const period of subscriptionPeriods(s, plan, { through: addDays(startOn, 500) })) {
            const total = chargeTotal(subscriptionCharges(s, plan, period));
            expect(total >= 0n).toBe(true);
            expect(total <= ceiling).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
