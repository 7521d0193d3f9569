import { describe, expect, it } from "vitest";
import { DomainError } from "@sunap/core";
import { Plan } from "../billing/plan.ts";
import { subscriptionPeriods } from "../billing/periods.ts";
import { addDiscount, cancel, changePlan, pause, resume, stateOn } from "./lifecycle.ts";
import { SubscriptionTerms } from "./terms.ts";

const gym = Plan.parse({ code: "GYM", name: { ko: "헬스", en: "Gym" }, interval: "monthly", priceWon: 30_000n, trialDays: 7 });
const plus = Plan.parse({ ...gym, code: "PLUS", priceWon: 50_000n });
const base = SubscriptionTerms.parse({ planCode: "GYM", plan: gym, startOn: "2026-01-01", status: "active" });

function refusal(run: () => unknown): { code: string; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("subscription lifecycle", () => {
  it("pauses from a date with a resume date, and bills nothing for a month fully paused", () => {
    const paused = pause(base, { from: "2026-03-08", until: "2026-04-08" });
    expect(paused.status).toBe("paused");
    const keys = subscriptionPeriods(paused, gym, { through: "2026-05-31" }).map((p) => p.key);
    expect(keys).toEqual(["2026-01", "2026-02", "2026-04", "2026-05"]);
  });

  it("resumes an open-ended pause on a date, after which periods are billed again", () => {
    const paused = pause(base, { from: "2026-03-08" });
    expect(subscriptionPeriods(paused, gym, { through: "2026-06-30" }).map((p) => p.key)).toEqual(["2026-01", "2026-02"]);
    const resumed = resume(paused, { on: "2026-05-08" });
    expect(resumed.status).toBe("active");
    expect(resumed.pauses).toEqual([{ from: "2026-03-08", until: "2026-05-08" }]);
    expect(subscriptionPeriods(resumed, gym, { through: "2026-06-30" }).map((p) => p.key)).toEqual(["2026-01", "2026-02", "2026-05", "2026-06"]);
  });

  it("cancels at period end or now", () => {
    const atEnd = cancel(base, { on: "2026-03-20", mode: "period_end" });
    expect(subscriptionPeriods(atEnd, gym, { through: "2026-12-31" }).at(-1)).toMatchObject({ key: "2026-03", end: "2026-04-07" });
    const now = cancel(base, { on: "2026-03-20", mode: "now" });
    expect(subscriptionPeriods(now, gym, { through: "2026-12-31" }).at(-1)).toMatchObject({ key: "2026-03", end: "2026-03-19" });
  });

  it("records a plan change with a copy of the plan", () => {
    const changed = changePlan(base, { effectiveOn: "2026-02-20", plan: plus });
    expect(changed.planChanges).toEqual([{ effectiveOn: "2026-02-20", plan: plus }]);
  });

  it("adds a percent discount for N periods", () => {
    const discounted = addDiscount(base, { kind: "percent", percent: 10, periods: 3, startsOn: "2026-02-08" });
    expect(discounted.discounts).toHaveLength(1);
  });

  const refusals: { name: string; run: () => unknown; code: string; field: string }[] = [
    { name: "pausing a cancelled subscription", run: () => pause(cancel(base, { on: "2026-02-01", mode: "now" }), { from: "2026-03-01" }), code: "subscription.pause_cancelled", field: "from" },
    { name: "a pause before the start", run: () => pause(base, { from: "2025-12-31" }), code: "subscription.pause_before_start", field: "from" },
    { name: "a resume date on or before the pause", run: () => pause(base, { from: "2026-03-01", until: "2026-03-01" }), code: "subscription.resume_before_pause", field: "until" },
    { name: "a second pause while paused without end", run: () => pause(pause(base, { from: "2026-03-01" }), { from: "2026-05-01" }), code: "subscription.already_paused", field: "from" },
    {
      name: "overlapping pauses",
      run: () => pause(pause(base, { from: "2026-03-01", until: "2026-04-01" }), { from: "2026-03-15", until: "2026-05-01" }),
      code: "subscription.pause_overlaps",
      field: "from",
    },
    { name: "resuming one not paused", run: () => resume(base, { on: "2026-03-01" }), code: "subscription.not_paused", field: "on" },
    { name: "resuming before the pause began", run: () => resume(pause(base, { from: "2026-03-01" }), { on: "2026-02-01" }), code: "subscription.resume_before_pause", field: "on" },
    { name: "resuming a cancelled subscription", run: () => resume(cancel(pause(base, { from: "2026-03-01" }), { on: "2026-04-01", mode: "now" }), { on: "2026-05-01" }), code: "subscription.resume_cancelled", field: "on" },
    { name: "cancelling twice", run: () => cancel(cancel(base, { on: "2026-03-01", mode: "now" }), { on: "2026-04-01", mode: "now" }), code: "subscription.already_cancelled", field: "on" },
    { name: "a cancellation before the start", run: () => cancel(base, { on: "2025-12-01", mode: "now" }), code: "subscription.cancel_before_start", field: "on" },
    { name: "a plan change on the start day", run: () => changePlan(base, { effectiveOn: "2026-01-01", plan: plus }), code: "subscription.change_before_start", field: "effectiveOn" },
    { name: "a change to the plan already in force", run: () => changePlan(base, { effectiveOn: "2026-03-01", plan: gym }), code: "subscription.same_plan", field: "planCode" },
    {
      name: "two changes on one day",
      run: () => changePlan(changePlan(base, { effectiveOn: "2026-03-01", plan: plus }), { effectiveOn: "2026-03-01", plan: gym }),
      code: "subscription.change_same_day",
      field: "effectiveOn",
    },
    { name: "changing the plan of a cancelled subscription", run: () => changePlan(cancel(base, { on: "2026-02-01", mode: "now" }), { effectiveOn: "2026-03-01", plan: plus }), code: "subscription.change_cancelled", field: "effectiveOn" },
    { name: "a discount starting before the subscription", run: () => addDiscount(base, { kind: "fixed", amountWon: 1_000n, startsOn: "2025-12-01" }), code: "subscription.discount_before_start", field: "startsOn" },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} with ${r.code} on ${r.field}`, () => {
      expect(refusal(r.run)).toEqual({ code: r.code, field: r.field });
    });
  }

  it("never changes the terms it refuses", () => {
    const before = structuredClone(base);
    refusal(() => pause(base, { from: "2025-01-01" }));
    expect(base).toEqual(before);
  });

  it("shows the state on a day: scheduled, trial, active, paused, cancelling, cancelled", () => {
    const t = cancel(pause(base, { from: "2026-03-01", until: "2026-04-01" }), { on: "2026-06-10", mode: "period_end" });
    expect(stateOn(t, "2025-12-31")).toBe("scheduled");
    expect(stateOn(t, "2026-01-05")).toBe("trial");
    expect(stateOn(t, "2026-03-15")).toBe("paused");
    expect(stateOn(t, "2026-05-01")).toBe("cancelling");
    // Cancelled at period end: served through the end of the period holding June 10 (anchor day 8 → July 7).
    expect(stateOn(t, "2026-06-10")).toBe("cancelling");
    expect(stateOn(t, "2026-07-07")).toBe("cancelling");
    expect(stateOn(t, "2026-07-08")).toBe("cancelled");
    const now = cancel(base, { on: "2026-06-10", mode: "now" });
    expect(stateOn(now, "2026-06-09")).toBe("cancelling");
    expect(stateOn(now, "2026-06-10")).toBe("cancelled");
    expect(stateOn(base, "2026-02-01")).toBe("active");
  });
});
