import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBilling } from "@sunap/api";
import { callPath, createApiHarness, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { franchiseRoyaltyPlugin } from "../server.ts";
import type { RoyaltyStatement } from "./statement.ts";

let h: ApiHarness;
let hq: CoreCaller;
let contractId = 0;

const call = <T>(caller: CoreCaller, path: string, input?: unknown) => callPath(caller, `franchise-royalty.${path}`, input) as Promise<T>;
const bill = () => runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });
const base64 = (text: string) => Buffer.from(text).toString("base64");
const february = () => h.db.invoice.findFirstOrThrow({ where: { contractId, periodKey: "2026-02" }, include: { lines: { orderBy: { position: "asc" } } } });

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [franchiseRoyaltyPlugin], today: "2026-03-16" });
  hq = h.callerFor("franchise_hq");
  const payerId = (await h.callerFor("finance").payers.create({ payerCode: "S-A", kind: "business", name: "강남점 (주)가온", businessNumber: "314-81-27343", representative: "최점주", phone: "02-555-1234", plugins: ["franchise-royalty"], storeId: h.stores.a.id })).id;
  contractId = (
    await call<{ id: number }>(hq, "contracts.create", {
      storeId: h.stores.a.id,
      payerId,
      terms: { storeCode: "GANGNAM", firstMonth: "2026-01", royalty: { kind: "flat", rateBp: 500 }, fixedFees: [], minimumRoyaltyWon: 0n },
    })
  ).id;
  await call(hq, "sales.submit", { storeId: h.stores.a.id, month: "2025-12", grossSalesWon: 20_000_000n });
  await call(hq, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 22_000_000n });
  expect((await bill()).failures).toEqual([]);
});
afterAll(async () => {
  await h?.drop();
});

describe("a royalty report lower than the estimate billed", () => {
  it("imported by HQ, credits the estimated February invoice for the difference, supply and VAT, keyed true-up:2026-02", async () => {
    const invoice = await february();
    const estimatedRoyalty = invoice.lines.find((l) => l.kind === "royalty")!.amountWon;
    expect(estimatedRoyalty).toBeGreaterThan(750_000n);
    const outcome = await call(hq, "sales.import", { fileName: "sales.csv", contentBase64: base64("매장코드,월,매출액\nGANGNAM,2026-02,15000000\n") });
    expect(outcome).toMatchObject({ ok: true, created: 1 });
    // 15,000,000 × 5% = 750,000 royalty and 75,000 VAT, against what the estimate billed.
    const royaltyBack = estimatedRoyalty - 750_000n;
    const vatBack = estimatedRoyalty / 10n - 75_000n;
    const notes = await h.db.creditNote.findMany({ where: { invoiceId: invoice.id }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ totalWon: royaltyBack + vatBack, idempotencyKey: `credit-note:v1:${invoice.id}:true-up:2026-02`, issueOn: new Date("2026-03-16T00:00:00Z") });
    expect(notes[0]!.lines.map((l) => [l.debitAccount, l.amountWon])).toEqual([
      ["revenue_royalty", royaltyBack],
      ["vat_payable", vatBack],
    ]);
    expect((await february()).openWon).toBe(invoice.totalWon - royaltyBack - vatBack);
  });

  it("leaves nothing for the engine to true up, and nothing pending on the statement, which lists the note", async () => {
    await bill();
    expect(await h.db.invoice.count({ where: { contractId, periodKey: "2026-02:true-up" } })).toBe(0);
    const statement = await call<RoyaltyStatement>(hq, "statement", { storeId: h.stores.a.id, month: "2026-02" });
    const [contract] = statement.contracts;
    expect(contract!.pendingAdjustment).toBeNull();
    expect(contract!.invoices[0]!.creditNotes).toHaveLength(1);
    expect(contract!.totals).toMatchObject({ royaltyWon: 750_000n, vatWon: 75_000n, billedWon: 825_000n, outstandingWon: 825_000n, collectedWon: 0n });
  });

  it("importing the same figure again issues no second note", async () => {
    expect(await call(hq, "sales.import", { fileName: "sales.csv", contentBase64: base64("매장코드,월,매출액\nGANGNAM,2026-02,15000000\n") })).toMatchObject({ ok: true, unchanged: 1 });
    expect(await h.db.creditNote.count()).toBe(1);
  });
});
