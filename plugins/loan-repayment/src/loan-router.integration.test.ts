import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessDate } from "@sunap/core";
import { balanceAsOf } from "@sunap/db";
import { runBilling } from "@sunap/api";
import { callPath, createApiHarness, refusal, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { loanBook } from "./loan-book.ts";
import type { LoanContractTerms } from "./loan-contract.ts";
import type { LoanPayoff, LoanStatement } from "./loan-service.ts";
import { payoffQuote } from "./payoff-quote.ts";
import { loanRepaymentPlugin } from "./server.ts";

let h: ApiHarness;
let finance: CoreCaller;
let payerId = 0;
let loanId = 0;

const terms = { principalWon: "10,000,000", annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-01-25", repaymentDay: 25, prepaymentFeePercent: "1.2" };

const call = <T,>(path: string, input: unknown) => callPath(finance, `loan-repayment.${path}`, input) as Promise<T>;
const bill = async (today: BusinessDate) => {
  await h.setToday(today);
  return runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });
};
const pay = async (receivedOn: BusinessDate, amountWon: bigint, key: string) => {
  await h.setToday(receivedOn);
  await finance.payments.record({ payerId, receivedOn, amountWon, method: "bank_transfer", reference: "", memo: "", idempotencyKey: `loan-test-payment-${key}`, allocation: { kind: "oldest_due" } });
};
const invoices = () => h.db.invoice.findMany({ where: { contractId: loanId }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { id: "asc" } });

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [loanRepaymentPlugin], today: "2026-01-25" });
  finance = h.callerFor("finance");
  payerId = (await finance.payers.create({ payerCode: "L-1", kind: "individual", name: "박서연", birthDate: "1978-01-05", phone: "010-5555-1234" })).id;
});
afterAll(async () => {
  await h?.drop();
});

describe("making a loan", () => {
  it("refuses a rate over the legal maximum, term 0 and a negative principal by field, saving nothing", async () => {
    const create = (change: object) => refusal(call("create", { payerId, terms: { ...terms, ...change } }));
    expect(await create({ annualRatePercent: "20.5" })).toMatchObject({ domainCode: "loan.rate_over_cap", field: "terms.annualRatePercent" });
    expect(await create({ termMonths: 0 })).toMatchObject({ domainCode: "loan.term_out_of_range", field: "terms.termMonths" });
    expect(await create({ principalWon: -1 })).toMatchObject({ domainCode: "money.negative", field: "terms.principalWon" });
    expect(await create({ principalWon: "1000.5" })).toMatchObject({ domainCode: "money.fraction", field: "terms.principalWon" });
    expect(await h.db.contract.count()).toBe(0);
    expect(await h.db.journalEntry.count({ where: { kind: "loan_disbursement" } })).toBe(0);
  });

  it("refuses the core's generic contract procedures, which would skip the disbursement entry", async () => {
    expect(await refusal(finance.contracts.create({ pluginId: "loan-repayment", payerId, terms }))).toMatchObject({ code: "CONFLICT", domainCode: "contract.changed_through_plugin" });
    expect(await h.db.contract.count()).toBe(0);
  });

  it("follows the configured legal maximum", async () => {
    await finance.pluginSettings.update({ pluginId: "loan-repayment", settings: { legalMaxRatePercent: "5" } });
    expect(await refusal(call("create", { payerId, terms }))).toMatchObject({ domainCode: "loan.rate_over_cap", field: "terms.annualRatePercent" });
    expect(await refusal(call("preview", { ...terms, principalWon: 10_000_000n }))).toMatchObject({ domainCode: "loan.rate_over_cap", field: "annualRatePercent" });
    await finance.pluginSettings.update({ pluginId: "loan-repayment", settings: {} });
  });

  it("saves the contract and posts its disbursement once, in one transaction, audited", async () => {
    const { loan } = await call<{ loan: { id: number; title: string; terms: LoanContractTerms } }>("create", { payerId, terms });
    loanId = loan.id;
    expect(loan.title).toBe("10,000,000원 · 연 5.5% · 12개월 · 원리금균등분할상환");
    const entry = await h.db.journalEntry.findUniqueOrThrow({ where: { idempotencyKey: `loan-disbursement:v1:${loanId}` }, include: { lines: true } });
    expect(entry.lines.map((l) => [l.accountCode, l.amountWon, l.payerId])).toEqual([
      ["loans_receivable", 10_000_000n, payerId],
      ["cash", -10_000_000n, payerId],
    ]);
    const audits = await h.db.auditLog.findMany({ where: { entityType: "contract", entityId: String(loanId) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["contract.create", "loan-repayment.disburse"]);
  });
});

describe("billing a loan through the engine", () => {
  it("issues each installment on its due date, principal to loans receivable and interest to interest income, once", async () => {
    for (const [day, key] of [["2026-02-25", "p1"], ["2026-03-25", "p2"], ["2026-04-25", "p3"]] as const) {
      await bill(day);
      await pay(day, 858_367n, key);
    }
    await bill("2026-05-25");
    const again = await bill("2026-05-25");
    expect(again.issued).toBe(0);
    const issued = await invoices();
    expect(issued.map((i) => [i.periodKey, i.totalWon, i.openWon])).toEqual([
      ["installment-1", 858_367n, 0n],
      ["installment-2", 858_367n, 0n],
      ["installment-3", 858_367n, 0n],
      ["installment-4", 858_367n, 858_367n],
    ]);
    expect(issued[0]!.lines.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([
      ["principal", 812_534n, "loans_receivable"],
      ["interest", 45_833n, "interest_income"],
    ]);
  });

  it("refuses a prepayment while a billed installment is unpaid", async () => {
    const loan = await finance.contracts.get({ id: loanId });
    expect(await refusal(call("prepay", { id: loanId, version: loan.version, date: "2026-05-25", amountWon: 3_000_000n, method: "shorten-term" }))).toMatchObject({
      domainCode: "loan.prepay_unpaid_installment",
      field: "date",
    });
  });

  it("bills May's overdue interest on June 5 from the days installment 4 stayed unpaid after its collection day", async () => {
    // May 25, 2026 is a substitute holiday: collection runs on the 26th, and the money came on June 4.
    await pay("2026-06-04", 858_367n, "p4");
    await bill("2026-06-05");
    const overdue = (await invoices()).find((i) => i.periodKey === "overdue-2026-05")!;
    expect(overdue).toMatchObject({ totalWon: 1_399n, dueOn: new Date("2026-06-25T00:00:00Z") });
    expect(overdue.lines.map((l) => [l.kind, l.amountWon, l.creditAccount, l.labelKo])).toEqual([["overdue_interest", 1_399n, "late_fee_income", "연체이자 (4회차, 2026-05-25~2026-05-31)"]]);
    expect((await bill("2026-06-05")).issued).toBe(0);
  });

  it("shows each installment against its invoice and quotes the payoff for a day", async () => {
    await h.setToday("2026-06-10");
    const statement = await call<LoanStatement>("statement", { id: loanId });
    expect(statement.schedule.slice(0, 5).map((row) => row.invoice?.status ?? "not billed")).toEqual(["paid", "paid", "paid", "paid", "not billed"]);
    expect(statement.overdueInvoices.map((i) => [i.periodKey, i.status])).toEqual([["overdue-2026-05", "open"]]);
    expect(statement.principalNotBilledWon).toBe(6_727_451n);

    const payoff = await call<LoanPayoff>("payoff", { id: loanId, asOf: "2026-06-10" });
    const book = loanBook(statement.loan.terms);
    const notBilled = payoffQuote({ loan: { schedule: book.schedule, paidInstallments: 4, prepaymentFeePercent: "1.2" }, asOf: "2026-06-10" });
    expect(payoff.openInvoicesWon).toBe(1_399n);
    // June 1–3 on installment 4 before it was paid: 858,367 × 8.5% × 3 ÷ 365.
    expect(payoff.unbilledOverdueWon).toBe(599n);
    expect(payoff.notBilled.totalWon).toBe(notBilled.totalWon);
    expect(payoff.totalWon).toBe(1_399n + 599n + notBilled.totalWon);
    expect(await refusal(call("payoff", { id: loanId, asOf: "2026-06-09" }))).toMatchObject({ domainCode: "loan.quote_in_past", field: "asOf" });
  });

  it("records a prepayment in the terms, recalculates the schedule and bills it at once", async () => {
    const loan = await finance.contracts.get({ id: loanId });
    const result = await call<{ prepayment: { totalWon: bigint; accruedInterestWon: bigint; feeWon: bigint }; key: string }>("prepay", { id: loanId, version: loan.version, date: "2026-06-10", amountWon: 3_000_000n, method: "shorten-term" });
    // 3,000,000 × 5.5% × 16 days (May 25 – June 10) ÷ 365 = 7,232.8…; fee 1.2% = 36,000.
    expect(result).toMatchObject({ key: "prepayment-1", prepayment: { accruedInterestWon: 7_232n, feeWon: 36_000n, totalWon: 3_043_232n } });
    expect(await refusal(call("prepay", { id: loanId, version: loan.version, date: "2026-06-10", amountWon: 1_000n, method: "shorten-term" }))).toMatchObject({ domainCode: "contract.version_conflict" });

    // Invoiced by the prepayment itself, not by a later run: the run finds nothing left to issue.
    const prepayment = (await invoices()).find((i) => i.periodKey === "prepayment-1")!;
    expect(prepayment.issueOn.toISOString().slice(0, 10)).toBe("2026-06-10");
    expect((await bill("2026-06-10")).issued).toBe(0);
    expect(prepayment.lines.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([
      ["principal", 3_000_000n, "loans_receivable"],
      ["interest", 7_232n, "interest_income"],
      ["prepayment_fee", 36_000n, "interest_income"],
    ]);
    const statement = await call<LoanStatement>("statement", { id: loanId });
    expect(statement.principalNotBilledWon).toBe(3_727_451n);
    expect(statement.schedule.length).toBeLessThan(12);
    // Principal lent = principal billed (installments 1–4 and the prepayment) + what is left on the loans-receivable account.
    const billedPrincipal = (await invoices()).flatMap((i) => i.lines).filter((l) => l.kind === "principal").reduce((sum, l) => sum + l.amountWon, 0n);
    expect(await balanceAsOf(h.db, { asOf: "2026-06-10", accountCode: "loans_receivable", payerId })).toBe(10_000_000n - billedPrincipal);
    expect(10_000_000n - billedPrincipal).toBe(3_727_451n);
    const audit = await h.db.auditLog.findFirst({ where: { action: "loan-repayment.prepay", entityId: String(loanId) } });
    expect(audit).not.toBeNull();
  });

  it("keeps store owners out of loans of other stores", async () => {
    expect(await refusal(callPath(h.callerFor("store_owner"), "loan-repayment.statement", { id: loanId }))).toMatchObject({ domainCode: "auth.store_forbidden" });
  });
});
