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
  it("ends with one billing run that issues the seeded contracts' history by catch-up, without failures", async () => {
    const runs = await t.db.billingRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: "demo-seed", failures: [] });
    expect(runs[0]!.finishedAt).not.toBeNull();
    // Every plugin that seeded contracts started in the past has invoices of its own.
    const contracts = await t.db.contract.groupBy({ by: ["pluginId"], _count: true });
    const invoices = new Map((await t.db.invoice.groupBy({ by: ["pluginId"], _count: true })).map((g) => [g.pluginId, g._count]));
    expect(contracts.length).toBeGreaterThan(0);
    for (const { pluginId } of contracts) expect({ pluginId, invoiced: (invoices.get(pluginId) ?? 0) > 0 }).toEqual({ pluginId, invoiced: true });
    expect(runs[0]!.issued).toBe(await t.db.invoice.count());
    expect(await t.db.invoice.count()).toBeGreaterThan(0);
  });
});
