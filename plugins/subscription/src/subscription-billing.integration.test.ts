import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractService, runBilling } from "@sunap/api";
import { createApiHarness, permissionProblems, refusal, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { subscriptionRouter } from "./router.ts";
import { subscriptionPlugin } from "./server.ts";
import type { SubscriptionTerms } from "./contract/terms.ts";

type SubscriptionCaller = ReturnType<typeof subscriptionRouter.createCaller>;
const plugin = (caller: CoreCaller) => (caller as unknown as { subscription: SubscriptionCaller }).subscription;

let h: ApiHarness;
let finance: CoreCaller;
let sub: SubscriptionCaller;
let payer = 0;

const bill = () => runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });
const invoicesOf = (contractId: number) => h.db.invoice.findMany({ where: { contractId }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [subscriptionPlugin], today: "2026-03-16" });
  finance = h.callerFor("finance");
  sub = plugin(finance);
  payer = (await finance.payers.create({ payerCode: "M-1", kind: "individual", name: "김회원", birthDate: "1990-01-01", phone: "010-1111-2222", plugins: ["subscription"], storeId: h.stores.a.id })).id;
  await sub.plans.create({ code: "GYM", nameKo: "헬스", nameEn: "Gym", interval: "monthly", priceWon: 55_000n, vat: "included" });
  await sub.plans.create({ code: "GYM_PLUS", nameKo: "헬스 플러스", nameEn: "Gym plus", interval: "monthly", priceWon: 88_000n, vat: "included" });
});
afterAll(async () => {
  await h?.drop();
});

describe("the plugin's router", () => {
  it("declares a known permission on every procedure", () => {
    expect(permissionProblems(h.router).filter((p) => p.startsWith("subscription."))).toEqual([]);
  });
});

let contractId = 0;

describe("the core engine billing a subscription started through the router", () => {

  it("issues every missed month once (catch-up), posting supply to revenue and VAT to VAT payable", async () => {
    contractId = (await sub.subscriptions.start({ payerId: payer, planCode: "GYM", startOn: "2026-01-10" })).id;
    const first = await bill();
    expect(first.failures).toEqual([]);
    const invoices = await invoicesOf(contractId);
    expect(invoices.map((i) => [i.periodKey, i.totalWon])).toEqual([
      ["2026-01", 55_000n],
      ["2026-02", 55_000n],
      ["2026-03", 55_000n],
    ]);
    expect(invoices[0]!.lines.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([
      ["subscription", 50_000n, "revenue_subscription"],
      ["vat", 5_000n, "vat_payable"],
    ]);
    const entry = await h.db.journalEntry.findUniqueOrThrow({ where: { id: invoices[0]!.entryId }, include: { lines: { include: { account: true } } } });
    expect(Object.fromEntries(entry.lines.map((l) => [l.account.code, l.amountWon]))).toEqual({ receivables: 55_000n, revenue_subscription: -50_000n, vat_payable: -5_000n });
  });

  it("issues nothing more when run again the same day", async () => {
    const again = await bill();
    expect(again.issued).toBe(0);
    expect(await invoicesOf(contractId)).toHaveLength(3);
  });

  it("refuses a plan change reaching into the last invoiced period, and bills a later upgrade's prorated difference", async () => {
    const c = await finance.contracts.get({ id: contractId });
    expect(await refusal(sub.subscriptions.changePlan({ id: contractId, version: c.version, planCode: "GYM_PLUS", effectiveOn: "2026-03-10" }))).toMatchObject({ domainCode: "subscription.change_in_billed_period", field: "effectiveOn" });
    await sub.subscriptions.changePlan({ id: contractId, version: c.version, planCode: "GYM_PLUS", effectiveOn: "2026-03-20" });
    await h.setToday("2026-03-25");
    await bill();
    const upgrade = (await invoicesOf(contractId)).find((i) => i.periodKey === "2026-03:upgrade:2026-03-20")!;
    // Period 2026-03-10 … 2026-04-09 (31 days); 21 days from the change: 33,000 × 21/31 = 22,354.8 → 22,354.
    expect(upgrade.totalWon).toBe(22_354n);
    expect(upgrade.lines[0]!.basisKo).toContain("21/31일 (원 미만 절사)");
    await h.setToday("2026-03-16");
  });
});

describe("the demo seed", () => {
  it("creates plans and three subscriptions whose history the engine issues: a discount, a trial and a pause", async () => {
    await h.setToday("2026-11-24");
    const payers = await h.db.payer.findMany({ where: { id: payer } });
    await subscriptionPlugin.seedDemo({
      db: h.db,
      keyring: h.keyring,
      today: "2026-11-24",
      contracts: new ContractService(h.db, h.billing),
      actor: { id: null, email: "system:demo-seed", ip: null },
      stores: [],
      payers: payers.map((p) => ({ id: p.id, payerCode: p.payerCode, name: p.name, kind: p.kind, storeId: p.storeId, plugins: p.plugins })),
    });
    expect(await h.db.subscriptionPlan.count({ where: { code: { in: ["GYM_BASIC", "PILATES", "ACADEMY_Q"] } } })).toBe(3);
    await bill();
    const seeded = await h.db.contract.findMany({ where: { pluginId: "subscription", id: { gt: contractId } }, orderBy: { id: "asc" } });
    expect(seeded).toHaveLength(3);
    const byPlan = new Map<string, { id: number; terms: SubscriptionTerms }>();
    for (const c of seeded) {
      const view = await finance.contracts.get({ id: c.id });
      byPlan.set((view.terms as SubscriptionTerms).planCode, { id: c.id, terms: view.terms as SubscriptionTerms });
    }

    // Gym: started 2026-07-10, monthly on the 10th: Jul…Nov, the first three at 10% off.
    const gym = await invoicesOf(byPlan.get("GYM_BASIC")!.id);
    expect(gym.map((i) => [i.periodKey, i.totalWon])).toEqual([
      ["2026-07", 49_500n],
      ["2026-08", 49_500n],
      ["2026-09", 49_500n],
      ["2026-10", 55_000n],
      ["2026-11", 55_000n],
    ]);
    // Pilates: started 2026-08-20 with a 14-day trial, so billed from 2026-09-03 on the 3rd.
    const pilates = await invoicesOf(byPlan.get("PILATES")!.id);
    expect(pilates.map((i) => [i.periodKey, i.periodStart.toISOString().slice(0, 10)])).toEqual([
      ["2026-09", "2026-09-03"],
      ["2026-10", "2026-10-03"],
      ["2026-11", "2026-11-03"],
    ]);
    // Academy: quarterly from 2026-06-01, paused since 2026-10-01: June's quarter whole, September's up to the pause.
    const academy = byPlan.get("ACADEMY_Q")!;
    expect(academy.terms.status).toBe("paused");
    const tuition = await invoicesOf(academy.id);
    expect(tuition.map((i) => [i.periodKey, i.periodEnd.toISOString().slice(0, 10), i.totalWon])).toEqual([
      ["2026-06", "2026-08-31", 540_000n],
      ["2026-09", "2026-11-30", (540_000n * 30n) / 91n],
    ]);
    await h.setToday("2026-03-16");
  });
});
