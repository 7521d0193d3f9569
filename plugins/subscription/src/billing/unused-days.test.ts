import { describe, expect, it } from "vitest";
import { Plan } from "./plan.ts";
import { Subscription } from "./subscription.ts";
import { unusedInvoicedDays, unusedSupplyWon } from "./unused-days.ts";

const monthly = Plan.parse({ code: "GYM", name: { ko: "헬스 월회원", en: "Gym monthly" }, interval: "monthly", priceWon: 31_000n, vatIncluded: false });
const sub = (fields: Record<string, unknown> = {}) => Subscription.parse({ planCode: "GYM", startOn: "2026-01-01", status: "active", ...fields });

describe("unusedInvoicedDays", () => {
  it("counts the days of an invoiced month from a pause on, up to the resume date", () => {
    expect(unusedInvoicedDays(sub(), monthly, "2026-03", { from: "2026-03-20", resumeOn: null })).toEqual({ unusedDays: 12, billableDays: 31 });
    expect(unusedInvoicedDays(sub(), monthly, "2026-03", { from: "2026-03-20", resumeOn: "2026-03-25" })).toEqual({ unusedDays: 5, billableDays: 31 });
  });

  it("takes the whole of a later invoiced period, and nothing of a period that ended before the stop", () => {
    expect(unusedInvoicedDays(sub(), monthly, "2026-04", { from: "2026-03-20", resumeOn: null })).toEqual({ unusedDays: 30, billableDays: 30 });
    expect(unusedInvoicedDays(sub(), monthly, "2026-02", { from: "2026-03-20", resumeOn: null })).toBeNull();
  });

  it("leaves out days already paused (they were not billed), and divides by the days that were", () => {
    const paused = sub({ pauses: [{ from: "2026-03-01", until: "2026-03-11" }] });
    expect(unusedInvoicedDays(paused, monthly, "2026-03", { from: "2026-03-05", resumeOn: null })).toEqual({ unusedDays: 21, billableDays: 21 });
  });

  it("knows no period the schedule does not have", () => {
    expect(unusedInvoicedDays(sub(), monthly, "2025-12", { from: "2026-03-20", resumeOn: null })).toBeNull();
  });
});

describe("unusedSupplyWon", () => {
  it("prorates the net supply by days, truncated to the won: 31,000 × 12/31 is 12,000; 30,000 × 7/31 is 6,774", () => {
    expect(unusedSupplyWon(31_000n, { unusedDays: 12, billableDays: 31 })).toBe(12_000n);
    expect(unusedSupplyWon(30_000n, { unusedDays: 7, billableDays: 31 })).toBe(6_774n);
    expect(unusedSupplyWon(30_000n, { unusedDays: 31, billableDays: 31 })).toBe(30_000n);
  });
});
