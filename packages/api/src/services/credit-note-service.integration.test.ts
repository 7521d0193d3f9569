import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import { definePluginManifest } from "@sunap/core";
import { pdfText } from "../testing/pdf-text.ts";
import { createApiHarness, type ApiHarness } from "../testing/api-harness.ts";
import { issueVatFixtureInvoice } from "../testing/credit-note-fixtures.ts";
import { FIXTURE_PLUGIN_ID } from "../testing/invoice-fixtures.ts";
import { registerInvoiceRoutes } from "./invoice-routes.ts";

const PLUGIN = definePluginManifest({ id: FIXTURE_PLUGIN_ID, name: { ko: "테스트 구독", en: "Test subscription" }, description: { ko: "", en: "" }, icon: "AppstoreOutlined", accounts: [], reportDimensions: [] });

let h: ApiHarness;
let app: FastifyInstance;
let base = "";
let payerId = 0;

const line = (position: number, amountWon: bigint) => ({ invoiceLinePosition: position, labelKo: "일시정지 감액", labelEn: "Pause credit", amountWon });
const as = (role: "finance" | "store_owner") => ({ cookie: `sunap_session=${h.users[role].token}` });

beforeAll(async () => {
  h = await createApiHarness();
  app = Fastify({ forceCloseConnections: true });
  await app.register(cookie);
  registerInvoiceRoutes(app, { db: h.db, keyring: h.keyring, clock: h.clock, sessionTtlHours: 8, cookieName: "sunap_session", plugins: [PLUGIN] });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  payerId = (await h.callerFor("finance").payers.create({ payerCode: "CN-1", kind: "individual", name: "감액고객", birthDate: "1985-05-05", phone: "010-2345-6789", storeId: h.stores.a.id })).id;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await h?.drop();
});

describe("issuing a credit note", () => {
  it("takes back part of an unpaid invoice: one entry debiting revenue and VAT, crediting the receivable; the open amount drops; numbered CN-2026-000001", async () => {
    const finance = h.callerFor("finance");
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 50_000n });
    const lines = [line(1, 20_000n), { ...line(2, 2_000n), labelKo: "부가세 감액", labelEn: "VAT credit" }];
    const preview = await finance.creditNotes.preview({ invoiceId: invoice.id, lines });
    expect(preview).toMatchObject({ totalWon: 22_000n, receivableWon: 22_000n, toCustomerCreditWon: 0n, openBeforeWon: 55_000n, openAfterWon: 33_000n });

    const { creditNote, replayed } = await finance.creditNotes.issue({ invoiceId: invoice.id, lines, reason: "3월 일시정지", idempotencyKey: "form-key-0001" });
    expect(replayed).toBe(false);
    expect(creditNote).toMatchObject({ number: "CN-2026-000001", issueOn: "2026-03-16", totalWon: 22_000n, toCustomerCreditWon: 0n, storeId: h.stores.a.id });
    const entry = await h.db.journalEntry.findUniqueOrThrow({ where: { id: creditNote.entryId }, include: { lines: { orderBy: { id: "asc" } } } });
    expect(entry.kind).toBe("credit_note");
    expect(entry.lines.map((l) => [l.accountCode, l.amountWon, l.invoiceId])).toEqual([
      ["fixture_revenue", 20_000n, invoice.id],
      ["vat_payable", 2_000n, invoice.id],
      ["receivables", -22_000n, invoice.id],
    ]);
    const after = await finance.invoices.get({ id: invoice.id });
    expect(after).toMatchObject({ openWon: 33_000n, creditedWon: 22_000n, paidWon: 0n, status: "open" });
    expect(after.creditNotes.map((n) => n.number)).toEqual(["CN-2026-000001"]);
  });

  it("replays a used key: the same note, nothing written", async () => {
    const finance = h.callerFor("finance");
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 10_000n });
    const first = await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 1_000n)], reason: "호의 할인", idempotencyKey: "form-key-0002" });
    const counts = async () => [await h.db.creditNote.count(), await h.db.journalEntry.count(), await h.db.auditLog.count(), (await h.db.creditNoteSequence.findUniqueOrThrow({ where: { year: 2026 } })).lastNumber];
    const before = await counts();
    const again = await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 1_000n)], reason: "호의 할인", idempotencyKey: "form-key-0002" });
    expect(again.replayed).toBe(true);
    expect(again.creditNote.id).toBe(first.creditNote.id);
    expect(await counts()).toEqual(before);
  });

  it("refuses more than a line has left, naming the line; the number is not used up (gapless)", async () => {
    const finance = h.callerFor("finance");
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 10_000n });
    const last = (await h.db.creditNoteSequence.findUniqueOrThrow({ where: { year: 2026 } })).lastNumber;
    const refused = await h.request("finance", "creditNotes.issue", { invoiceId: invoice.id, lines: [line(1, 10_001n)], reason: "과다", idempotencyKey: "form-key-0003" }, { type: "mutation" });
    expect(refused.error?.data).toMatchObject({ domainCode: "credit_note.exceeds_line", fieldErrors: [{ field: "lines.0.amountWon" }] });
    const next = await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 10_000n)], reason: "전액", idempotencyKey: "form-key-0004" });
    expect(next.creditNote.number).toBe(`CN-2026-${String(last + 1).padStart(6, "0")}`);
  });

  it("sends what was already paid to the payer's customer credit; partly credited and the rest paid reads paid, credited whole reads credited", async () => {
    const finance = h.callerFor("finance");
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-03", dueOn: "2026-03-25", supplyWon: 100_000n });
    await finance.payments.record({ payerId, receivedOn: "2026-03-10", amountWon: 110_000n, method: "bank_transfer", reference: "전액", idempotencyKey: "pay-cn-0001", allocation: { kind: "chosen", allocations: [{ invoiceId: invoice.id, amountWon: 110_000n }] } });
    const partial = await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 30_000n), line(2, 3_000n)], reason: "해지", idempotencyKey: "form-key-0005" });
    expect(partial.creditNote).toMatchObject({ totalWon: 33_000n, toCustomerCreditWon: 33_000n, receivableWon: 0n });
    const entry = await h.db.journalLine.findMany({ where: { entryId: partial.creditNote.entryId }, orderBy: { id: "asc" } });
    expect(entry.map((l) => [l.accountCode, l.amountWon])).toEqual([
      ["fixture_revenue", 30_000n],
      ["vat_payable", 3_000n],
      ["customer_credits", -33_000n],
    ]);
    expect(await finance.invoices.get({ id: invoice.id })).toMatchObject({ status: "paid", openWon: 0n, paidWon: 110_000n });
    await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 70_000n), line(2, 7_000n)], reason: "나머지", idempotencyKey: "form-key-0006" });
    const whole = await finance.invoices.get({ id: invoice.id });
    expect(whole).toMatchObject({ status: "credited", creditedWon: 110_000n });
    const credited = await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "credited" }] });
    expect(credited.data.map((i) => i.id)).toEqual([invoice.id]);
    const paid = await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "paid" }] });
    expect(paid.data.map((i) => i.id)).not.toContain(invoice.id);
    // Nothing more to take back.
    const refused = await h.request("finance", "creditNotes.issue", { invoiceId: invoice.id, lines: [{ labelKo: "추가", labelEn: "More", amountWon: 1n, debitAccount: "fixture_revenue" }], reason: "추가", idempotencyKey: "form-key-0007" }, { type: "mutation" });
    expect(refused.error?.data.domainCode).toBe("credit_note.exceeds_invoice");
  });

  it("lists an invoice partly credited and unpaid as open, not partially paid, in the server-side status filter", async () => {
    const finance = h.callerFor("finance");
    const open = await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "open" }] });
    const partial = await finance.invoices.list({ filters: [{ field: "status", operator: "eq", value: "partially_paid" }] });
    const first = await h.db.creditNote.findFirstOrThrow({ where: { number: "CN-2026-000001" } });
    expect(open.data.map((i) => i.id)).toContain(first.invoiceId);
    expect(partial.data.map((i) => i.id)).not.toContain(first.invoiceId);
  });

  it("serialises notes on one invoice (row lock): of two at once each asking 60% of a line, one is issued and the other refused", async () => {
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 10_000n });
    const ask = (key: string) => h.request("finance", "creditNotes.issue", { invoiceId: invoice.id, lines: [line(1, 6_000n)], reason: "동시", idempotencyKey: key }, { type: "mutation" });
    const outcomes = await Promise.all([ask("race-key-0001"), ask("race-key-0002")]);
    expect(outcomes.filter((o) => !o.error)).toHaveLength(1);
    expect(outcomes.find((o) => o.error)?.error?.data.domainCode).toBe("credit_note.exceeds_line");
    expect(await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ creditedWon: 6_000n, openWon: 5_000n });
  });

  it("dates a note asked for in a closed month today, as the billing engine dates a catch-up", async () => {
    const finance = h.callerFor("finance");
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-02-02", dueOn: "2026-02-25", supplyWon: 10_000n });
    await h.callerFor("admin").periods.close({ month: "2026-02" });
    const { creditNote } = await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 5_000n)], reason: "2월분 감액", issueOn: "2026-02-20", idempotencyKey: "form-key-0008" });
    expect(creditNote.issueOn).toBe("2026-03-16");
  });

  it("refuses store owners, void invoices, and voiding an invoice that has credit notes", async () => {
    const invoice = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 10_000n });
    const owner = await h.request("store_owner", "creditNotes.issue", { invoiceId: invoice.id, lines: [line(1, 1_000n)], reason: "점주", idempotencyKey: "form-key-0009" }, { type: "mutation" });
    expect(owner.error?.data.code).toBe("FORBIDDEN");
    const finance = h.callerFor("finance");
    await finance.creditNotes.issue({ invoiceId: invoice.id, lines: [line(1, 1_000n)], reason: "일부", idempotencyKey: "form-key-0010" });
    const voiding = await h.request("finance", "invoices.void", { id: invoice.id, reason: "취소" }, { type: "mutation" });
    expect(voiding.error?.data.domainCode).toBe("invoice.void_has_credit_notes");
    const other = await issueVatFixtureInvoice(h.db, { payerId, storeId: h.stores.a.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 10_000n });
    await finance.invoices.void({ id: other.id, reason: "중복" });
    const onVoid = await h.request("finance", "creditNotes.issue", { invoiceId: other.id, lines: [line(1, 1_000n)], reason: "취소분", idempotencyKey: "form-key-0011" }, { type: "mutation" });
    expect(onVoid.error?.data.domainCode).toBe("credit_note.invoice_void");
  });
});

describe("reading credit notes", () => {
  it("lists with server-side filters (number, payer, issue date range) and sorting; store owners see only their stores'", async () => {
    const finance = h.callerFor("finance");
    const all = await finance.creditNotes.list({ sorters: [{ field: "number", order: "asc" }] });
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.data[0]!.number).toBe("CN-2026-000001");
    expect((await finance.creditNotes.list({ filters: [{ field: "number", operator: "contains", value: "000001" }] })).total).toBe(1);
    expect((await finance.creditNotes.list({ filters: [{ field: "payer", operator: "contains", value: "감액고객" }] })).total).toBe(all.total);
    expect((await finance.creditNotes.list({ filters: [{ field: "payer", operator: "contains", value: "없는사람" }] })).total).toBe(0);
    expect((await finance.creditNotes.list({ filters: [{ field: "issueOn", operator: "gte", value: "2026-03-17" }] })).total).toBe(0);
    expect((await finance.creditNotes.list({ filters: [{ field: "issueOn", operator: "lte", value: "2026-03-16" }] })).total).toBe(all.total);
    const owner = h.callerFor("store_owner");
    expect((await owner.creditNotes.list({})).total).toBe(all.total); // all of store A
    const otherPayer = (await finance.payers.create({ payerCode: "CN-2", kind: "individual", name: "홍대고객", birthDate: "1980-01-01", phone: "010-1111-2222", storeId: h.stores.b.id })).id;
    const inB = await issueVatFixtureInvoice(h.db, { payerId: otherPayer, storeId: h.stores.b.id, issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 10_000n });
    const noteB = await finance.creditNotes.issue({ invoiceId: inB.id, lines: [line(1, 1_000n)], reason: "홍대", idempotencyKey: "form-key-0012" });
    expect((await owner.creditNotes.list({})).total).toBe(all.total);
    const hidden = await h.request("store_owner", "creditNotes.get", { id: noteB.creditNote.id });
    expect(hidden.error?.data.code).toBe("NOT_FOUND");
  });

  it("gives the credit note as a PDF (감액 청구서) store-scoped, and the invoice statement lists its notes and the open amount after them", async () => {
    const note = await h.db.creditNote.findFirstOrThrow({ where: { number: "CN-2026-000001" } });
    const response = await fetch(`${base}/api/credit-notes/${note.id}/pdf`, { headers: as("finance") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="credit-note-CN-2026-000001.pdf"');
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    for (const expected of ["감액 청구서", "CN-2026-000001", "일시정지 감액", "부가세 감액", "22,000원", "33,000원", "3월 일시정지", "감액고객"]) expect(text).toContain(expected);
    const other = await h.db.creditNote.findFirstOrThrow({ where: { storeId: h.stores.b.id } });
    expect((await fetch(`${base}/api/credit-notes/${other.id}/pdf`, { headers: as("store_owner") })).status).toBe(404);
    expect((await fetch(`${base}/api/credit-notes/${note.id}/pdf`, { headers: as("store_owner") })).status).toBe(200);
    const statement = await pdfText(Buffer.from(await (await fetch(`${base}/api/invoices/${note.invoiceId}/pdf`, { headers: as("finance") })).arrayBuffer()));
    for (const expected of ["CN-2026-000001", "감액 후 미납액", "33,000원"]) expect(statement).toContain(expected);
  }, 30_000);
});
