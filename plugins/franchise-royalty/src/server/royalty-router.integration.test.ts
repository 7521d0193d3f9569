import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { businessDateToDb } from "@sunap/core";
import { runBilling } from "@sunap/api";
import { postEntry, refreshInvoiceOpenAmounts } from "@sunap/db";
import { callPath, createApiHarness, permissionProblems, refusal, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { franchiseRoyaltyPlugin } from "../server.ts";
import type { RoyaltyStatement } from "./statement.ts";
import type { SalesImportOutcome } from "./sales-reports.ts";
import type { TaxInvoiceRow } from "./tax-invoices.ts";
import type { RegionCollections, CollectionFigures } from "./collections.ts";

const BUYER_A = "314-81-27343";
const BUYER_B = "605-87-31027";

let h: ApiHarness;
let finance: CoreCaller;
let hq: CoreCaller;
let owner: CoreCaller;
let franchiseeA = 0;
let franchiseeB = 0;
let contractA = 0;

const terms = (over: Record<string, unknown> = {}) => ({
  storeCode: "IGNORED",
  firstMonth: "2026-01",
  royalty: { kind: "flat", rateBp: 500 },
  fixedFees: [{ code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon: 300_000n }],
  minimumRoyaltyWon: 500_000n,
  ...over,
});

const call = <T>(caller: CoreCaller, path: string, input?: unknown) => callPath(caller, `franchise-royalty.${path}`, input) as Promise<T>;
const bill = () => runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });
const invoicesOf = (contractId: number) => h.db.invoice.findMany({ where: { contractId }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { id: "asc" } });
const base64 = (text: string | Uint8Array) => Buffer.from(text).toString("base64");

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [franchiseRoyaltyPlugin], today: "2026-03-16" });
  finance = h.callerFor("finance");
  hq = h.callerFor("franchise_hq");
  owner = h.callerFor("store_owner");
  franchiseeA = (await finance.payers.create({ payerCode: "S-A", kind: "business", name: "강남점 (주)가온", businessNumber: BUYER_A, representative: "최점주", phone: "02-555-1234", plugins: ["franchise-royalty"], storeId: h.stores.a.id })).id;
  franchiseeB = (await finance.payers.create({ payerCode: "S-B", kind: "business", name: "홍대점 청춘", businessNumber: BUYER_B, representative: "한청춘", phone: "02-333-4567", plugins: ["franchise-royalty"], storeId: h.stores.b.id })).id;
});
afterAll(async () => {
  await h?.drop();
});

describe("the plugin's router", () => {
  it("declares a known permission on every procedure", () => {
    expect(permissionProblems(h.router).filter((p) => p.startsWith("franchise-royalty."))).toEqual([]);
  });
});

describe("royalty terms for a store", () => {
  it("are billed to the store's franchisee and carry the store's code", async () => {
    const created = await call<{ id: number; storeId: number; payerId: number; terms: { storeCode: string }; title: string }>(hq, "contracts.create", { storeId: h.stores.a.id, payerId: franchiseeA, terms: terms() });
    contractA = created.id;
    expect(created).toMatchObject({ storeId: h.stores.a.id, payerId: franchiseeA, terms: { storeCode: "GANGNAM" }, title: "GANGNAM · 5% · 최저 500,000원 · 고정 수수료 1건" });
    expect(await h.db.auditLog.count({ where: { action: "contract.create", entityId: String(created.id) } })).toBe(1);
  });

  it("refuse a second active set for the same store, a payer who is not the store's franchisee, and bad terms, saving nothing", async () => {
    const before = await h.db.contract.count();
    expect(await refusal(call(hq, "contracts.create", { storeId: h.stores.a.id, payerId: franchiseeA, terms: terms() }))).toMatchObject({ code: "CONFLICT", domainCode: "royalty.contract.store_has_terms", field: "storeId" });
    expect(await refusal(call(hq, "contracts.create", { storeId: h.stores.a.id, payerId: franchiseeB, terms: terms() }))).toMatchObject({ domainCode: "royalty.contract.payer_not_franchisee", field: "payerId" });
    const response = await h.request("franchise_hq", "franchise-royalty.contracts.create", { storeId: h.stores.b.id, payerId: franchiseeB, terms: terms({ minimumRoyaltyWon: -1n }) });
    expect(response.error?.data).toMatchObject({ domainCode: "contract.invalid_terms", fieldErrors: [{ field: "terms.minimumRoyaltyWon" }] });
    expect(await refusal(call(owner, "contracts.create", { storeId: h.stores.a.id, payerId: franchiseeA, terms: terms() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await h.db.contract.count()).toBe(before);
  });
});

describe("changing royalty terms", () => {
  it("keeps the store's code whatever the form sends, bumps the version and is audited", async () => {
    const before = await h.db.contract.findUniqueOrThrow({ where: { id: contractA } });
    const changed = await call<{ version: number; terms: { storeCode: string; fixedFees: unknown[] } }>(hq, "contracts.updateTerms", { id: contractA, version: before.version, terms: terms({ storeCode: "HONGDAE", fixedFees: [{ code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon: 300_000n }] }), reason: "재계약" });
    expect(changed).toMatchObject({ version: before.version + 1, terms: { storeCode: "GANGNAM" } });
    expect(await h.db.auditLog.count({ where: { action: "contract.update_terms", entityId: String(contractA) } })).toBe(1);
    expect(await refusal(call(hq, "contracts.updateTerms", { id: contractA, version: before.version, terms: terms() }))).toMatchObject({ code: "CONFLICT", domainCode: "contract.version_conflict" });
    expect(await refusal(call(owner, "contracts.updateTerms", { id: contractA, version: before.version + 1, terms: terms() }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("monthly sales reports", () => {
  it("a store owner reports their own store's ended month; a correction bumps the revision and is audited", async () => {
    const first = await call<{ revision: number; source: string }>(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 20_000_000n });
    expect(first).toMatchObject({ revision: 1, source: "store_owner" });
    const corrected = await call<{ revision: number; grossSalesWon: bigint }>(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 24_000_000n, expectedRevision: 1 });
    expect(corrected).toMatchObject({ revision: 2, grossSalesWon: 24_000_000n });
    const audits = await h.db.auditLog.findMany({ where: { action: { in: ["royalty.sales.report", "royalty.sales.correct"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["royalty.sales.report", "royalty.sales.correct"]);
    expect(audits[1]!.before).toMatchObject({ grossSalesWon: "20000000", revision: 1 });
  });

  it("refuses a month not yet ended, another owner's store, a closed store's later month, a stale revision and a negative amount", async () => {
    expect(await refusal(call(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-03", grossSalesWon: 1n }))).toMatchObject({ domainCode: "royalty.sales.future_month", field: "month" });
    expect(await refusal(call(owner, "sales.submit", { storeId: h.stores.b.id, month: "2026-01", grossSalesWon: 1n }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    const closed = await h.db.store.create({ data: { code: "CLOSED", name: "폐점", region: "부산", openedOn: businessDateToDb("2024-01-01"), closedOn: businessDateToDb("2026-01-20") } });
    expect(await refusal(call(hq, "sales.submit", { storeId: closed.id, month: "2026-02", grossSalesWon: 1n }))).toMatchObject({ domainCode: "royalty.sales.store_closed", field: "month" });
    expect(await refusal(call(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 1n, expectedRevision: 1 }))).toMatchObject({ domainCode: "royalty.sales.changed_meanwhile" });
    expect((await refusal(call(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: -5n }))).zodPaths).toEqual(["grossSalesWon"]);
    expect(await h.db.royaltySalesReport.count({ where: { storeId: closed.id } })).toBe(0);
  });

  it("HQ imports a CSV for many stores all or nothing: a bad row names its row and column and saves nothing", async () => {
    const bad = "매장코드,월,매출액\nGANGNAM,2025-12,18000000\nHONGDAE,2026-13,9000000\nNOWHERE,2026-01,1\n";
    const refused = await call<SalesImportOutcome>(hq, "sales.import", { fileName: "sales.csv", contentBase64: base64(bad) });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, "월", "royalty.import.bad_month"],
      [4, "매장코드", "royalty.import.unknown_store"],
    ]);
    expect(refused.problems[1]!.message).toBe("매장코드 NOWHERE인 가맹점이 없습니다.");
    expect(await h.db.royaltySalesReport.count({ where: { month: "2025-12" } })).toBe(0);
    expect(await h.db.auditLog.count({ where: { action: "royalty.sales.import_rejected" } })).toBe(1);

    const good = "매장코드,월,매출액\nGANGNAM,2025-12,18000000\nHONGDAE,2026-01,\"9,000,000\"\nHONGDAE,2026-02,11000000\n";
    expect(await call(hq, "sales.import", { fileName: "sales.csv", contentBase64: base64(good) })).toEqual({ ok: true, rows: 3, created: 3, corrected: 0, unchanged: 0 });
    expect(await h.db.royaltySalesReport.count({ where: { source: "import" } })).toBe(3);
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { action: "royalty.sales.import" } });
    expect(audit.after).toMatchObject({ file: "sales.csv", rows: 3, created: 3, changes: [{ storeCode: "GANGNAM", month: "2025-12", before: null, after: "18000000" }, {}, {}] });
  });

  it("lists reports on the server's pages, a store owner only their own stores'", async () => {
    const all = await call<{ data: { storeCode: string; month: string }[]; total: number }>(hq, "sales.list", { pagination: { current: 1, pageSize: 2 }, sorters: [{ field: "month", order: "asc" }], filters: [] });
    expect(all.total).toBe(4);
    expect(all.data.map((r) => `${r.storeCode} ${r.month}`)).toEqual(["GANGNAM 2025-12", "GANGNAM 2026-01"]);
    const mine = await call<{ data: { storeCode: string }[]; total: number }>(owner, "sales.list", { filters: [{ field: "fromMonth", operator: "gte", value: "2026-01" }] });
    expect(mine.data.map((r) => r.storeCode)).toEqual(["GANGNAM"]);
    expect(await refusal(call(owner, "sales.list", { filters: [{ field: "storeId", operator: "eq", value: h.stores.b.id }] }))).toMatchObject({ domainCode: "auth.store_forbidden" });
  });

  it("reads XLSX the same way and refuses files of other types or over the size limit", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("매출");
    sheet.addRow(["store code", "month", "gross sales"]);
    sheet.addRow(["HONGDAE", "2026-02", 12_000_000]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await call(hq, "sales.import", { fileName: "sales.xlsx", contentBase64: base64(bytes) })).toEqual({ ok: true, rows: 1, created: 0, corrected: 1, unchanged: 0 });
    expect((await h.db.royaltySalesReport.findFirstOrThrow({ where: { storeId: h.stores.b.id, month: "2026-02" } })).revision).toBe(2);
    expect(await refusal(call(hq, "sales.import", { fileName: "sales.pdf", contentBase64: base64("%PDF") }))).toMatchObject({ domainCode: "royalty.import.unsupported_type", field: "file" });
    expect(await refusal(call(hq, "sales.import", { fileName: "sales.xlsx", contentBase64: base64("not a zip") }))).toMatchObject({ domainCode: "royalty.import.unsupported_type" });
    expect((await refusal(call(hq, "sales.import", { fileName: "big.csv", contentBase64: "A".repeat(7_000_000) }))).zodPaths).toEqual(["contentBase64"]);
    expect(await refusal(call(owner, "sales.import", { fileName: "sales.csv", contentBase64: base64("a") }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("billing royalties through the engine", () => {
  it("issues January on its report and February on an estimate, once, even when run twice", async () => {
    const first = await bill();
    expect(first.failures).toEqual([]);
    await bill();
    const invoices = await invoicesOf(contractA);
    expect(invoices.map((i) => [i.periodKey, i.totalWon])).toEqual([
      // 24,000,000 × 5% = 1,200,000 + fund 300,000 + VAT 150,000
      ["2026-01", 1_650_000n],
      // estimated from Jan and Dec (average 21,000,000) → 1,050,000 + 300,000 + 135,000
      ["2026-02", 1_485_000n],
    ]);
    expect(invoices[1]!.lines[0]).toMatchObject({ kind: "royalty", labelKo: "로열티 (추정 매출)" });
    expect(invoices.map((i) => i.issueOn.toISOString().slice(0, 10))).toEqual(["2026-02-06", "2026-03-06"]);
  });

  it("trues up February once its report arrives: its own invoice keyed 2026-02:true-up, issued once", async () => {
    await call(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-02", grossSalesWon: 27_000_000n });
    expect((await h.db.contract.findUniqueOrThrow({ where: { id: contractA } })).nextIssueOn).toBeNull();
    await bill();
    await bill();
    const trueUps = (await invoicesOf(contractA)).filter((i) => i.periodKey === "2026-02:true-up");
    expect(trueUps).toHaveLength(1);
    // real 27,000,000 → 1,350,000 against 1,050,000 estimated: 300,000 + VAT 30,000
    expect(trueUps[0]!.lines.map((l) => [l.kind, l.amountWon])).toEqual([
      ["royalty_true_up", 300_000n],
      ["vat_true_up", 30_000n],
    ]);
    expect(trueUps[0]!.issueOn.toISOString().slice(0, 10)).toBe("2026-03-16");
  });

  it("the store owner cannot change a figure already billed; HQ can, and a lower figure issues a credit note on the month's invoice (true-up:2026-01), not an invoice", async () => {
    expect(await refusal(call(owner, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 1n }))).toMatchObject({ domainCode: "royalty.sales.locked_after_billing" });
    await call(hq, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 22_000_000n });
    await bill();
    const invoices = await invoicesOf(contractA);
    expect(invoices.map((i) => i.periodKey)).toEqual(["2026-01", "2026-02", "2026-02:true-up"]);
    // 22,000,000 × 5% = 1,100,000 against 1,200,000 billed: 100,000 royalty and 10,000 VAT taken back.
    const notes = await h.db.creditNote.findMany({ where: { invoiceId: invoices[0]!.id }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ totalWon: 110_000n, toCustomerCreditWon: 0n, idempotencyKey: `credit-note:v1:${invoices[0]!.id}:true-up:2026-01` });
    expect(notes[0]!.lines.map((l) => [l.labelKo, l.debitAccount, l.amountWon])).toEqual([
      ["로열티 정산", "revenue_royalty", 100_000n],
      ["부가세 정산", "vat_payable", 10_000n],
    ]);
    expect(invoices[0]!.openWon).toBe(1_540_000n);
    const statement = await call<RoyaltyStatement>(owner, "statement", { storeId: h.stores.a.id, month: "2026-01" });
    expect(statement.contracts[0]!.pendingAdjustment).toBeNull();
    expect(statement.contracts[0]!.invoices[0]!.creditNotes.map((n) => n.totalWon)).toEqual([110_000n]);
    expect(statement.contracts[0]!.totals).toMatchObject({ royaltyWon: 1_100_000n, vatWon: 140_000n, billedWon: 1_540_000n, outstandingWon: 1_540_000n });
    // The same figure again changes nothing: no second note.
    await call(hq, "sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 22_000_000n });
    expect(await h.db.creditNote.count({ where: { invoiceId: invoices[0]!.id } })).toBe(1);
  });

  it("the statement shows sales, the estimate and its true-up, what was billed and what is still owed", async () => {
    const statement = await call<RoyaltyStatement>(owner, "statement", { storeId: h.stores.a.id, month: "2026-02" });
    expect(statement.report).toMatchObject({ grossSalesWon: 27_000_000n, revision: 1, source: "store_owner" });
    expect(statement.reportDueOn).toBe("2026-03-05");
    const [contract] = statement.contracts;
    expect(contract!.invoices.map((i) => [i.periodKey, i.estimated, i.status])).toEqual([
      ["2026-02", true, "open"],
      ["2026-02:true-up", false, "open"],
    ]);
    expect(contract!.totals).toEqual({ royaltyWon: 1_350_000n, feesWon: 300_000n, vatWon: 165_000n, billedWon: 1_815_000n, collectedWon: 0n, outstandingWon: 1_815_000n });
    expect(await refusal(call(owner, "statement", { storeId: h.stores.b.id, month: "2026-02" }))).toMatchObject({ domainCode: "auth.store_forbidden" });
  });
});

describe("tax invoices", () => {
  it("are issued once per royalty invoice through the sandbox, with the buyer's number kept encrypted", async () => {
    const january = (await invoicesOf(contractA))[0]!;
    const issued = await call<TaxInvoiceRow>(hq, "taxInvoices.issue", { invoiceId: january.id });
    expect(issued.taxInvoice).toMatchObject({ provider: "sandbox", supplyTotalWon: 1_500_000n, vatTotalWon: 150_000n, buyerBusinessNumberMasked: "314-81-*****" });
    expect(issued.taxInvoice!.providerRef).toMatch(/^20260206-\d{8}-\d{8}$/);
    const row = await h.db.royaltyTaxInvoice.findUniqueOrThrow({ where: { invoiceId: january.id } });
    expect(JSON.stringify(row.data)).not.toContain("3148127343");
    expect(await h.db.personalDataAccess.count({ where: { action: "royalty.tax_invoice.issue" } })).toBe(1);
    expect((await h.db.auditLog.findFirstOrThrow({ where: { action: "royalty.tax_invoice.issue" } })).after).toMatchObject({ invoiceId: january.id, provider: "sandbox", providerRef: issued.taxInvoice!.providerRef });
    expect(await refusal(call(hq, "taxInvoices.issue", { invoiceId: january.id }))).toMatchObject({ code: "CONFLICT", domainCode: "royalty.tax_invoice.already_issued" });
    expect(await refusal(call(owner, "taxInvoices.issue", { invoiceId: january.id }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists the month's royalty invoices with their tax invoices and exports the issued ones as CSV, logged as an export", async () => {
    const list = await call<{ data: TaxInvoiceRow[]; total: number }>(finance, "taxInvoices.list", { filters: [{ field: "month", operator: "eq", value: "2026-02" }] });
    expect(list.total).toBe(1);
    expect(list.data[0]!.taxInvoice).not.toBeNull();
    const exported = await call<{ fileName: string; content: string; count: number }>(hq, "taxInvoices.exportCsv", { month: "2026-02" });
    expect(exported).toMatchObject({ fileName: "tax-invoices-2026-02.csv", count: 1 });
    expect(exported.content.startsWith("\uFEFF작성일자,승인번호")).toBe(true);
    expect(exported.content).toContain(`2026-02-06,${list.data[0]!.taxInvoice!.providerRef}`);
    expect(exported.content).toContain(BUYER_A);
    expect(await h.db.personalDataAccess.count({ where: { action: "royalty.tax_invoice.export" } })).toBe(1);
    expect(await h.db.auditLog.count({ where: { action: "royalty.tax_invoice.export" } })).toBe(1);
  });
});

describe("HQ's view of royalties billed, collected and outstanding", () => {
  it("sums by store and region from the invoices and the ledger; a store owner sees only their stores", async () => {
    await call(hq, "contracts.create", { storeId: h.stores.b.id, payerId: franchiseeB, terms: terms({ royalty: { kind: "flat", rateBp: 400 } }) });
    await bill();
    const january = (await invoicesOf(contractA))[0]!;
    await h.db.$transaction(async (tx) => {
      await postEntry(tx, { effectiveOn: "2026-03-10", kind: "payment", memo: "test payment", source: "test", idempotencyKey: "test:royalty-payment", lines: [{ accountCode: "cash", amountWon: 1_000_000n, payerId: franchiseeA, storeId: h.stores.a.id }, { accountCode: "receivables", amountWon: -1_000_000n, payerId: franchiseeA, invoiceId: january.id, storeId: h.stores.a.id }] }, null);
      await refreshInvoiceOpenAmounts(tx, [january.id]);
    });
    const all = await call<{ regions: RegionCollections[]; total: CollectionFigures }>(hq, "collections", { fromMonth: "2026-01", toMonth: "2026-02" });
    const seoul = all.regions.find((r) => r.region === "서울")!;
    const gangnam = seoul.stores.find((s) => s.storeCode === "GANGNAM")!;
    // January is billed net of its credit note (110,000 taken back by the lower true-up).
    expect(gangnam).toMatchObject({ invoices: 3, billedWon: 1_540_000n + 1_485_000n + 330_000n, collectedWon: 1_000_000n, outstandingWon: 2_355_000n });
    // Overdue: January was due 2026-02-16, February 2026-03-16 (today, not late yet).
    expect(gangnam.overdueWon).toBe(540_000n);
    expect(seoul.stores.map((s) => s.storeCode)).toEqual(["GANGNAM", "HONGDAE"]);
    const mine = await call<{ regions: RegionCollections[] }>(owner, "collections", { fromMonth: "2026-01", toMonth: "2026-02" });
    expect(mine.regions.flatMap((r) => r.stores.map((s) => s.storeCode))).toEqual(["GANGNAM"]);
    expect(await refusal(call(hq, "collections", { fromMonth: "2026-03", toMonth: "2026-01" }))).toMatchObject({ domainCode: "royalty.range_reversed", field: "toMonth" });
  });
});
