import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import { definePluginManifest, reversalOf, vatOf, type BusinessDate, type Won } from "@sunap/core";
import { postEntry, refreshInvoiceOpenAmounts } from "@sunap/db";
import { pdfText } from "../testing/pdf-text.ts";
import { createApiHarness, type ApiHarness } from "../testing/api-harness.ts";
import { FIXTURE_PLUGIN_ID, FIXTURE_REVENUE_ACCOUNT, issueFixtureInvoice, issueFixtureInvoiceWithLines } from "../testing/invoice-fixtures.ts";
import { auditSink } from "../procedure-audit.ts";
import { runRegistrationJobs } from "./enrollment-testing.ts";
import { loadInvoiceDocument } from "./invoice-document.ts";
import { invoiceLinkToken, invoicePath } from "./invoice-links.ts";
import { registerInvoiceRoutes } from "./invoice-routes.ts";
import { PaymentService } from "./payment-service.ts";

const PLUGIN = definePluginManifest({
  id: FIXTURE_PLUGIN_ID,
  name: { ko: "테스트 구독", en: "Test subscription" },
  description: { ko: "", en: "" },
  icon: "AppstoreOutlined",
  accounts: [],
  reportDimensions: [],
});

let h: ApiHarness;
let app: FastifyInstance;
let base = "";
let payerId = 0;
let vatInvoice = { id: 0, number: "" };

const PDF_SCAN = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(128, 0x20), Buffer.from("\n%%EOF\n")]);

/**
 * An issued invoice as the engine leaves it, with a supply line and a VAT line (the shared
 * fixture has one line only): contract, invoice, lines, and the entry naming the invoice.
 */
function issueVatInvoice(input: { payerId: number; storeId: number | null; number: string; issueOn: BusinessDate; dueOn: BusinessDate; supplyWon: Won }) {
  return issueFixtureInvoiceWithLines(h.db, {
    ...input,
    prefix: "VX",
    contractTitle: "프리미엄 월 구독",
    period: { key: "2026-03", start: "2026-03-01", end: "2026-03-31" },
    lines: [
      { kind: "plan", labelKo: "프리미엄 요금제", labelEn: "Premium plan", basisKo: "2026-03 한 달", basisEn: "March 2026", amountWon: input.supplyWon, creditAccount: FIXTURE_REVENUE_ACCOUNT },
      { kind: "vat", labelKo: "부가세", labelEn: "VAT", basisKo: "공급가액 × 10%", basisEn: "10% of supply", amountWon: vatOf(input.supplyWon), creditAccount: "vat_payable" },
    ],
  });
}

/** Voids as the engine does: the reversing entry, linked from the invoice. */
async function voidInvoice(invoiceId: number, reason: string) {
  await h.db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    const lines = await tx.journalLine.findMany({ where: { entryId: invoice.entryId } });
    const reversal = await postEntry(
      tx,
      {
        effectiveOn: h.clock.today(),
        kind: "invoice_void",
        source: "test",
        idempotencyKey: `invoice-void:v1:${invoiceId}`,
        reversesEntryId: invoice.entryId,
        lines: reversalOf(lines.map((l) => ({ accountCode: l.accountCode, amountWon: l.amountWon, payerId: l.payerId, invoiceId: l.invoiceId, storeId: l.storeId }))),
      },
      null,
    );
    await tx.invoice.update({ where: { id: invoiceId }, data: { voidEntryId: reversal.id, voidedAt: h.clock.now(), voidReason: reason } });
    await refreshInvoiceOpenAmounts(tx, [invoiceId]);
  });
}

beforeAll(async () => {
  h = await createApiHarness();
  // Closing must not wait for a keep-alive connection a test left open.
  app = Fastify({ forceCloseConnections: true });
  await app.register(cookie);
  registerInvoiceRoutes(app, { db: h.db, keyring: h.keyring, clock: h.clock, sessionTtlHours: 8, cookieName: "sunap_session", plugins: [PLUGIN] });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  const payer = await h.callerFor("finance").payers.create({ payerCode: "INV-PDF-1", kind: "individual", name: "박청구", birthDate: "1985-05-05", phone: "010-2345-6789" });
  payerId = payer.id;
  vatInvoice = await issueVatInvoice({ payerId, storeId: h.stores.a.id, number: "2026-000101", issueOn: "2026-03-02", dueOn: "2026-03-25", supplyWon: 100_000n });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await h?.drop();
});

const as = (role: "finance" | "store_owner" | "auditor") => ({ cookie: `sunap_session=${h.users[role].token}` });

describe("GET /api/invoices/:id/pdf", () => {
  it("gives signed-in staff the statement as invoice-<number>.pdf with number, lines, VAT, total, due date and bank transfer details", async () => {
    const response = await fetch(`${base}/api/invoices/${vatInvoice.id}/pdf`, { headers: as("finance") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="invoice-2026-000101.pdf"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const expected of ["청구서", "2026-000101", "2026-03-25", "2026-03-01 ~ 2026-03-31", "박청구", "010-****-6789", "INV-PDF-1", "테스트 구독", "프리미엄 요금제", "2026-03 한 달", "공급가액", "100,000원", "10,000원", "110,000원", "(주)수납테스트", "220-81-62517", "계좌이체", "110-123-456789", "미납"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("2345"); // the phone's middle group stays masked
  });

  it("answers 401 without a session and 404 for an unknown or malformed id", async () => {
    expect((await fetch(`${base}/api/invoices/${vatInvoice.id}/pdf`)).status).toBe(401);
    expect((await fetch(`${base}/api/invoices/999999/pdf`, { headers: as("finance") })).status).toBe(404);
    expect((await fetch(`${base}/api/invoices/abc/pdf`, { headers: as("finance") })).status).toBe(404);
    expect((await fetch(`${base}/api/invoices/99999999999/pdf`, { headers: as("finance") })).status).toBe(404);
  });

  it("serves a store owner the invoices of their own store only (404 for another store's or a store-less one)", async () => {
    const other = await issueFixtureInvoice(h.db, { payerId, storeId: h.stores.b.id, issueOn: "2026-03-02", dueOn: "2026-03-25", totalWon: 5_000n });
    const storeless = await issueFixtureInvoice(h.db, { payerId, storeId: null, issueOn: "2026-03-02", dueOn: "2026-03-25", totalWon: 5_000n });
    expect((await fetch(`${base}/api/invoices/${vatInvoice.id}/pdf`, { headers: as("store_owner") })).status).toBe(200);
    expect((await fetch(`${base}/api/invoices/${other.id}/pdf`, { headers: as("store_owner") })).status).toBe(404);
    expect((await fetch(`${base}/api/invoices/${storeless.id}/pdf`, { headers: as("store_owner") })).status).toBe(404);
    expect((await fetch(`${base}/api/invoices/${other.id}/pdf`, { headers: as("auditor") })).status).toBe(200);
  });

  it("words the statement in English when asked", async () => {
    const text = await pdfText(Buffer.from(await (await fetch(`${base}/api/invoices/${vatInvoice.id}/pdf?lang=en`, { headers: as("finance") })).arrayBuffer()));
    for (const expected of ["Invoice", "Premium plan", "₩110,000", "Bank transfer", "Test subscription"]) expect(text).toContain(expected);
  });
});

describe("GET /i/:token (the payer's link)", () => {
  it("serves the statement inline to whoever holds a genuine token, and 404 for a forged or altered one", async () => {
    const token = invoiceLinkToken(h.keyring, vatInvoice.id);
    const response = await fetch(`${base}${invoicePath(token)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('inline; filename="invoice-2026-000101.pdf"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await pdfText(Buffer.from(await response.arrayBuffer()))).toContain("2026-000101");

    const [, signature] = token.split(".");
    expect((await fetch(`${base}/i/${(vatInvoice.id + 1).toString(36)}.${signature}`)).status).toBe(404);
    expect((await fetch(`${base}/i/${token.slice(0, -2)}xx`)).status).toBe(404);
    expect((await fetch(`${base}/i/not-a-token`)).status).toBe(404);
    const page = await fetch(`${base}/i/not-a-token`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("청구서를 찾을 수 없습니다");
    // A genuine signature for an invoice that does not exist: the same answer as a forged one.
    expect((await fetch(`${base}${invoicePath(invoiceLinkToken(h.keyring, 999_999))}`)).status).toBe(404);
  });

  it("shows what was paid after a payment and, once voided, still shows the invoice stamped void", async () => {
    const invoice = await issueVatInvoice({ payerId, storeId: null, number: "2026-000102", issueOn: "2026-03-05", dueOn: "2026-03-31", supplyWon: 50_000n });
    await new PaymentService(h.db, h.keyring).record(
      { payerId, receivedOn: h.clock.today(), amountWon: 20_000n, method: "bank_transfer", reference: "박청구", memo: "", idempotencyKey: "inv-pdf-pay-1", allocation: { kind: "chosen", allocations: [{ invoiceId: invoice.id, amountWon: 20_000n }] } },
      h.clock.today(),
      h.users.finance.id,
      auditSink({ actor: { id: h.users.finance.id, email: h.users.finance.email, ip: null }, audit: { written: false } }),
    );
    const url = `${base}${invoicePath(invoiceLinkToken(h.keyring, invoice.id))}`;
    const partly = await pdfText(Buffer.from(await (await fetch(url)).arrayBuffer()));
    expect(partly).toContain("부분 납부");
    expect(partly).toContain("수납액 20,000원");
    expect(partly).toContain("미납액 35,000원");

    await voidInvoice(invoice.id, "중복 청구");
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const voided = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(voided).toContain("무효");
    expect(voided).toContain("중복 청구");
    expect(voided).toContain("수납액 20,000원"); // the void undoes the charge, not the payment
    expect(voided).toContain("미납액 0원");
    expect(voided).toContain("초과 수납액 20,000원");
    expect(voided).toContain(`무효 처리 ${h.clock.today()} · 중복 청구`); // the void's business date, not the wall clock's
    expect(voided).toContain("수납하지 않습니다");
    expect(voided).not.toContain("계좌이체");
  });

  it("limits each IP's requests, forged tokens included, with 429 and Retry-After", async () => {
    const limited = Fastify({ forceCloseConnections: true });
    await limited.register(cookie);
    registerInvoiceRoutes(limited, { db: h.db, keyring: h.keyring, clock: h.clock, sessionTtlHours: 8, cookieName: "sunap_session", plugins: [], publicLimit: { limit: 3, windowMs: 60_000 } });
    const url = await limited.listen({ port: 0, host: "127.0.0.1" });
    await h.db.rateLimitCounter.deleteMany(); // the count is shared with the other tests' requests
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${url}/i/forged.${"A".repeat(22)}`)).status);
      expect(statuses).toEqual([404, 404, 404]);
      const refused = await fetch(`${url}${invoicePath(invoiceLinkToken(h.keyring, vatInvoice.id))}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe("GET /api/payments/:id/receipt.pdf", () => {
  it("gives staff the receipt with the amount, the invoices settled and the credit kept; a store owner sees their store's part only", async () => {
    const payer = await h.callerFor("finance").payers.create({ payerCode: "INV-PDF-RCPT", kind: "individual", name: "이영수", birthDate: "1979-09-09", phone: "010-5555-1212" });
    const inA = await issueFixtureInvoice(h.db, { payerId: payer.id, storeId: h.stores.a.id, issueOn: "2026-03-01", dueOn: "2026-03-10", totalWon: 11_000n, number: "RC-A-1" });
    const inB = await issueFixtureInvoice(h.db, { payerId: payer.id, storeId: h.stores.b.id, issueOn: "2026-03-01", dueOn: "2026-03-12", totalWon: 22_000n, number: "RC-B-1" });
    const audit = auditSink({ actor: { id: h.users.finance.id, email: h.users.finance.email, ip: null }, audit: { written: false } });
    const service = new PaymentService(h.db, h.keyring);
    const { payment } = await service.record({ payerId: payer.id, receivedOn: h.clock.today(), amountWon: 40_000n, method: "bank_transfer", reference: "이영수", memo: "", idempotencyKey: "inv-pdf-rcpt-1", allocation: { kind: "oldest_due" } }, h.clock.today(), h.users.finance.id, audit);
    expect(payment.allocations.map((a) => a.invoiceId)).toEqual([inA.id, inB.id]);

    const response = await fetch(`${base}/api/payments/${payment.id}/receipt.pdf`, { headers: as("finance") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="receipt-R-${String(payment.id).padStart(6, "0")}.pdf"`);
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    for (const expected of ["영수증", "40,000원", "RC-A-1", "11,000원", "RC-B-1", "22,000원", "선수금으로 보관", "7,000원", "계좌이체", "이영수"]) expect(text).toContain(expected);

    const owner = await pdfText(Buffer.from(await (await fetch(`${base}/api/payments/${payment.id}/receipt.pdf`, { headers: as("store_owner") })).arrayBuffer()));
    expect(owner).toContain("RC-A-1");
    expect(owner).not.toContain("RC-B-1");
    expect(owner).toContain("기타 청구서 적용");

    const onlyB = await issueFixtureInvoice(h.db, { payerId: payer.id, storeId: h.stores.b.id, issueOn: "2026-03-01", dueOn: "2026-03-13", totalWon: 5_000n, number: "RC-B-2" });
    const other = await service.record({ payerId: payer.id, receivedOn: h.clock.today(), amountWon: 5_000n, method: "cash", reference: "", memo: "", idempotencyKey: "inv-pdf-rcpt-2", allocation: { kind: "chosen", allocations: [{ invoiceId: onlyB.id, amountWon: 5_000n }] } }, h.clock.today(), h.users.finance.id, audit);
    expect((await fetch(`${base}/api/payments/${other.payment.id}/receipt.pdf`, { headers: as("store_owner") })).status).toBe(404);
    expect((await fetch(`${base}/api/payments/${other.payment.id}/receipt.pdf`)).status).toBe(401);
    expect((await fetch(`${base}/api/payments/999999/receipt.pdf`, { headers: as("finance") })).status).toBe(404);

    await service.void({ id: other.payment.id, reason: "입력 오류" }, h.clock.today(), h.clock.now(), h.users.finance.id, audit);
    const voided = await pdfText(Buffer.from(await (await fetch(`${base}/api/payments/${other.payment.id}/receipt.pdf`, { headers: as("auditor") })).arrayBuffer()));
    expect(voided).toContain("취소");
    expect(voided).toContain(`${h.clock.today()} · 입력 오류`);
  });
});

describe("invoice document", () => {
  it("says the invoice will be debited from the payer's registered CMS account on the due date", async () => {
    const finance = h.callerFor("finance");
    const payer = await finance.payers.create({ payerCode: "INV-PDF-CMS", kind: "individual", name: "김자동", birthDate: "1990-01-01", phone: "010-3333-4444" });
    await finance.consents.recordOffline({ payerId: payer.id, method: "paper", agreedOn: h.clock.today(), bankCode: "088", accountNumber: "110555666777", holderName: "김자동", file: { name: "f.pdf", base64: PDF_SCAN.toString("base64") }, idempotencyKey: "inv-pdf-cms-consent" });
    const invoice = await issueVatInvoice({ payerId: payer.id, storeId: null, number: "2026-000103", issueOn: "2026-03-05", dueOn: "2026-04-10", supplyWon: 30_000n });
    const options = { keyring: h.keyring, locale: "ko" as const, plugins: [PLUGIN] };

    const before = await loadInvoiceDocument(h.db, invoice.id, { ...options, today: h.clock.today() });
    expect(before.collection.method).toBe("bank_transfer"); // pending registration: not yet a mandate

    await runRegistrationJobs(h);
    await h.setToday("2026-03-17");
    await runRegistrationJobs(h);
    expect(await h.db.cmsRegistration.findFirstOrThrow({ where: { payerId: payer.id } })).toMatchObject({ status: "registered" });

    const document = await loadInvoiceDocument(h.db, invoice.id, { ...options, today: h.clock.today() });
    expect(document.collection).toMatchObject({ method: "cms", accountMasked: "********6777", debitOn: "2026-04-10" });
    expect(document.collection.text).toMatch(/^자동이체\(CMS\) — .+ \*{8}6777 에서 2026-04-10 출금$/);
    expect(document).toMatchObject({ number: "2026-000103", totalWon: 33_000n, vatWon: 3_000n, supplyWon: 30_000n, paidWon: 0n, openWon: 33_000n, status: "open", overdue: false });
    expect(document.contract).toMatchObject({ title: "프리미엄 월 구독", pluginName: "테스트 구독" });

    const late = await loadInvoiceDocument(h.db, invoice.id, { ...options, today: "2026-04-11" });
    expect(late).toMatchObject({ status: "open", overdue: true });
    await expect(loadInvoiceDocument(h.db, invoice.id, { ...options, today: h.clock.today(), storeScope: [h.stores.a.id] })).rejects.toMatchObject({ kind: "NOT_FOUND" });
  }, 60_000);
});
