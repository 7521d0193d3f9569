import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceAsOf } from "@sunap/db";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { meteredPlugin, type MeteredTerms } from "../testing/metered-plugin/index.ts";

let h: ApiHarness;
let finance: CoreCaller;
let payerA = 0;
let payerB = 0;
let contractA = 0;
let contractB = 0;

const terms = (over: Partial<MeteredTerms> = {}): MeteredTerms => ({ meterCode: "INV-1", startOn: "2026-01-05", baseFeeWon: 10_000n, unitPriceWon: 100n, readings: {}, ...over });
const byId = (id: number) => ({ filters: [{ field: "id", operator: "eq" as const, value: id }] });

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [meteredPlugin] });
  finance = h.callerFor("finance");
  payerA = (await finance.payers.create({ payerCode: "INV-A", kind: "individual", name: "강남납부자", birthDate: "1985-05-05", phone: "010-2222-1111", storeId: h.stores.a.id })).id;
  payerB = (await finance.payers.create({ payerCode: "INV-B", kind: "individual", name: "홍대납부자", birthDate: "1986-06-06", phone: "010-3333-1111", storeId: h.stores.b.id })).id;
  await finance.pluginSettings.update({ pluginId: "metered", settings: { dueAfterDays: 20 } });
  contractA = (await finance.contracts.create({ pluginId: "metered", payerId: payerA, terms: terms({ readings: { "2026-02": 30 } }) })).id;
  contractB = (await finance.contracts.create({ pluginId: "metered", payerId: payerB, terms: terms({ meterCode: "INV-2", baseFeeWon: 20_000n }) })).id;
  const run = await finance.billing.runNow({ wait: true });
  expect(run).toMatchObject({ issued: 4, failures: 0 });
});
afterAll(async () => {
  await h?.drop();
});

describe("the invoice list", () => {
  it("filters by plugin, payer, store, contract, number and date ranges on the server", async () => {
    expect((await finance.invoices.list({ filters: [{ field: "pluginId", operator: "eq", value: "metered" }] })).total).toBe(4);
    expect((await finance.invoices.list({ filters: [{ field: "payerId", operator: "eq", value: payerB }] })).data.every((i) => i.payer.id === payerB)).toBe(true);
    expect((await finance.invoices.list({ filters: [{ field: "storeId", operator: "eq", value: h.stores.a.id }] })).total).toBe(2);
    expect((await finance.invoices.list({ filters: [{ field: "contractId", operator: "eq", value: contractB }] })).total).toBe(2);
    expect((await finance.invoices.list({ filters: [{ field: "issueOn", operator: "gte", value: "2026-03-01" }, { field: "issueOn", operator: "lte", value: "2026-03-31" }] })).total).toBe(2);
    expect((await finance.invoices.list({ filters: [{ field: "dueOn", operator: "lt", value: "2026-03-01" }] })).data.map((i) => i.dueOn)).toEqual(["2026-02-21", "2026-02-21"]);
    const first = (await finance.invoices.list({ sorters: [{ field: "number", order: "asc" }] })).data[0]!;
    expect(first.number).toBe("2026-000001");
    expect((await finance.invoices.list({ filters: [{ field: "number", operator: "contains", value: "000001" }] })).data.map((i) => i.id)).toEqual([first.id]);
  });

  it("sorts by amount and pages on the server", async () => {
    const page = await finance.invoices.list({ sorters: [{ field: "totalWon", order: "desc" }], pagination: { current: 1, pageSize: 3 } });
    expect(page.total).toBe(4);
    expect(page.data.map((i) => i.totalWon)).toEqual([22_000n, 22_000n, 14_300n]);
    expect(await refusal(finance.invoices.list({ sorters: [{ field: "payerName", order: "asc" }] }))).toMatchObject({ domainCode: "input.invalid" });
  });

  it("derives each status from the ledger and filters by it, overdue included", async () => {
    const open = await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "open" }] });
    expect(open.total).toBe(4);
    const overdue = await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "overdue" }] });
    expect(overdue.data.map((i) => [i.dueOn, i.overdue])).toEqual([["2026-02-21", true], ["2026-02-21", true]]);

    const [oldestA, latestA] = (await finance.invoices.list({ filters: [{ field: "contractId", operator: "eq", value: contractA }], sorters: [{ field: "issueOn", order: "asc" }] })).data;
    await finance.payments.record({ payerId: payerA, receivedOn: "2026-03-16", amountWon: oldestA!.totalWon, method: "bank_transfer", idempotencyKey: "inv-pay-full", allocation: { kind: "chosen", allocations: [{ invoiceId: oldestA!.id, amountWon: oldestA!.totalWon }] } });
    await finance.payments.record({ payerId: payerA, receivedOn: "2026-03-16", amountWon: 5_000n, method: "cash", idempotencyKey: "inv-pay-part", allocation: { kind: "chosen", allocations: [{ invoiceId: latestA!.id, amountWon: 5_000n }] } });
    expect((await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "paid" }] })).data.map((i) => i.id)).toEqual([oldestA!.id]);
    const partial = (await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "partially_paid" }] })).data;
    expect(partial.map((i) => [i.id, i.status, i.openWon, i.paidWon])).toEqual([[latestA!.id, "partially_paid", latestA!.totalWon - 5_000n, 5_000n]]);
    expect((await finance.invoices.list({ filters: [{ field: "status", operator: "in", value: ["paid", "partially_paid"] }] })).total).toBe(2);
    expect(await refusal(finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "lost" }] }))).toMatchObject({ domainCode: "input.invalid", field: "status" });
  });

  it("shows a store owner only their store's invoices, and refuses another store's by id", async () => {
    const owner = h.callerFor("store_owner");
    const mine = await owner.invoices.list({});
    expect(mine.total).toBe(2);
    expect(mine.data.every((i) => i.store?.id === h.stores.a.id)).toBe(true);
    const theirs = (await finance.invoices.list({ filters: [{ field: "storeId", operator: "eq", value: h.stores.b.id }] })).data[0]!;
    expect(await refusal(owner.invoices.get({ id: theirs.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    expect((await owner.invoices.list({ filters: [{ field: "storeId", operator: "eq", value: h.stores.b.id }] })).total).toBe(0);
  });
});

describe("an invoice in detail", () => {
  it("has its lines, its ledger entries with their lines, allocations, contract and the payer masked", async () => {
    const [, latestA] = (await finance.invoices.list({ filters: [{ field: "contractId", operator: "eq", value: contractA }], sorters: [{ field: "issueOn", order: "asc" }] })).data;
    const invoice = await finance.invoices.get({ id: latestA!.id });
    expect(invoice.lines.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([["base_fee", 10_000n, "revenue_metered"], ["usage", 3_000n, "revenue_metered"], ["vat", 1_300n, "vat_payable"]]);
    expect(invoice.entries.map((e) => e.kind)).toEqual(["invoice", expect.any(String)]);
    expect(invoice.entries[0]!.lines.find((l) => l.accountCode === "receivables")).toMatchObject({ amountWon: 14_300n, invoiceId: invoice.id });
    expect(invoice.allocations.map((a) => a.amountWon)).toEqual([5_000n]);
    expect(invoice.contract).toMatchObject({ id: contractA, pluginId: "metered" });
    expect(invoice.payer).toMatchObject({ id: payerA, phoneMasked: "010-****-1111" });
    expect(JSON.stringify(invoice.payer)).not.toMatch(/2222-1111|1985-05-05/);
  });
});

describe("voiding an invoice", () => {
  it("reverses the issue entry of an unpaid invoice, leaving nothing open", async () => {
    const invoice = (await finance.invoices.list({ filters: [{ field: "contractId", operator: "eq", value: contractB }], sorters: [{ field: "issueOn", order: "asc" }] })).data[0]!;
    expect(await refusal(finance.invoices.void({ id: invoice.id, reason: " " }))).toMatchObject({ domainCode: "invoice.void_reason_required", field: "reason" });
    const result = await finance.invoices.void({ id: invoice.id, reason: "중복 청구" });
    expect(result).toMatchObject({ creditedWon: 0n });
    const reversal = await h.db.journalEntry.findUniqueOrThrow({ where: { id: result.voidEntryId }, include: { lines: true } });
    const stored = await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(reversal.reversesEntryId).toBe(stored.entryId);
    expect(await balanceAsOf(h.db, { asOf: "2026-12-31", invoiceId: invoice.id, accountCode: "receivables" })).toBe(0n);
    expect((await finance.invoices.list(byId(invoice.id))).data[0]).toMatchObject({ status: "void", openWon: 0n, voidReason: "중복 청구", overdue: false });
    expect(await refusal(finance.invoices.void({ id: invoice.id, reason: "다시" }))).toMatchObject({ code: "CONFLICT", domainCode: "invoice.already_voided" });
  });

  it("moves what was already paid on it to the payer's customer credit", async () => {
    const partial = (await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "partially_paid" }] })).data[0]!;
    const creditBefore = await balanceAsOf(h.db, { asOf: "2026-12-31", payerId: payerA, accountCode: "customer_credits" });
    const result = await finance.invoices.void({ id: partial.id, reason: "계약 조건 오류" });
    expect(result.creditedWon).toBe(5_000n);
    expect(await balanceAsOf(h.db, { asOf: "2026-12-31", payerId: payerA, accountCode: "customer_credits" })).toBe(creditBefore - 5_000n);
    expect(await balanceAsOf(h.db, { asOf: "2026-12-31", invoiceId: partial.id, accountCode: "receivables" })).toBe(0n);
    expect((await h.db.invoice.findUniqueOrThrow({ where: { id: partial.id } })).openWon).toBe(0n);
    expect((await finance.invoices.list(byId(partial.id))).data[0]!.status).toBe("void");
  });

  it("is refused to a role without invoice.write", async () => {
    expect(await refusal(h.callerFor("auditor").invoices.void({ id: 1, reason: "감사" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("billing runs", () => {
  it("lists the runs with their figures, and one run by id for polling", async () => {
    const { data, total } = await finance.billing.runs({});
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ trigger: "manual", contracts: 2, issued: 4, totalWon: 14_300n + 11_000n + 22_000n * 2n, running: false, failureCount: 0 });
    expect(await finance.billing.run({ id: data[0]!.id })).toMatchObject({ id: data[0]!.id, runOn: "2026-03-16" });
    const again = await finance.billing.runNow({ wait: true });
    expect(again).toMatchObject({ issued: 0 });
  });
});
