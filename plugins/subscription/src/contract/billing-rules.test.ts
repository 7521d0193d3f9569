import { describe, expect, it } from "vitest";
import { chargeTotal, decodeJson, encodeJson } from "@sunap/core";
import { subscriptionRules } from "./billing-rules.ts";
import { SubscriptionTerms } from "./terms.ts";

const gym = { code: "GYM", name: { ko: "헬스 월회원", en: "Gym monthly" }, interval: "monthly", priceWon: 33_000n };
const premium = { ...gym, code: "GYM_PLUS", name: { ko: "헬스 프리미엄", en: "Gym premium" }, priceWon: 66_000n };
const terms = (fields: Record<string, unknown> = {}) =>
  SubscriptionTerms.parse({ planCode: "GYM", plan: gym, startOn: "2026-01-15", anchorDay: 1, status: "active", ...fields });
const context = (t: SubscriptionTerms) => ({ contract: { id: 1, payerId: 1, storeId: null, startsOn: t.startOn }, terms: t, settings: subscriptionRules.settingsSchema.parse({}), inputs: undefined });

describe("subscription billing rules through the core contract", () => {
  it("lists the periods from the stored plan copy with keys that do not change when asked later", () => {
    const t = terms();
    const early = subscriptionRules.periods(context(t), "2026-03-01").map((p) => p.key);
    const later = subscriptionRules.periods(context(t), "2026-06-30").map((p) => p.key);
    expect(early).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(later.slice(0, 3)).toEqual(early);
  });

  it("charges a prorated first month (17 of 31 days, truncated) and whole months at the price", () => {
    const t = terms();
    const [first, second] = subscriptionRules.periods(context(t), "2026-02-01");
    expect(chargeTotal(subscriptionRules.charges(context(t), first!))).toBe((33_000n * 17n) / 31n);
    expect(chargeTotal(subscriptionRules.charges(context(t), second!))).toBe(33_000n);
  });

  it("bills an upgrade mid-period from the plan copy in the change, whatever the catalogue says now", () => {
    const t = terms({ planChanges: [{ effectiveOn: "2026-02-15", plan: premium }] });
    const periods = subscriptionRules.periods(context(t), "2026-02-28");
    const upgrade = periods.find((p) => p.key === "2026-02:upgrade:2026-02-15")!;
    expect(chargeTotal(subscriptionRules.charges(context(t), upgrade))).toBe((33_000n * 14n) / 28n);
  });

  it("stores terms as JSON with bigints and reads back the same value", () => {
    const t = terms({ discounts: [{ kind: "fixed", amountWon: 5_000n, periods: 2 }], pauses: [{ from: "2026-03-01", until: "2026-04-01" }] });
    const stored = JSON.parse(JSON.stringify(encodeJson(t)));
    expect(subscriptionRules.contractSchema.parse(decodeJson(stored))).toEqual(t);
  });

  it("describes the subscription by the plan it ends up on", () => {
    expect(subscriptionRules.describe(terms(), "ko")).toBe("헬스 월회원 · 월간 33,000원");
    expect(subscriptionRules.describe(terms({ planChanges: [{ effectiveOn: "2026-02-15", plan: premium }] }), "en")).toBe("Gym premium · monthly ₩66,000");
  });

  it("starts on the subscription's start date", () => {
    expect(subscriptionRules.startsOn(terms())).toBe("2026-01-15");
  });

  const bad: { name: string; fields: Record<string, unknown>; path: string }[] = [
    { name: "a plan copy of another plan", fields: { plan: premium }, path: "plan.code" },
    { name: "a missing plan copy", fields: { plan: undefined }, path: "plan" },
    { name: "a negative price in the plan copy", fields: { plan: { ...gym, priceWon: -1n } }, path: "plan.priceWon" },
    { name: "a start date that does not exist", fields: { startOn: "2026-02-30" }, path: "startOn" },
  ];
  for (const c of bad) {
    it(`refuses terms with ${c.name}, naming the field`, () => {
      const result = subscriptionRules.contractSchema.safeParse({ planCode: "GYM", plan: gym, startOn: "2026-01-15", status: "active", ...c.fields });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(c.path);
    });
  }

  it("defaults the settings: periods from the start day, cancel at period end", () => {
    expect(subscriptionRules.settingsSchema.parse({})).toEqual({ anchorPolicy: "start_day", defaultCancelMode: "period_end" });
  });
});
