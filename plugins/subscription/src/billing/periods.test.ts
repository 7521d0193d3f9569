import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "@sunap/core";
import { Plan } from "./plan.ts";
import { Subscription } from "./subscription.ts";
import { subscriptionPeriods } from "./periods.ts";

const monthly = Plan.parse({ code: "GYM", name: { ko: "헬스 월회원", en: "Gym monthly" }, interval: "monthly", priceWon: 30_000n, vatIncluded: false });
const premium = Plan.parse({ ...monthly, code: "GYM_PLUS", name: { ko: "헬스 프리미엄", en: "Gym premium" }, priceWon: 60_000n });
const basic = Plan.parse({ ...monthly, code: "GYM_LITE", name: { ko: "헬스 라이트", en: "Gym lite" }, priceWon: 20_000n });
const annual = Plan.parse({ ...monthly, code: "GYM_YEAR", name: { ko: "헬스 연회원", en: "Gym annual" }, interval: "annual", priceWon: 300_000n });
const quarterly = Plan.parse({ ...monthly, code: "GYM_Q", interval: "quarterly", priceWon: 85_000n });
const withTrial = Plan.parse({ ...monthly, trialDays: 14 });

const sub = (fields: Record<string, unknown>) => Subscription.parse({ planCode: "GYM", startOn: "2026-01-01", status: "active", ...fields });
const spans = (periods: { start: string; end: string }[]) => periods.map((p) => `${p.start}..${p.end}`);

describe("subscriptionPeriods", () => {
  const cases: { name: string; subscription: Record<string, unknown>; plan?: Plan; through: string; expected: string[]; keys?: string[] }[] = [
    {
      name: "bills a monthly subscription on its start day every month, up to the date asked",
      subscription: {},
      through: "2026-04-15",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-31", "2026-04-01..2026-04-30"],
      keys: ["2026-01", "2026-02", "2026-03", "2026-04"],
    },
    {
      name: "anchors on the 31st: short months bill on their last day, February 29 in a leap year (2028)",
      subscription: { startOn: "2028-01-31" },
      through: "2028-06-01",
      expected: ["2028-01-31..2028-02-28", "2028-02-29..2028-03-30", "2028-03-31..2028-04-29", "2028-04-30..2028-05-30", "2028-05-31..2028-06-29"],
      keys: ["2028-01", "2028-02", "2028-03", "2028-04", "2028-05"],
    },
    {
      name: "anchors on the 31st in a common year: February 28, then back to the 31st",
      subscription: { startOn: "2027-01-31" },
      through: "2027-03-31",
      expected: ["2027-01-31..2027-02-27", "2027-02-28..2027-03-30", "2027-03-31..2027-04-29"],
    },
    {
      name: "a start between anchor dates gives a short first period up to the next anchor date",
      subscription: { startOn: "2026-11-20", anchorDay: 1 },
      through: "2026-12-01",
      expected: ["2026-11-20..2026-11-30", "2026-12-01..2026-12-31"],
      keys: ["2026-11", "2026-12"],
    },
    {
      name: "a start on the last day of a period gives a one-day first period",
      subscription: { startOn: "2026-01-31", anchorDay: 1 },
      through: "2026-02-01",
      expected: ["2026-01-31..2026-01-31", "2026-02-01..2026-02-28"],
    },
    {
      name: "a start on the anchor day itself has no short first period",
      subscription: { startOn: "2026-03-15", anchorDay: 15 },
      through: "2026-04-15",
      expected: ["2026-03-15..2026-04-14", "2026-04-15..2026-05-14"],
    },
    {
      name: "quarterly periods run three months from the anchor",
      subscription: { planCode: "GYM_Q", startOn: "2026-01-15" },
      plan: quarterly,
      through: "2026-12-31",
      expected: ["2026-01-15..2026-04-14", "2026-04-15..2026-07-14", "2026-07-15..2026-10-14", "2026-10-15..2027-01-14"],
      keys: ["2026-01", "2026-04", "2026-07", "2026-10"],
    },
    {
      name: "an annual plan started on February 29 renews on February 28 in common years",
      subscription: { planCode: "GYM_YEAR", startOn: "2028-02-29" },
      plan: annual,
      through: "2030-03-01",
      expected: ["2028-02-29..2029-02-27", "2029-02-28..2030-02-27", "2030-02-28..2031-02-27"],
    },
    {
      name: "trial days are not billed: by default the anchor is the day billing starts",
      subscription: {},
      plan: withTrial,
      through: "2026-02-20",
      expected: ["2026-01-15..2026-02-14", "2026-02-15..2026-03-14"],
      keys: ["2026-01", "2026-02"],
    },
    {
      name: "with an explicit anchor, the period holding the end of the trial is billed from the first paid day",
      subscription: { anchorDay: 1 },
      plan: withTrial,
      through: "2026-02-01",
      expected: ["2026-01-15..2026-01-31", "2026-02-01..2026-02-28"],
    },
    {
      name: "a pause covering a whole period skips it",
      subscription: { pauses: [{ from: "2026-03-01", until: "2026-04-01" }] },
      through: "2026-04-30",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-04-01..2026-04-30"],
    },
    {
      name: "a pause covering part of a period keeps it (prorated), issued on its first unpaused day",
      subscription: { pauses: [{ from: "2026-03-01", until: "2026-03-11" }] },
      through: "2026-03-31",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-31"],
    },
    {
      name: "an open-ended pause bills nothing from the pause on",
      subscription: { status: "paused", pauses: [{ from: "2026-02-10" }] },
      through: "2026-12-31",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28"],
    },
    {
      name: "cancel now: the period is cut the day before the cancellation, nothing after",
      subscription: { status: "cancelled", cancellation: { on: "2026-03-10", mode: "now" } },
      through: "2026-12-31",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-09"],
    },
    {
      name: "cancel at period end: the period holding the date is billed in full, nothing after",
      subscription: { cancellation: { on: "2026-03-10", mode: "period_end" } },
      through: "2026-12-31",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-31"],
    },
    {
      name: "cancelling during the trial bills nothing, whatever the mode",
      subscription: { anchorDay: 1, cancellation: { on: "2026-01-05", mode: "period_end" } },
      plan: withTrial,
      through: "2026-12-31",
      expected: [],
    },
    {
      name: "cancel now on the start day bills nothing",
      subscription: { status: "cancelled", cancellation: { on: "2026-01-01", mode: "now" } },
      through: "2026-12-31",
      expected: [],
    },
    {
      name: "nothing is due before the subscription starts",
      subscription: { startOn: "2026-06-01" },
      through: "2026-05-31",
      expected: [],
    },
    {
      name: "a move to a dearer plan mid-period adds a period for the difference over the days left",
      subscription: { planChanges: [{ effectiveOn: "2026-02-16", plan: premium }] },
      through: "2026-03-01",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-02-16..2026-02-28", "2026-03-01..2026-03-31"],
      keys: ["2026-01", "2026-02", "2026-02:upgrade:2026-02-16", "2026-03"],
    },
    {
      name: "a move to a cheaper plan mid-period adds nothing: it applies from the next period",
      subscription: { planChanges: [{ effectiveOn: "2026-02-16", plan: basic }] },
      through: "2026-03-01",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2026-03-31"],
    },
    {
      name: "a move to another interval mid-period applies from the next anchor date",
      subscription: { planChanges: [{ effectiveOn: "2026-02-16", plan: annual }] },
      through: "2027-03-01",
      expected: ["2026-01-01..2026-01-31", "2026-02-01..2026-02-28", "2026-03-01..2027-02-28", "2027-03-01..2028-02-29"],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const periods = subscriptionPeriods(sub(c.subscription), c.plan ?? planFor(c.subscription), { through: c.through });
      expect(spans(periods)).toEqual(c.expected);
      if (c.keys) expect(periods.map((p) => p.key)).toEqual(c.keys);
    });
  }

  it("issues a period on its first billable day and makes it due after the plan's due days", () => {
    const plan = Plan.parse({ ...monthly, dueAfterDays: 7 });
    const periods = subscriptionPeriods(sub({ pauses: [{ from: "2026-03-01", until: "2026-03-11" }] }), plan, { through: "2026-03-31" });
    expect(periods.at(-1)).toEqual({ start: "2026-03-01", end: "2026-03-31", issueOn: "2026-03-11", dueOn: "2026-03-18", key: "2026-03" });
  });

  it("catches up: a subscription started in the past yields every missed period once, the same on every run", () => {
    const s = sub({ startOn: "2025-10-31", discounts: [] });
    const early = subscriptionPeriods(s, monthly, { through: "2026-01-15" });
    const late = subscriptionPeriods(s, monthly, { through: "2026-06-15" });
    expect(late.slice(0, early.length)).toEqual(early);
    expect(new Set(late.map((p) => p.key)).size).toBe(late.length);
    expect(late.map((p) => p.key)).toEqual(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
  });

  it("refuses a plan that is not the subscription's", () => {
    expect(() => subscriptionPeriods(sub({}), premium, { through: "2026-02-01" })).toThrow("subscription.plan_mismatch");
  });

  it("periods never overlap, keys are unique, and a later run only appends (property)", () => {
    const dates = fc.integer({ min: 0, max: 1500 }).map((n) => addDays("2026-01-01", n));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 31 }), fc.constantFrom(monthly, quarterly, annual), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), (startOn, anchorDay, plan, a, b) => {
        const s = sub({ planCode: plan.code, startOn, anchorDay });
        const [d1, d2] = [addDays(startOn, Math.min(a, b)), addDays(startOn, Math.max(a, b))];
        const first = subscriptionPeriods(s, plan, { through: d1 });
        const second = subscriptionPeriods(s, plan, { through: d2 });
        expect(second.slice(0, first.length)).toEqual(first);
        expect(new Set(second.map((p) => p.key)).size).toBe(second.length);
        second.forEach((p, i) => {
          expect(p.start <= p.end).toBe(true);
          if (i > 0) expect(addDays(second[i - 1]!.end, 1)).toBe(p.start);
        });
        if (second.length > 0) expect(second[0]!.start).toBe(startOn);
      }),
    );
  });
});

function planFor(fields: Record<string, unknown>): Plan {
  return [monthly, premium, basic, annual, quarterly].find((p) => p.code === (fields.planCode ?? "GYM"))!;
}
