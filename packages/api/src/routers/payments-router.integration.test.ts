import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceAsOf } from "@sunap/db";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { issueFixtureInvoice, type FixtureInvoice } from "../testing/invoice-fixtures.ts";

let h: ApiHarness;
let finance: CoreCaller;
let seq = 0;

beforeAll(async () => {
  h = await createApiHarness(); // today is 2026-03-16
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});

async function newPayer(storeId: number | null = null): Promise<number> {
  seq += 1;
  const payer = await finance.payers.create({ payerCode: `PAY-${seq}`, kind: "individual", name: `납부자${seq}`, birthDate: "1985-04-03", phone: "010-2000-3000", storeId });
  return payer.id;
}

const key = () => `test-key-${++seq}-${Math.random().toString(36).slice(2, 10)}`;

/** Three invoices of a payer: January (10,000), February (20,000), March (30,000), listed newest first on purpose. */
async function threeInvoices(payerId: number, storeId: number | null = null): Promise<{ jan: FixtureInvoice; feb: FixtureInvoice; mar: FixtureInvoice }> {
  const mar = await issueFixtureInvoice(h.db, { payerId, storeId, issueOn: "2026-03-01", dueOn: "2026-03-25", totalWon: 30_000n });
  const feb = await issueFixtureInvoice(h.db, { payerId, storeId, issueOn: "2026-02-01", dueOn: "2026-02-25", totalWon: 20_000n });
  const jan = await issueFixtureInvoice(h.db, { payerId, storeId, issueOn: "2026-01-01", dueOn: "2026-01-25", totalWon: 10_000n });
  return { jan, feb, mar };
}

async function openWon(invoiceId: number): Promise<bigint> {
  return (await h.db.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).openWon;
}

async function creditOf(payerId: number): Promise<bigint> {
  return -(await balanceAsOf(h.db, { asOf: "2026-12-31", accountCode: "customer_credits", payerId }));
}

describe("recording a payment received by hand", () => {
  it("pays the oldest due invoices first across three invoices and posts one balanced entry", async () => {
    const payerId = await newPayer();
    const { jan, feb, mar } = await threeInvoices(payerId);

    const { payment, replayed } = await finance.payments.record({ payerId, receivedOn: "2026-03-10", amountWon: 45_000n, method: "bank_transfer", reference: "신한 입금 홍길동", idempotencyKey: key() });

    expect(replayed).toBe(false);
    expect(payment.allocations.map((a) => [a.invoiceNumber, a.amountWon])).toEqual([
      [jan.number, 10_000n],
      [feb.number, 20_000n],
      [mar.number, 15_000n],
    ]);
    expect(payment.creditWon).toBe(0n);
    expect([await openWon(jan.id), await openWon(feb.id), await openWon(mar.id)]).toEqual([0n, 0n, 15_000n]);
    const lines = await h.db.journalLine.findMany({ where: { entryId: payment.entryId }, orderBy: { id: "asc" } });
    expect(lines.map((l) => [l.accountCode, l.amountWon, l.invoiceId])).toEqual([
      ["cash", 45_000n, null],
      ["receivables", -10_000n, jan.id],
      ["receivables", -20_000n, feb.id],
      ["receivables", -15_000n, mar.id],
    ]);
    expect(lines.every((l) => l.payerId === payerId)).toBe(true);
    expect((await h.db.journalEntry.findUniqueOrThrow({ where: { id: payment.entryId } })).idempotencyKey).toMatch(/^payment:v1:test-key-/);
  });

  it("pays exactly the invoices and amounts finance chose and keeps the rest as customer credit", async () => {
    const payerId = await newPayer();
    const { jan, mar } = await threeInvoices(payerId);

    const { payment } = await finance.payments.record({
      payerId,
      receivedOn: "2026-03-16",
      amountWon: 35_000n,
      method: "cash",
      idempotencyKey: key(),
      allocation: { kind: "chosen", allocations: [{ invoiceId: mar.id, amountWon: 30_000n }, { invoiceId: jan.id, amountWon: 1_000n }] },
    });

    expect(payment.allocations.map((a) => [a.invoiceId, a.amountWon])).toEqual([
      [mar.id, 30_000n],
      [jan.id, 1_000n],
    ]);
    expect(payment.creditWon).toBe(4_000n);
    expect(await openWon(mar.id)).toBe(0n);
    expect(await openWon(jan.id)).toBe(9_000n);
    expect(await creditOf(payerId)).toBe(4_000n);
  });

  it("keeps an overpayment as credit, then applies that credit to an invoice issued later", async () => {
    const payerId = await newPayer();
    const { jan } = await threeInvoices(payerId);
    await finance.payments.record({ payerId, receivedOn: "2026-03-02", amountWon: 70_000n, method: "bank_transfer", idempotencyKey: key() });
    expect(await creditOf(payerId)).toBe(10_000n);
    expect(await openWon(jan.id)).toBe(0n);

    const april = await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-15", dueOn: "2026-04-25", totalWon: 25_000n });
    const { payment } = await finance.payments.applyCredit({ payerId, idempotencyKey: key() });

    expect(payment).toMatchObject({ method: "customer_credit", amountWon: 10_000n, creditWon: 0n, receivedOn: "2026-03-16" });
    expect(payment.allocations.map((a) => [a.invoiceId, a.amountWon])).toEqual([[april.id, 10_000n]]);
    expect(await openWon(april.id)).toBe(15_000n);
    expect(await creditOf(payerId)).toBe(0n);
    const lines = await h.db.journalLine.findMany({ where: { entryId: payment.entryId }, orderBy: { id: "asc" } });
    expect(lines.map((l) => [l.accountCode, l.amountWon])).toEqual([
      ["customer_credits", 10_000n],
      ["receivables", -10_000n],
    ]);

    const summary = await finance.payments.payerSummary({ payerId });
    expect(summary).toMatchObject({ openReceivablesWon: 15_000n, overdueWon: 0n, customerCreditWon: 0n });
    expect(summary.openInvoices).toEqual([expect.objectContaining({ id: april.id, openWon: 15_000n, status: "partially_paid", overdue: false })]);
  });

  it("refuses to apply more credit than the payer has, or credit there is none of", async () => {
    const payerId = await newPayer();
    const { jan } = await threeInvoices(payerId);
    expect(await refusal(finance.payments.applyCredit({ payerId, idempotencyKey: key() }))).toMatchObject({ code: "CONFLICT", domainCode: "payment.no_credit" });
    await finance.payments.record({ payerId, receivedOn: "2026-03-16", amountWon: 3_000n, method: "cash", idempotencyKey: key(), allocation: { kind: "chosen", allocations: [] } });
    expect(await refusal(finance.payments.applyCredit({ payerId, amountWon: 3_001n, idempotencyKey: key() }))).toMatchObject({ domainCode: "payment.credit_insufficient", field: "amountWon" });
    expect(await refusal(finance.payments.applyCredit({ payerId, idempotencyKey: key(), allocation: { kind: "chosen", allocations: [{ invoiceId: jan.id, amountWon: 5_000n }] } }))).toMatchObject({
      domainCode: "payment.credit_insufficient",
      field: "allocations",
    });
    expect(await creditOf(payerId)).toBe(3_000n);
  });

  it("does not pay an invoice issued after the money was received: that part is kept as credit", async () => {
    const payerId = await newPayer();
    const { jan, feb, mar } = await threeInvoices(payerId);
    const { payment } = await finance.payments.record({ payerId, receivedOn: "2026-02-15", amountWon: 40_000n, method: "cash", idempotencyKey: key() });
    expect(payment.allocations.map((a) => a.invoiceId)).toEqual([jan.id, feb.id]);
    expect(payment.creditWon).toBe(10_000n);
    expect(await openWon(mar.id)).toBe(30_000n);
    expect(
      await refusal(finance.payments.record({ payerId, receivedOn: "2026-02-15", amountWon: 1_000n, method: "cash", idempotencyKey: key(), allocation: { kind: "chosen", allocations: [{ invoiceId: mar.id, amountWon: 1_000n }] } })),
    ).toMatchObject({ domainCode: "payment.allocation_not_open", field: "allocations.0.invoiceId" });
  });

  it("records a replayed request once and returns the first payment", async () => {
    const payerId = await newPayer();
    const { jan } = await threeInvoices(payerId);
    const request = { payerId, receivedOn: "2026-03-16", amountWon: 5_000n, method: "cash" as const, idempotencyKey: key() };
    const entriesBefore = await h.db.journalEntry.count();

    const first = await finance.payments.record(request);
    const again = await finance.payments.record(request);

    expect(again.replayed).toBe(true);
    expect(again.payment.id).toBe(first.payment.id);
    expect(await h.db.journalEntry.count()).toBe(entriesBefore + 1);
    expect(await h.db.payment.count({ where: { payerId } })).toBe(1);
    expect(await openWon(jan.id)).toBe(5_000n);
    expect(await refusal(finance.payments.record({ ...request, amountWon: 6_000n }))).toMatchObject({ code: "CONFLICT", domainCode: "payment.idempotency_key_reused", field: "idempotencyKey" });
  });

  it("refuses a date in a closed accounting period, or in the future, with a clear message and writes nothing", async () => {
    const payerId = await newPayer();
    await threeInvoices(payerId);
    await finance.periods.close({ month: "2026-02" });
    const before = await h.db.payment.count();

    const closed = await h.request("finance", "payments.record", { payerId, receivedOn: "2026-02-27", amountWon: 1_000n, method: "cash", idempotencyKey: key() });
    expect(closed.error?.data).toMatchObject({ code: "CONFLICT", domainCode: "payment.period_closed", fieldErrors: [{ field: "receivedOn" }] });
    expect(closed.error?.message).toBe("2026-02 회계기간은 마감되었습니다. 마감되지 않은 날짜로 입력하세요.");
    expect(await refusal(finance.payments.record({ payerId, receivedOn: "2026-03-17", amountWon: 1_000n, method: "cash", idempotencyKey: key() }))).toMatchObject({ domainCode: "payment.date_in_future", field: "receivedOn" });
    expect(await h.db.payment.count()).toBe(before);
    await finance.periods.reopen({ month: "2026-02", reason: "테스트 정리" });
  });

  it("names the field of bad input: the allocation row, the amount, the payer", async () => {
    const payerId = await newPayer();
    const { jan, feb } = await threeInvoices(payerId);
    const base = { payerId, receivedOn: "2026-03-16", method: "cash" as const, idempotencyKey: key() };
    const over = await h.request("finance", "payments.record", { ...base, amountWon: 50_000n, allocation: { kind: "chosen", allocations: [{ invoiceId: jan.id, amountWon: 1_000n }, { invoiceId: feb.id, amountWon: 20_001n }] } });
    expect(over.error?.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "payment.allocation_over_open", fieldErrors: [{ field: "allocations.1.amountWon" }] });
    expect(over.error?.message).toBe(`청구서 ${feb.number}의 미수액은 20,000원입니다. 그보다 많이 배분할 수 없습니다.`);
    const other = await newPayer();
    const { jan: othersInvoice } = await threeInvoices(other);
    expect(await refusal(finance.payments.record({ ...base, amountWon: 1_000n, allocation: { kind: "chosen", allocations: [{ invoiceId: othersInvoice.id, amountWon: 1_000n }] } }))).toMatchObject({
      domainCode: "payment.allocation_not_open",
      field: "allocations.0.invoiceId",
    });
    expect((await refusal(finance.payments.record({ ...base, amountWon: 0n }))).zodPaths).toEqual(["amountWon"]);
    expect((await refusal(finance.payments.record({ ...base, amountWon: -5n }))).zodPaths).toEqual(["amountWon"]);
    expect(await refusal(finance.payments.record({ ...base, payerId: 999_999, amountWon: 1n }))).toMatchObject({ domainCode: "payment.unknown_payer", field: "payerId" });
    expect(await h.db.payment.count({ where: { payerId } })).toBe(0);
  });
});

describe("voiding a payment", () => {
  it("posts the reversal, marks the payment voided and makes its invoices owed again", async () => {
    const payerId = await newPayer();
    const { jan, feb } = await threeInvoices(payerId);
    const { payment } = await finance.payments.record({ payerId, receivedOn: "2026-03-05", amountWon: 25_000n, method: "bank_transfer", idempotencyKey: key() });
    expect(await openWon(feb.id)).toBe(5_000n);

    const voided = await finance.payments.void({ id: payment.id, reason: "입금 착오 (다른 고객 입금)" });

    expect(voided).toMatchObject({ voided: true, voidReason: "입금 착오 (다른 고객 입금)" });
    expect([await openWon(jan.id), await openWon(feb.id)]).toEqual([10_000n, 20_000n]);
    const reversal = await h.db.journalEntry.findUniqueOrThrow({ where: { id: voided.voidEntryId! }, include: { lines: true } });
    expect(reversal.reversesEntryId).toBe(payment.entryId);
    expect(reversal.lines.reduce((s, l) => s + l.amountWon, 0n)).toBe(0n);
    expect(await balanceAsOf(h.db, { asOf: "2026-03-16", accountCode: "cash", payerId })).toBe(0n);
    expect(await refusal(finance.payments.void({ id: payment.id, reason: "두 번째" }))).toMatchObject({ code: "CONFLICT", domainCode: "payment.already_voided" });
  });

  it("refuses to void a payment whose credit has been used, until the credit application is voided", async () => {
    const payerId = await newPayer();
    await threeInvoices(payerId);
    const { payment } = await finance.payments.record({ payerId, receivedOn: "2026-03-03", amountWon: 68_000n, method: "bank_transfer", idempotencyKey: key() });
    await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-10", dueOn: "2026-04-10", totalWon: 5_000n });
    const applied = await finance.payments.applyCredit({ payerId, idempotencyKey: key() });
    expect(applied.payment.amountWon).toBe(5_000n);
    expect(await creditOf(payerId)).toBe(3_000n);

    expect(await refusal(finance.payments.void({ id: payment.id, reason: "착오" }))).toMatchObject({ code: "CONFLICT", domainCode: "payment.credit_already_used" });
    expect((await h.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).voidedAt).toBeNull();

    await finance.payments.void({ id: applied.payment.id, reason: "선수금 사용 취소" });
    expect(await creditOf(payerId)).toBe(8_000n);
    await finance.payments.void({ id: payment.id, reason: "착오" });
    expect(await creditOf(payerId)).toBe(0n);
    const summary = await finance.payments.payerSummary({ payerId });
    expect(summary).toMatchObject({ openReceivablesWon: 65_000n, overdueWon: 30_000n, customerCreditWon: 0n });
  });
});

describe("reading payments", () => {
  it("previews an allocation without writing anything", async () => {
    const payerId = await newPayer();
    const { jan, feb } = await threeInvoices(payerId);
    const before = await h.db.journalEntry.count();
    const preview = await finance.payments.previewAllocation({ payerId, amountWon: 12_000n });
    expect(preview.allocations.map((a) => [a.invoiceId, a.amountWon, a.openAfterWon])).toEqual([
      [jan.id, 10_000n, 0n],
      [feb.id, 2_000n, 18_000n],
    ]);
    expect(preview.creditWon).toBe(0n);
    expect(await h.db.journalEntry.count()).toBe(before);
  });

  it("gives what a receipt needs: payer without personal numbers, method, date and allocations with invoice numbers", async () => {
    const payerId = await newPayer();
    const { jan } = await threeInvoices(payerId);
    const { payment } = await finance.payments.record({ payerId, receivedOn: "2026-03-12", amountWon: 10_000n, method: "cash", memo: "창구 수납", idempotencyKey: key() });
    const shown = await h.callerFor("auditor").payments.get({ id: payment.id });
    expect(shown).toMatchObject({ method: "cash", receivedOn: "2026-03-12", amountWon: 10_000n, memo: "창구 수납", payer: { id: payerId, kind: "individual", businessNumberMasked: null } });
    expect(shown.allocations).toEqual([expect.objectContaining({ invoiceId: jan.id, invoiceNumber: jan.number, amountWon: 10_000n, dueOn: "2026-01-25" })]);
    expect(JSON.stringify(shown, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/2000-3000|20003000|1985-04-03/);
  });

  it("lists with server-side filters, sorting and pagination", async () => {
    const payerId = await newPayer();
    await threeInvoices(payerId);
    const ids: number[] = [];
    for (const [receivedOn, amountWon, method] of [["2026-03-01", 1_000n, "cash"], ["2026-03-02", 2_000n, "bank_transfer"], ["2026-03-03", 3_000n, "cash"]] as const) {
      ids.push((await finance.payments.record({ payerId, receivedOn, amountWon, method, idempotencyKey: key() })).payment.id);
    }
    await finance.payments.void({ id: ids[0]!, reason: "중복 입력" });
    const byPayer = { field: "payerId", operator: "eq" as const, value: payerId };

    const page = await finance.payments.list({ filters: [byPayer], sorters: [{ field: "amountWon", order: "desc" }], pagination: { current: 1, pageSize: 2 } });
    expect(page.total).toBe(3);
    expect(page.data.map((p) => p.amountWon)).toEqual([3_000n, 2_000n]);
    const cash = await finance.payments.list({ filters: [byPayer, { field: "method", operator: "eq", value: "cash" }, { field: "voided", operator: "eq", value: false }] });
    expect(cash.data.map((p) => p.id)).toEqual([ids[2]]);
    const dated = await finance.payments.list({ filters: [byPayer, { field: "receivedOn", operator: "gte", value: "2026-03-02" }, { field: "receivedOn", operator: "lte", value: "2026-03-02" }] });
    expect(dated.data.map((p) => p.id)).toEqual([ids[1]]);
    const voided = await finance.payments.list({ filters: [byPayer, { field: "voided", operator: "eq", value: "true" }] });
    expect(voided.data.map((p) => p.id)).toEqual([ids[0]]);
    expect(await refusal(finance.payments.list({ filters: [{ field: "payer.phone", operator: "eq", value: "x" }] }))).toMatchObject({ domainCode: "input.invalid" });
  });
});

describe("store owners", () => {
  it("see only payments allocated to their stores' invoices, and only those allocations", async () => {
    const { a, b } = h.stores;
    const payerId = await newPayer(a.id);
    const inA = await issueFixtureInvoice(h.db, { payerId, storeId: a.id, issueOn: "2026-01-05", dueOn: "2026-01-31", totalWon: 7_000n });
    const inB = await issueFixtureInvoice(h.db, { payerId, storeId: b.id, issueOn: "2026-01-06", dueOn: "2026-02-28", totalWon: 8_000n });
    const both = (await finance.payments.record({ payerId, receivedOn: "2026-03-16", amountWon: 15_000n, method: "cash", idempotencyKey: key() })).payment;
    const otherPayer = await newPayer(b.id);
    const onlyB = await issueFixtureInvoice(h.db, { payerId: otherPayer, storeId: b.id, issueOn: "2026-01-06", dueOn: "2026-02-28", totalWon: 4_000n });
    const bOnly = (await finance.payments.record({ payerId: otherPayer, receivedOn: "2026-03-16", amountWon: 4_000n, method: "cash", idempotencyKey: key() })).payment;
    expect(both.allocations.map((x) => x.invoiceId)).toEqual([inA.id, inB.id]);
    expect(bOnly.allocations.map((x) => x.invoiceId)).toEqual([onlyB.id]);

    const owner = h.callerFor("store_owner"); // owns store A
    const listed = await owner.payments.list({ filters: [{ field: "payerId", operator: "in", value: [payerId, otherPayer] }] });
    expect(listed.data.map((p) => p.id)).toEqual([both.id]);
    expect(listed.data[0]).toMatchObject({ allocatedWon: 7_000n, allocationCount: 1 });
    const shown = await owner.payments.get({ id: both.id });
    expect(shown.allocations.map((x) => x.invoiceId)).toEqual([inA.id]);
    expect(await refusal(owner.payments.get({ id: bOnly.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    expect(await refusal(owner.payments.payerSummary({ payerId: otherPayer }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await owner.payments.payerSummary({ payerId })).toMatchObject({ customerCreditWon: null, openReceivablesWon: 0n });
    const byStore = await finance.payments.list({ filters: [{ field: "storeId", operator: "eq", value: b.id }, { field: "payerId", operator: "in", value: [payerId, otherPayer] }] });
    expect(byStore.data.map((p) => p.id).sort()).toEqual([both.id, bOnly.id].sort());
  });

  it("may not record, apply credit or void (payment.write)", async () => {
    const owner = h.callerFor("store_owner");
    expect(await refusal(owner.payments.record({ payerId: 1, receivedOn: "2026-03-16", amountWon: 1n, method: "cash", idempotencyKey: key() }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
    expect(await refusal(owner.payments.void({ id: 1, reason: "x" }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
    expect(await refusal(h.callerFor("auditor").payments.applyCredit({ payerId: 1, idempotencyKey: key() }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
  });
});
