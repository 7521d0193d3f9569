import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessDateToDb } from "@sunap/core";
import { ContractService, PayerService, recordAudit, runBilling, type DemoSeedContext } from "@sunap/api";
import { createApiHarness, type ApiHarness } from "@sunap/api/testing";
import { franchiseRoyaltyPlugin } from "../server.ts";

const TODAY = "2026-11-24";
const STORES = [
  { code: "GN01", name: "강남역점", region: "서울", openedOn: "2023-03-02" },
  { code: "HD01", name: "홍대입구점", region: "서울", openedOn: "2023-08-14" },
  { code: "SW01", name: "수원역점", region: "경기", openedOn: "2024-02-01" },
  { code: "HU01", name: "해운대점", region: "부산", openedOn: "2024-06-10" },
  { code: "DG01", name: "동성로점", region: "대구", openedOn: "2025-01-15" },
];

let h: ApiHarness;
let context: DemoSeedContext;

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [franchiseRoyaltyPlugin], today: TODAY });
  const actor = { id: null, email: "system:demo-seed", ip: null };
  const stores = [];
  for (const s of STORES) stores.push(await h.db.store.create({ data: { ...s, openedOn: businessDateToDb(s.openedOn) } }));
  const payers = new PayerService(h.db, h.keyring, ["franchise-royalty"]);
  const audit = (tx: Parameters<typeof recordAudit>[0], event: Parameters<typeof recordAudit>[2]) => recordAudit(tx, actor, event);
  const gangnam = await payers.create({ payerCode: "S-GN01", kind: "business", name: "강남역점 (주)가온", birthDate: null, businessNumber: "504-86-12958", representative: "최점주", phone: "02-555-1234", email: null, address: null, tags: [], plugins: ["franchise-royalty"], storeId: stores[0]!.id }, TODAY, audit);
  context = {
    db: h.db,
    keyring: h.keyring,
    today: TODAY,
    contracts: new ContractService(h.db, h.billing),
    actor,
    stores: stores.map((s) => ({ id: s.id, code: s.code, name: s.name, region: s.region })),
    payers: [{ id: gangnam.id, payerCode: "S-GN01", name: "강남역점 (주)가온", kind: "business", storeId: stores[0]!.id, plugins: ["franchise-royalty"] }],
  };
});
afterAll(async () => {
  await h?.drop();
});

describe("the royalty demo seed", () => {
  it("gives the demo stores terms from twelve months back, and the billing run issues a year of invoices by catch-up, with estimates where reports are missing", async () => {
    await franchiseRoyaltyPlugin.seedDemo(context);
    await franchiseRoyaltyPlugin.seedDemo(context);
    // HU01 has no franchisee among the payers given: no terms for it.
    expect(await h.db.contract.count({ where: { pluginId: "franchise-royalty" } })).toBe(4);
    const run = await runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "demo-seed" });
    expect(run.failures).toEqual([]);
    const invoices = await h.db.invoice.findMany({ where: { pluginId: "franchise-royalty" }, include: { lines: true, store: true } });
    expect(invoices).toHaveLength(4 * 12);
    expect(new Set(invoices.map((i) => i.periodKey))).toEqual(new Set(["2025-11", "2025-12", ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`)]));
    const estimated = invoices.filter((i) => i.lines.some((l) => l.labelKo === "로열티 (추정 매출)")).map((i) => `${i.store!.code} ${i.periodKey}`);
    expect(estimated.sort()).toEqual(["GN01 2026-10", "SW01 2026-06"]);
    expect(invoices.every((i) => i.totalWon > 0n)).toBe(true);
  });
});
