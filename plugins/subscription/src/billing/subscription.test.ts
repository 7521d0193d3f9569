import { describe, expect, it } from "vitest";
import { Plan } from "./plan.ts";
import { Subscription } from "./subscription.ts";

const plan = { code: "GYM", name: { ko: "헬스", en: "Gym" }, interval: "monthly", priceWon: 30_000n };
const base = { planCode: "GYM", startOn: "2026-01-01", status: "active" };

function problems(schema: typeof Plan | typeof Subscription, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("plan and subscription schemas", () => {
  it("fill the defaults: VAT included, no trial, due on the day", () => {
    expect(Plan.parse(plan)).toMatchObject({ trialDays: 0, vatIncluded: true, taxExempt: false, dueAfterDays: 0 });
    expect(Subscription.parse(base)).toMatchObject({ pauses: [], planChanges: [], discounts: [] });
  });

  const bad: { name: string; schema: typeof Plan | typeof Subscription; input: unknown; path: string }[] = [
    { name: "a negative price", schema: Plan, input: { ...plan, priceWon: -1n }, path: "priceWon" },
    { name: "an unknown interval", schema: Plan, input: { ...plan, interval: "weekly" }, path: "interval" },
    { name: "a fractional trial", schema: Plan, input: { ...plan, trialDays: 1.5 }, path: "trialDays" },
    { name: "a date that does not exist", schema: Subscription, input: { ...base, startOn: "2026-02-29" }, path: "startOn" },
    { name: "anchor day 32", schema: Subscription, input: { ...base, anchorDay: 32 }, path: "anchorDay" },
    { name: "a resume before the pause", schema: Subscription, input: { ...base, pauses: [{ from: "2026-03-10", until: "2026-03-01" }] }, path: "pauses.0.until" },
    {
      name: "overlapping pauses",
      schema: Subscription,
      input: { ...base, pauses: [{ from: "2026-03-01", until: "2026-03-10" }, { from: "2026-03-09" }] },
      path: "pauses.1.from",
    },
    { name: "a pause before the start", schema: Subscription, input: { ...base, pauses: [{ from: "2025-12-01" }] }, path: "pauses.0.from" },
    { name: "a cancelled status without its cancellation", schema: Subscription, input: { ...base, status: "cancelled" }, path: "cancellation" },
    { name: "a paused status without a pause", schema: Subscription, input: { ...base, status: "paused" }, path: "pauses" },
    { name: "a discount of 0%", schema: Subscription, input: { ...base, discounts: [{ kind: "percent", percent: 0 }] }, path: "discounts.0.percent" },
    { name: "a discount of 101%", schema: Subscription, input: { ...base, discounts: [{ kind: "percent", percent: 101 }] }, path: "discounts.0.percent" },
    { name: "a fixed discount of zero", schema: Subscription, input: { ...base, discounts: [{ kind: "fixed", amountWon: 0n }] }, path: "discounts.0.amountWon" },
    {
      name: "a plan change on the start day",
      schema: Subscription,
      input: { ...base, planChanges: [{ effectiveOn: "2026-01-01", plan }] },
      path: "planChanges.0.effectiveOn",
    },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}, naming the field`, () => {
      expect(problems(c.schema, c.input).map((p) => p.split(":")[0])).toContain(c.path);
    });
  }
});
