import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORE_ACCOUNTS, pinnedClock } from "@sunap/core";
import { generateDevKeyring, syncChartOfAccounts } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { seedDemo } from "./demo-seed.ts";
import { serverPlugins } from "./plugins.ts";

let t: TestDatabase;
const clock = pinnedClock("2026-03-16", "Asia/Seoul");

beforeAll(async () => {
  t = await createTestDatabase();
  await syncChartOfAccounts(t.db, [...CORE_ACCOUNTS, ...serverPlugins.flatMap((p) => p.manifest.accounts.map((a) => ({ ...a, pluginId: p.manifest.id })))]);
  await seedDemo(t.db, generateDevKeyring().keyring, serverPlugins, clock);
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

describe("the demo seed", () => {
  it("lives through the year with billing runs twice a month that issue every seeded contract's history, without failures", async () => {
    const runs = await t.db.billingRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) expect(run).toMatchObject({ trigger: "demo-seed", failures: [] });
    expect(runs.every((run) => run.finishedAt !== null)).toBe(true);
    // Every plugin that seeded contracts started in the past has invoices of its own.
    const contracts = await t.db.contract.groupBy({ by: ["pluginId"], _count: true });
    const invoices = new Map((await t.db.invoice.groupBy({ by: ["pluginId"], _count: true })).map((g) => [g.pluginId, g._count]));
    expect(contracts.length).toBeGreaterThan(0);
    for (const { pluginId } of contracts) expect({ pluginId, invoiced: (invoices.get(pluginId) ?? 0) > 0 }).toEqual({ pluginId, invoiced: true });
    expect(runs.reduce((sum, run) => sum + run.issued, 0)).toBe(await t.db.invoice.count());
    expect(await t.db.invoice.count()).toBeGreaterThan(0);
  });

  it("has payers pay most invoices after their due date through recorded payments, and leaves some unpaid for aging", async () => {
    const invoices = await t.db.invoice.findMany({ select: { openWon: true, totalWon: true } });
    const paid = invoices.filter((i) => i.openWon === 0n).length;
    const unpaid = invoices.filter((i) => i.openWon === i.totalWon).length;
    expect(paid).toBeGreaterThan(invoices.length / 2);
    expect(unpaid).toBeGreaterThan(0);
    expect(await t.db.payment.count()).toBe(paid);
    // Receivables in the ledger are exactly what the invoices still have open: no hand-made history beside them.
    const receivables = await t.db.journalLine.aggregate({ where: { accountCode: "receivables" }, _sum: { amountWon: true } });
    expect(receivables._sum.amountWon).toBe(invoices.reduce((sum, i) => sum + i.openWon, 0n));
  });

  it("has two payers who consented on paper before the year, registered by the sandbox bank, their invoices offering the self-service link, and a campaign link", async () => {
    const consents = await t.db.consent.findMany({ include: { payer: { select: { payerCode: true } } }, orderBy: { id: "asc" } });
    expect(consents.map((c) => [c.payer.payerCode, c.method])).toEqual([
      ["P0002", "paper"],
      ["P0003", "paper"],
    ]);
    expect(consents.every((c) => c.evidenceFileId !== null)).toBe(true);
    const registrations = await t.db.cmsRegistration.findMany();
    expect(registrations.map((r) => r.status)).toEqual(["registered", "registered"]);
    expect(await t.db.notifyMessage.count({ where: { templateCode: "registration_result" } })).toBe(2);
    const notice = await t.db.notifyMessage.findFirst({ where: { templateCode: "invoice_issued", payerId: consents[0]!.payerId }, orderBy: { id: "desc" } });
    expect(notice?.body).toContain("자동이체 변경·해지");
    expect(await t.db.enrollmentLink.count({ where: { purpose: "campaign" } })).toBe(1);
  });
});
