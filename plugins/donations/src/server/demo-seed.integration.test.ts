import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractService, runBilling } from "@sunap/api";
import { createApiHarness, type ApiHarness } from "@sunap/api/testing";
import type { DonationTerms } from "../billing-rules.ts";
import { donationsPlugin } from "../server.ts";

let h: ApiHarness;

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [donationsPlugin] });
});
afterAll(async () => {
  await h?.drop();
});

describe("the donations demo seed", () => {
  it("gives each demo donor a pledge started months back (one upgraded) and the first a one-off gift, which the engine bills by catch-up", async () => {
    const finance = h.callerFor("finance");
    const donor = await finance.payers.create({ payerCode: "P0002", kind: "individual", name: "이준호", birthDate: "1985-09-30", phone: "010-9876-5432", plugins: ["donations"] });
    const other = await finance.payers.create({ payerCode: "P0001", kind: "individual", name: "김민지", birthDate: "1991-04-12", phone: "010-2345-6789", plugins: [] });
    await donationsPlugin.seedDemo({
      db: h.db,
      keyring: h.keyring,
      today: "2026-03-16",
      contracts: new ContractService(h.db, h.billing),
      actor: { id: null, email: "system:demo-seed", ip: null },
      stores: [],
      payers: [donor, other].map((p) => ({ id: p.id, payerCode: p.payerCode, name: p.name, kind: p.kind, storeId: null, plugins: p.plugins })),
    });
    const contracts = await h.db.contract.findMany({ where: { pluginId: "donations" }, orderBy: { id: "asc" } });
    expect(contracts.map((c) => c.payerId)).toEqual([donor.id, donor.id]);
    const [pledge, gift] = await Promise.all(contracts.map((c) => finance.contracts.get({ id: c.id })));
    expect(pledge!.terms as DonationTerms).toMatchObject({ kind: "pledge", startOn: "2025-10-01", dayOfMonth: 25, amountChanges: [{ effectiveOn: "2026-01-01", monthlyAmountWon: 50_000n }] });
    expect(gift!.terms as DonationTerms).toMatchObject({ kind: "gift", on: "2026-02-12", amountWon: 100_000n });

    await runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "demo-seed" });
    const invoices = await h.db.invoice.findMany({ where: { pluginId: "donations" }, orderBy: { issueOn: "asc" } });
    expect(invoices.map((i) => [i.periodKey.startsWith("gift-") ? "gift" : i.periodKey, i.totalWon])).toEqual([
      ["2025-10", 20_000n],
      ["2025-11", 20_000n],
      ["2025-12", 20_000n],
      ["2026-01", 50_000n],
      ["gift", 100_000n],
      ["2026-02", 50_000n],
    ]);
    expect((await finance.pluginSettings.get({ pluginId: "donations" })).settings).toMatchObject({ registeredName: "사단법인 수납나눔" });
  });
});
