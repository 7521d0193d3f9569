import { businessDateFromDb, DomainError, firstDayOf, formatWon, invoiceStatus, monthOf, nextMonth, type BusinessDate, type Won } from "@sunap/core";
import type { Actor, AuditSink, ContractService, ContractView } from "@sunap/api";
import { postEntry, type DbOrTx, type Tx } from "@sunap/db";
import { installmentKey, overdueRatesOf, parseLoanPeriodKey, prepaymentKey } from "./billing-rules.ts";
import { loanBook, type LoanBook } from "./loan-book.ts";
import { assertLoanWithinCap, LoanSettingsSchema, parseLoanContract, type LoanContractTerms, type LoanPrepaymentEntry, type LoanSettings } from "./loan-contract.ts";
import { loadCollectionDay, loadLoanInputs } from "./loan-inputs.ts";
import type { Installment } from "./loan-schedule.ts";
import { loanRepaymentManifest } from "./manifest.ts";
import { monthsFromFirstDue, overdueBetween, type OverdueSegment } from "./overdue-accrual.ts";
import { payoffQuote, type PayoffQuote } from "./payoff-quote.ts";
import { prepay, type PrepaymentResult } from "./prepayment.ts";
import type { PrepaymentMethod } from "./loan-schedule.ts";

export const LOAN_PLUGIN_ID = loanRepaymentManifest.id;

/** The disbursement's ledger entry: one per loan, whatever retries happen. */
export const disbursementKey = (contractId: number): string => `loan-disbursement:v1:${contractId}`;

export async function loanSettings(contracts: ContractService, db?: DbOrTx): Promise<LoanSettings> {
  return LoanSettingsSchema.parse(await contracts.getSettings(LOAN_PLUGIN_ID, db));
}

/** A loan contract, refusing another plugin's contract (`loan.not_a_loan`). */
export async function getLoan(contracts: ContractService, id: number, storeScope: readonly number[] | null, db?: DbOrTx): Promise<ContractView<LoanContractTerms>> {
  const view = await contracts.get(id, storeScope, db);
  if (view.pluginId !== LOAN_PLUGIN_ID) throw new DomainError("NOT_FOUND", "loan.not_a_loan", { id }, "id");
  if (view.termsProblem !== null) throw new DomainError("INVALID", "contract.invalid_terms", { field: "terms", detail: view.termsProblem }, "terms");
  return view as ContractView<LoanContractTerms>;
}

export interface CreateLoanInput {
  payerId: number;
  storeId?: number | null;
  terms: unknown;
}

/**
 * Makes a loan: checks the terms (rate within the legal maximum of the settings), saves the
 * contract and posts the disbursement (loans receivable debit naming the borrower, cash credit),
 * all in the caller's transaction: a loan never exists without its disbursement, or the reverse.
 */
export async function createLoanInTx(tx: Tx, contracts: ContractService, input: CreateLoanInput, actor: Actor, audit: AuditSink): Promise<ContractView<LoanContractTerms>> {
  const settings = await loanSettings(contracts, tx);
  // A new loan has no prepayments yet: they are recorded by the prepayment mutation only.
  const terms: LoanContractTerms = { ...parseLoanContract(input.terms), prepayments: [] };
  assertLoanWithinCap(terms, settings);
  const view = (await contracts.createInTx(tx, { pluginId: LOAN_PLUGIN_ID, payerId: input.payerId, ...(input.storeId !== undefined && { storeId: input.storeId }), terms }, actor)) as ContractView<LoanContractTerms>;
  const entry = await postEntry(
    tx,
    {
      effectiveOn: terms.disbursedOn,
      kind: "loan_disbursement",
      memo: `대출실행 ${view.title}`,
      source: LOAN_PLUGIN_ID,
      idempotencyKey: disbursementKey(view.id),
      lines: [
        { accountCode: "loans_receivable", amountWon: terms.principalWon, payerId: view.payerId, storeId: view.storeId },
        { accountCode: "cash", amountWon: -terms.principalWon, payerId: view.payerId, storeId: view.storeId },
      ],
    },
    actor.id,
  );
  await audit(tx, { action: "loan-repayment.disburse", entityType: "contract", entityId: view.id, after: { entryId: entry.id, principalWon: terms.principalWon.toString(), disbursedOn: terms.disbursedOn } });
  return view;
}

export type InvoiceStatus = "open" | "partially_paid" | "paid" | "credited" | "void";

export interface LoanInvoiceSummary {
  id: number;
  number: string;
  periodKey: string;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  totalWon: Won;
  openWon: Won;
  status: InvoiceStatus;
  /** Open after its due date. */
  overdue: boolean;
}

/** The core's rule (credit notes included): an installment taken back whole reads credited, not paid. */
export function invoiceStatusOf(invoice: { totalWon: Won; openWon: Won; creditedWon: Won; voidedAt: Date | null }): InvoiceStatus {
  return invoiceStatus({ totalWon: invoice.totalWon, openWon: invoice.openWon, creditedWon: invoice.creditedWon, voided: invoice.voidedAt !== null }).status;
}

async function loanInvoices(db: DbOrTx, contractId: number, today: BusinessDate): Promise<LoanInvoiceSummary[]> {
  const rows = await db.invoice.findMany({
    where: { contractId },
    select: { id: true, number: true, periodKey: true, issueOn: true, dueOn: true, totalWon: true, openWon: true, creditedWon: true, voidedAt: true },
    orderBy: [{ issueOn: "asc" }, { id: "asc" }],
  });
  const collectionDayOf = await loadCollectionDay(db);
  return rows.map((row) => {
    const dueOn = businessDateFromDb(row.dueOn);
    const status = invoiceStatusOf(row);
    return {
      id: row.id,
      number: row.number,
      periodKey: row.periodKey,
      issueOn: businessDateFromDb(row.issueOn),
      dueOn,
      totalWon: row.totalWon,
      openWon: row.openWon,
      status,
      overdue: (status === "open" || status === "partially_paid") && collectionDayOf(dueOn) < today,
    };
  });
}

/** How many installments have been billed: they are billed in order, so the highest billed number. */
function billedInstallments(invoices: readonly LoanInvoiceSummary[]): number {
  let count = 0;
  for (const invoice of invoices) {
    const key = parseLoanPeriodKey(invoice.periodKey);
    if (key?.kind === "installment" && key.number > count) count = key.number;
  }
  return count;
}

export interface ScheduleRow extends Omit<Installment, "annualRateMilliPercent"> {
  key: string;
  invoice: LoanInvoiceSummary | null;
}

export interface LoanStatement {
  loan: ContractView<LoanContractTerms>;
  settings: LoanSettings;
  /** The schedule as it stands (prepayments replayed), each installment with its invoice once billed. */
  schedule: ScheduleRow[];
  totals: LoanBook["schedule"]["totals"];
  levelPaymentWon: Won | null;
  prepayments: (PrepaymentResultView & { key: string; invoice: LoanInvoiceSummary | null })[];
  /** Overdue-interest invoices, one per month. */
  overdueInvoices: LoanInvoiceSummary[];
  /** Principal not billed yet: what the next installment starts from. */
  principalNotBilledWon: Won;
  /** Everything billed and still open. */
  openWon: Won;
  billedInstallments: number;
}

export type PrepaymentResultView = Pick<PrepaymentResult, "date" | "principalWon" | "accruedInterestWon" | "accruedDays" | "feeWon" | "totalWon" | "remainingPrincipalWon"> & { method: PrepaymentMethod };

function prepaymentView(result: PrepaymentResult, entry: LoanPrepaymentEntry): PrepaymentResultView {
  const { date, principalWon, accruedInterestWon, accruedDays, feeWon, totalWon, remainingPrincipalWon } = result;
  return { date, principalWon, accruedInterestWon, accruedDays, feeWon, totalWon, remainingPrincipalWon, method: entry.method };
}

/** A loan's schedule beside its invoices: paid, partly paid or open per installment, prepayments and overdue interest. */
export async function loanStatement(db: DbOrTx, contracts: ContractService, id: number, storeScope: readonly number[] | null, today: BusinessDate): Promise<LoanStatement> {
  const loan = await getLoan(contracts, id, storeScope, db);
  const settings = await loanSettings(contracts, db);
  const book = loanBook(loan.terms);
  const invoices = await loanInvoices(db, id, today);
  const byKey = new Map(invoices.map((invoice) => [invoice.periodKey, invoice]));
  const schedule = book.schedule.installments.map(({ annualRateMilliPercent: _rate, ...installment }) => ({
    ...installment,
    key: installmentKey(installment.number),
    invoice: byKey.get(installmentKey(installment.number)) ?? null,
  }));
  const billed = billedInstallments(invoices);
  const nextUnbilled = book.schedule.installments.find((installment) => installment.number > billed);
  return {
    loan,
    settings,
    schedule,
    totals: book.schedule.totals,
    levelPaymentWon: book.schedule.levelPaymentWon ?? null,
    prepayments: book.prepayments.map((result, index) => ({ ...prepaymentView(result, loan.terms.prepayments[index]!), key: prepaymentKey(index), invoice: byKey.get(prepaymentKey(index)) ?? null })),
    overdueInvoices: invoices.filter((invoice) => parseLoanPeriodKey(invoice.periodKey)?.kind === "overdue"),
    principalNotBilledWon: nextUnbilled?.openingPrincipalWon ?? 0n,
    openWon: invoices.reduce((sum, invoice) => sum + (invoice.status === "void" ? 0n : invoice.openWon), 0n),
    billedInstallments: billed,
  };
}

export interface LoanPayoff {
  asOf: BusinessDate;
  /** Invoices issued and still open (installments, overdue interest, prepayments). */
  openInvoices: { id: number; number: string; periodKey: string; dueOn: BusinessDate; openWon: Won }[];
  openInvoicesWon: Won;
  /** Overdue interest accrued on open installments and not billed yet (this month's, so far). */
  unbilledOverdue: OverdueSegment[];
  unbilledOverdueWon: Won;
  /** The part of the loan not billed yet, quoted by `payoffQuote`: principal, accrued interest, fee. */
  notBilled: PayoffQuote;
  totalWon: Won;
}

/**
 * What it takes to close the loan on `asOf` (today or later): every open invoice, overdue
 * interest accrued since the last billed month, and for the installments not billed yet the
 * payoff quote of the loan mathematics (principal, interest accrued since the last due date,
 * prepayment fee, and overdue interest on installments that would fall due unpaid by then).
 */
export async function loanPayoff(db: DbOrTx, contracts: ContractService, id: number, storeScope: readonly number[] | null, asOf: BusinessDate, today: BusinessDate, feePercent?: string): Promise<LoanPayoff> {
  if (asOf < today) throw new DomainError("INVALID", "loan.quote_in_past", { today }, "asOf");
  const loan = await getLoan(contracts, id, storeScope, db);
  const settings = await loanSettings(contracts, db);
  const terms = loan.terms;
  const book = loanBook(terms);
  const invoices = await loanInvoices(db, id, today);
  const open = invoices.filter((invoice) => invoice.status !== "void" && invoice.openWon > 0n);
  const openInvoicesWon = open.reduce((sum, invoice) => sum + invoice.openWon, 0n);

  const inputs = await loadLoanInputs(db, { id }, asOf);
  const billedMonths = new Set(invoices.map((invoice) => parseLoanPeriodKey(invoice.periodKey)).flatMap((key) => (key?.kind === "overdue" ? [key.month] : [])));
  const rates = overdueRatesOf(terms, settings);
  const unbilledOverdue = monthsFromFirstDue(inputs.installments, monthOf(asOf))
    .filter((month) => !billedMonths.has(month))
    .flatMap((month) => {
      const until = firstDayOf(nextMonth(month)) < asOf ? firstDayOf(nextMonth(month)) : asOf;
      return overdueBetween(inputs.installments, firstDayOf(month), until, asOf, rates);
    });
  const unbilledOverdueWon = unbilledOverdue.reduce((sum, segment) => sum + segment.interest.interestWon, 0n);

  const notBilled = payoffQuote({
    loan: {
      schedule: book.schedule,
      paidInstallments: billedInstallments(invoices),
      overdueAdditionalRatePercent: rates.additionalRatePercent,
      legalMaxPercent: settings.legalMaxRatePercent,
      prepaymentFeePercent: terms.prepaymentFeePercent,
    },
    asOf,
    ...(feePercent !== undefined && { feePercent }),
    bankingDayOnOrAfter: await loadCollectionDay(db),
  });
  return {
    asOf,
    openInvoices: open.map(({ id: invoiceId, number, periodKey, dueOn, openWon }) => ({ id: invoiceId, number, periodKey, dueOn, openWon })),
    openInvoicesWon,
    unbilledOverdue,
    unbilledOverdueWon,
    notBilled,
    totalWon: openInvoicesWon + unbilledOverdueWon + notBilled.totalWon,
  };
}

export interface PrepayLoanInput {
  id: number;
  version: number;
  date: BusinessDate;
  amountWon: Won;
  feePercent?: string;
  method: PrepaymentMethod;
}

/**
 * A prepayment (중도상환): checks that every billed installment was paid by the date, replays the
 * prepayment on the schedule (settled installments unchanged, the rest recalculated), and records
 * it in the loan's terms. The caller then has the engine bill it (`prepayment-K`) in the same
 * transaction. The borrower pays the prepaid principal, the interest accrued on it and the fee.
 */
export async function recordPrepaymentInTx(
  tx: Tx,
  contracts: ContractService,
  input: PrepayLoanInput,
  storeScope: readonly number[] | null,
  today: BusinessDate,
  actor: Actor,
  audit: AuditSink,
): Promise<{ loan: ContractView<LoanContractTerms>; prepayment: PrepaymentResultView; key: string }> {
  const loan = await getLoan(contracts, input.id, storeScope, tx);
  if (loan.status !== "active") throw new DomainError("CONFLICT", "loan.ended", { id: input.id });
  if (input.date > today) throw new DomainError("INVALID", "loan.prepay_in_future", { today }, "date");
  const terms = loan.terms;
  const invoices = await loanInvoices(tx, input.id, today);
  const billed = billedInstallments(invoices);
  // Every installment billed must be paid by the prepayment date (as the ledger stood that day).
  const inputs = await loadLoanInputs(tx, { id: input.id }, input.date);
  for (const debt of [...inputs.installments].sort((a, b) => a.number - b.number)) {
    const openWon = debt.movements.reduce((sum, movement) => sum + movement.amountWon, 0n);
    if (openWon > 0n) throw new DomainError("CONFLICT", "loan.prepay_unpaid_installment", { number: debt.number, dueOn: debt.dueOn, openWon: formatWon(openWon) }, "date");
  }
  const book = loanBook(terms);
  const feePercent = input.feePercent ?? terms.prepaymentFeePercent;
  const result = prepay(
    { schedule: book.schedule, paidInstallments: billed, prepaymentFeePercent: terms.prepaymentFeePercent },
    { date: input.date, amountWon: input.amountWon, feePercent, method: input.method },
  );
  const entry: LoanPrepaymentEntry = { date: input.date, afterInstallment: billed, method: input.method, principalWon: result.principalWon, feePercent: parseLoanContract({ ...terms, prepaymentFeePercent: feePercent }).prepaymentFeePercent };
  const updated = (await contracts.updateTermsInTx(tx, { id: input.id, version: input.version, terms: { ...terms, prepayments: [...terms.prepayments, entry] }, reason: `중도상환 ${input.date}` }, actor)) as ContractView<LoanContractTerms>;
  const prepayment = prepaymentView(result, entry);
  await audit(tx, {
    action: "loan-repayment.prepay",
    entityType: "contract",
    entityId: input.id,
    after: { date: input.date, method: input.method, principalWon: result.principalWon.toString(), accruedInterestWon: result.accruedInterestWon.toString(), feeWon: result.feeWon.toString(), totalWon: result.totalWon.toString() },
  });
  return { loan: updated, prepayment, key: prepaymentKey(terms.prepayments.length) };
}

/** The last day a prepayment may be dated for a loan as it stands: the next unbilled installment's due date. */
export function nextDueOn(book: LoanBook, billed: number): BusinessDate | null {
  return book.schedule.installments.find((installment) => installment.number > billed)?.dueOn ?? null;
}

