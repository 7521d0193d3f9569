import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargeTotal } from "@sunap/core";
import { createApiHarness, procedurePaths, refusal, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import type { ContractView } from "@sunap/api";
import { subscriptionRouter } from "./router.ts";
import { subscriptionPlugin } from "./server.ts";
import type { SubscriptionTerms } from "./contract/terms.ts";

type SubscriptionCaller = ReturnType<typeof subscriptionRouter.createCaller>;
const plugin = (caller: CoreCaller) => (caller as unknown as { subscription: SubscriptionCaller }).subscription;

let h: ApiHarness;
let finance: CoreCaller;
let sub: SubscriptionCaller;
let payerA = 0;
let payerB = 0;

const gym = { code: "gym_basic", nameKo: "헬스 베이직", nameEn: "Gym basic", interval: "monthly", priceWon: 55_000n, trialDays: 0, vat: "included", dueAfterDays: 0 } as const;
const plus = { ...gym, code: "GYM_PLUS", nameKo: "헬스 플러스", nameEn: "Gym plus", priceWon: 88_000n } as const;

const planAudits = async (planId: number) => (await h.db.auditLog.findMany({ where: { entityType: "subscription_plan", entityId: String(planId) }, orderBy: { id: "asc" } })).map((a) => a.action);

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [subscriptionPlugin] });
  finance = h.callerFor("finance");
  sub = plugin(finance);
  payerA = (await finance.payers.create({ payerCode: "M-A", kind: "individual", name: "강남회원", birthDate: "1990-01-01", phone: "010-1111-2222", storeId: h.stores.a.id })).id;
  payerB = (await finance.payers.create({ payerCode: "M-B", kind: "individual", name: "홍대회원", birthDate: "1991-02-02", phone: "010-3333-4444", storeId: h.stores.b.id })).id;
  await sub.plans.create(gym);
  await sub.plans.create(plus);
});
afterAll(async () => {
  await h?.drop();
});

describe("the plan catalogue", () => {
  it("creates a plan with an upper-case code and its VAT mode, audited", async () => {
    const created = await sub.plans.create({ ...gym, code: "yoga-q", nameKo: "요가 분기", nameEn: "Yoga quarterly", interval: "quarterly", priceWon: 300_000n, vat: "exempt", trialDays: 7 });
    expect(created).toMatchObject({ code: "YOGA-Q", interval: "quarterly", vat: "exempt", taxExempt: true, vatIncluded: true, trialDays: 7, active: true });
    expect(await planAudits(created.id)).toContain("subscription.plan.create");
  });

  it("refuses a code already used, whatever its case, naming the field", async () => {
    expect(await refusal(sub.plans.create({ ...gym, code: "GYM_BASIC" }))).toMatchObject({ code: "CONFLICT", domainCode: "subscription.plan_code_taken", field: "code" });
    const other = await sub.plans.create({ ...gym, code: "OTHER" });
    expect(await refusal(sub.plans.update({ id: other.id, values: { ...gym, code: "gym_plus" } }))).toMatchObject({ domainCode: "subscription.plan_code_taken", field: "code" });
  });

  it("refuses a negative or fractional price, a fractional trial and an unknown interval, naming the field", async () => {
    expect((await refusal(sub.plans.create({ ...gym, code: "NEG", priceWon: -1n }))).zodPaths).toEqual(["priceWon"]);
    expect((await refusal(sub.plans.create({ ...gym, code: "FRAC", priceWon: 9.5 as unknown as bigint }))).zodPaths).toEqual(["priceWon"]);
    expect((await refusal(sub.plans.create({ ...gym, code: "TRIAL", trialDays: 1.5 }))).zodPaths).toEqual(["trialDays"]);
    expect((await refusal(sub.plans.create({ ...gym, code: "WEEK", interval: "weekly" as "monthly" }))).zodPaths).toEqual(["interval"]);
    expect(await h.db.subscriptionPlan.count({ where: { code: { in: ["NEG", "FRAC", "TRIAL", "WEEK"] } } })).toBe(0);
  });

  it("lists server-side with search, filters, sorting and pages", async () => {
    const page = await sub.plans.list({ pagination: { current: 1, pageSize: 2 }, sorters: [{ field: "priceWon", order: "desc" }], filters: [{ field: "interval", operator: "eq", value: "monthly" }] });
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.data.map((p) => p.code)).toEqual(["GYM_PLUS", "GYM_BASIC"]);
    const found = await sub.plans.list({ filters: [{ field: "search", operator: "contains", value: "요가" }] });
    expect(found.data.map((p) => p.code)).toEqual(["YOGA-Q"]);
  });

  it("deactivates a plan: no new subscription starts on it", async () => {
    const retired = await sub.plans.create({ ...gym, code: "RETIRED" });
    expect(await sub.plans.setActive({ id: retired.id, active: false })).toMatchObject({ active: false });
    expect(await planAudits(retired.id)).toEqual(["subscription.plan.create", "subscription.plan.deactivate"]);
    expect(await refusal(sub.subscriptions.start({ payerId: payerA, planCode: "retired", startOn: "2026-03-01" }))).toMatchObject({ domainCode: "subscription.plan_inactive", field: "planCode" });
    expect(await refusal(sub.subscriptions.start({ payerId: payerA, planCode: "NOPE", startOn: "2026-03-01" }))).toMatchObject({ code: "NOT_FOUND", domainCode: "subscription.plan_not_found", field: "planCode" });
  });
});

describe("starting a subscription", () => {
  it("stores a copy of the plan in the terms, so editing the catalogue never re-prices it", async () => {
    const started = await sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-01-10" });
    const terms = started.terms as SubscriptionTerms;
    expect(started).toMatchObject({ pluginId: "subscription", storeId: h.stores.a.id, title: "헬스 베이직 · 월간 55,000원", startsOn: "2026-01-10", version: 1 });
    expect(terms).toMatchObject({ planCode: "GYM_BASIC", anchorDay: 10, status: "active", plan: { priceWon: 55_000n } });

    const catalogue = (await sub.plans.list({ filters: [{ field: "code", operator: "eq", value: "GYM_BASIC" }] })).data[0]!;
    await sub.plans.update({ id: catalogue.id, values: { ...gym, priceWon: 66_000n } });
    const schedule = await sub.subscriptions.schedule({ id: started.id });
    expect(schedule.terms.plan.priceWon).toBe(55_000n);
    expect(schedule.cataloguePlan?.priceWon).toBe(66_000n);
    expect(schedule.upcoming[0]).toMatchObject({ key: "2026-01", start: "2026-01-10", totalWon: 55_000n });
    await sub.plans.update({ id: catalogue.id, values: gym });
  });

  it("anchors on the 1st under the first_of_month policy and prorates the first month", async () => {
    await finance.pluginSettings.update({ pluginId: "subscription", settings: { anchorPolicy: "first_of_month", defaultCancelMode: "period_end" } });
    const started = await sub.subscriptions.start({ payerId: payerB, planCode: "GYM_BASIC", startOn: "2026-03-16" });
    await finance.pluginSettings.update({ pluginId: "subscription", settings: {} });
    expect((started.terms as SubscriptionTerms).anchorDay).toBe(1);
    const [first] = (await sub.subscriptions.schedule({ id: started.id })).upcoming;
    // 55,000 × 16/31 = 28,387.09… → 28,387 (VAT included: the lines add up to it).
    expect(first).toMatchObject({ key: "2026-03", start: "2026-03-16", end: "2026-03-31", totalWon: 28_387n });
    expect(first!.lines[0]!.basis?.ko).toContain("16/31일 (일할, 원 미만 절사)");
  });

  it("refuses a discount starting before the subscription", async () => {
    expect(await refusal(sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-03-01", discount: { kind: "fixed", amountWon: 1_000n, startsOn: "2026-02-01" } }))).toMatchObject({
      domainCode: "subscription.discount_before_start",
      field: "discount.startsOn",
    });
  });
});

describe("the lifecycle, each step a versioned and audited change of terms", () => {
  let c: ContractView;
  beforeAll(async () => {
    c = await sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-01-01" });
  });

  it("pauses, refuses a second open pause, resumes, and refuses resuming what is not paused", async () => {
    c = await sub.subscriptions.pause({ id: c.id, version: c.version, from: "2026-04-01", reason: "해외 출장" });
    expect(c).toMatchObject({ version: 2 });
    expect((c.terms as SubscriptionTerms).status).toBe("paused");
    expect(await refusal(sub.subscriptions.pause({ id: c.id, version: c.version, from: "2026-06-01" }))).toMatchObject({ domainCode: "subscription.already_paused", field: "from" });
    c = await sub.subscriptions.resume({ id: c.id, version: c.version, on: "2026-05-01" });
    expect((c.terms as SubscriptionTerms).pauses).toEqual([{ from: "2026-04-01", until: "2026-05-01" }]);
    expect(await refusal(sub.subscriptions.resume({ id: c.id, version: c.version, on: "2026-06-01" }))).toMatchObject({ domainCode: "subscription.not_paused", field: "on" });
    const keys = (await sub.subscriptions.schedule({ id: c.id, count: 6 })).upcoming.map((p) => p.key);
    expect(keys).toEqual(["2026-01", "2026-02", "2026-03", "2026-05", "2026-06", "2026-07"]);
    const audits = await h.db.auditLog.findMany({ where: { entityType: "contract", entityId: String(c.id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["contract.create", "contract.update_terms", "contract.update_terms"]);
    expect(audits[1]!.after).toMatchObject({ reason: "pause: 해외 출장" });
  });

  it("refuses a change made on a stale version", async () => {
    expect(await refusal(sub.subscriptions.addDiscount({ id: c.id, version: 1, discount: { kind: "percent", percent: 10 } }))).toMatchObject({ domainCode: "contract.version_conflict", field: "version" });
  });

  it("names a refused discount's field as the form nests it", async () => {
    expect(await refusal(sub.subscriptions.addDiscount({ id: c.id, version: c.version, discount: { kind: "fixed", amountWon: 1_000n, startsOn: "2025-12-01" } }))).toMatchObject({ domainCode: "subscription.discount_before_start", field: "discount.startsOn" });
    expect((await refusal(sub.subscriptions.addDiscount({ id: c.id, version: c.version, discount: { kind: "percent", percent: 101 } }))).zodPaths).toEqual(["discount.percent"]);
  });

  it("adds a percent discount for N periods counted from today", async () => {
    c = await sub.subscriptions.addDiscount({ id: c.id, version: c.version, discount: { kind: "percent", percent: 10, periods: 2 } });
    expect((c.terms as SubscriptionTerms).discounts).toEqual([{ kind: "percent", percent: 10, periods: 2, startsOn: "2026-03-16" }]);
    const upcoming = (await sub.subscriptions.schedule({ id: c.id, count: 6 })).upcoming;
    expect(upcoming.map((p) => p.totalWon)).toEqual([55_000n, 55_000n, 55_000n, 49_500n, 49_500n, 55_000n]);
  });

  it("changes plan mid-period: the dearer plan bills the prorated difference as its own period", async () => {
    c = await sub.subscriptions.changePlan({ id: c.id, version: c.version, planCode: "gym_plus", effectiveOn: "2026-03-21" });
    const upgrade = (await sub.subscriptions.schedule({ id: c.id, count: 8 })).upcoming.find((p) => p.key === "2026-03:upgrade:2026-03-21")!;
    // (88,000 − 55,000) × 11/31 = 11,709.6… → 11,709.
    expect(upgrade.totalWon).toBe(11_709n);
    expect(chargeTotal(upgrade.lines)).toBe(11_709n);
    expect(c.title).toBe("헬스 플러스 · 월간 88,000원");
    expect(await refusal(sub.subscriptions.changePlan({ id: c.id, version: c.version, planCode: "GYM_PLUS", effectiveOn: "2026-04-01" }))).toMatchObject({ domainCode: "subscription.same_plan", field: "planCode" });
  });

  it("cancels at period end, then refuses pausing, resuming or cancelling it again", async () => {
    c = await sub.subscriptions.cancel({ id: c.id, version: c.version, on: "2026-06-15", mode: "period_end" });
    expect((c.terms as SubscriptionTerms).cancellation).toEqual({ on: "2026-06-15", mode: "period_end" });
    const last = (await sub.subscriptions.schedule({ id: c.id, count: 12 })).upcoming.filter((p) => !p.key.includes(":")).at(-1);
    expect(last).toMatchObject({ key: "2026-06", end: "2026-06-30" });
    expect(await refusal(sub.subscriptions.pause({ id: c.id, version: c.version, from: "2026-05-01" }))).toMatchObject({ domainCode: "subscription.pause_cancelled", field: "from" });
    expect(await refusal(sub.subscriptions.cancel({ id: c.id, version: c.version, on: "2026-05-01", mode: "now" }))).toMatchObject({ domainCode: "subscription.already_cancelled", field: "on" });
    expect((await sub.subscriptions.schedule({ id: c.id })).state).toBe("cancelling");
  });

  it("refuses a step on another plugin's contract or a contract it does not know", async () => {
    expect(await refusal(sub.subscriptions.resume({ id: 999_999, version: 1, on: "2026-05-01" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("who may do what", () => {
  it("lets a store owner read only their store's subscriptions and change nothing", async () => {
    const owner = plugin(h.callerFor("store_owner"));
    const inB = await sub.subscriptions.start({ payerId: payerB, planCode: "GYM_BASIC", startOn: "2026-02-01" });
    const inA = await sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-02-01" });
    expect((await owner.subscriptions.schedule({ id: inA.id })).contract.id).toBe(inA.id);
    expect(await refusal(owner.subscriptions.schedule({ id: inB.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    expect(await refusal(owner.subscriptions.pause({ id: inA.id, version: inA.version, from: "2026-04-01" }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
    expect(await refusal(owner.plans.create({ ...gym, code: "OWNER" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the audit log", () => {
  /** Each mutation of the router, run once on a fresh subscription, and the audit record it must leave in its transaction. */
  const cases: Record<string, { run: (c: { id: number; version: number }) => Promise<{ id: number }>; action: string; entityType: string }> = {
    "plans.create": { run: () => sub.plans.create({ ...gym, code: "AUDIT_PLAN" }), action: "subscription.plan.create", entityType: "subscription_plan" },
    "plans.update": { run: async () => sub.plans.update({ id: (await sub.plans.list({ filters: [{ field: "code", operator: "eq", value: "AUDIT_PLAN" }] })).data[0]!.id, values: { ...gym, code: "AUDIT_PLAN", priceWon: 1n } }), action: "subscription.plan.update", entityType: "subscription_plan" },
    "plans.setActive": { run: async () => sub.plans.setActive({ id: (await sub.plans.list({ filters: [{ field: "code", operator: "eq", value: "AUDIT_PLAN" }] })).data[0]!.id, active: false }), action: "subscription.plan.deactivate", entityType: "subscription_plan" },
    "subscriptions.start": { run: () => sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-01-01" }), action: "contract.create", entityType: "contract" },
    "subscriptions.pause": { run: (c) => sub.subscriptions.pause({ ...c, from: "2026-05-01" }), action: "contract.update_terms", entityType: "contract" },
    "subscriptions.resume": { run: async (c) => sub.subscriptions.resume({ id: c.id, version: (await sub.subscriptions.pause({ ...c, from: "2026-05-01" })).version, on: "2026-06-01" }), action: "contract.update_terms", entityType: "contract" },
    "subscriptions.cancel": { run: (c) => sub.subscriptions.cancel({ ...c, on: "2026-05-01", mode: "now" }), action: "contract.update_terms", entityType: "contract" },
    "subscriptions.changePlan": { run: (c) => sub.subscriptions.changePlan({ ...c, planCode: "GYM_PLUS", effectiveOn: "2026-05-01" }), action: "contract.update_terms", entityType: "contract" },
    "subscriptions.addDiscount": { run: (c) => sub.subscriptions.addDiscount({ ...c, discount: { kind: "fixed", amountWon: 1_000n } }), action: "contract.update_terms", entityType: "contract" },
  };

  it("has a case for every mutation of the router", () => {
    expect(Object.keys(cases).sort()).toEqual(procedurePaths(subscriptionRouter, "mutation"));
  });

  for (const [path, c] of Object.entries(cases)) {
    it(`${path} leaves one precise ${c.action} record naming the actor`, async () => {
      const fresh = await sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-01-01" });
      const before = await h.db.auditLog.aggregate({ _max: { id: true } });
      const result = await c.run({ id: fresh.id, version: fresh.version });
      const records = await h.db.auditLog.findMany({ where: { id: { gt: before._max.id ?? 0 } }, orderBy: { id: "asc" } });
      const last = records.at(-1)!;
      expect(last).toMatchObject({ action: c.action, entityType: c.entityType, entityId: String(result.id), actorEmail: h.users.finance.email });
      // The service wrote the precise record itself: no generic one from the middleware besides it.
      expect(records.filter((r) => r.action === `subscription.${path}`)).toEqual([]);
    });
  }

  it("writes no record when a step is refused", async () => {
    const fresh = await sub.subscriptions.start({ payerId: payerA, planCode: "GYM_BASIC", startOn: "2026-01-01" });
    const before = await h.db.auditLog.count();
    await refusal(sub.subscriptions.resume({ id: fresh.id, version: fresh.version, on: "2026-05-01" }));
    expect(await h.db.auditLog.count()).toBe(before);
  });
});
