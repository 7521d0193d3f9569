import { addDays, dayOfMonth, defineBillingRules, formatWon, lastDayOf, monthOf, nextMonth, type BillingPeriod, type BusinessDate, type ChargeLine, type CollectionRule, type Month } from "@sunap/core";
import { installmentCharges, overdueInterestCharges, prepaymentCharges } from "./charge-lines.ts";
import { loanBook, type LoanBook } from "./loan-book.ts";
import { LoanContractSchema, LoanSettingsSchema, overdueAdditionalRateOf, type LoanContractTerms, type LoanSettings } from "./loan-contract.ts";
import { REPAYMENT_METHOD_LABELS } from "./loan-terms.ts";
import { monthsFromFirstDue, overdueInMonth, type InstallmentDebt, type OverdueRates } from "./overdue-accrual.ts";

/** What a billing run loads for one loan (see `loadLoanInputs`): its installment invoices and what was paid on them, by day. */
export interface LoanInputs {
  installments: readonly InstallmentDebt[];
  /** The ledger was read up to this day; later days are not known yet. */
  loadedThrough?: BusinessDate;
}

export const NO_LOAN_INPUTS: LoanInputs = { installments: [] };

export const installmentKey = (number: number): string => `installment-${number}`;
export const prepaymentKey = (index: number): string => `prepayment-${index + 1}`;
export const overdueKey = (month: Month): string => `overdue-${month}`;

export type LoanPeriodKey = { kind: "installment"; number: number } | { kind: "prepayment"; index: number } | { kind: "overdue"; month: Month };

/** The kind of a loan period key, or null for a key this plugin never makes. */
export function parseLoanPeriodKey(key: string): LoanPeriodKey | null {
  const installment = /^installment-(\d{1,3})$/.exec(key);
  if (installment) return { kind: "installment", number: Number(installment[1]) };
  const prepayment = /^prepayment-(\d{1,3})$/.exec(key);
  if (prepayment) return { kind: "prepayment", index: Number(prepayment[1]) - 1 };
  const overdue = /^overdue-(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(key);
  if (overdue) return { kind: "overdue", month: overdue[1]! };
  return null;
}

export function overdueRatesOf(terms: LoanContractTerms, settings: LoanSettings): OverdueRates {
  return { contractRatePercent: terms.annualRatePercent, additionalRatePercent: overdueAdditionalRateOf(terms, settings), legalMaxPercent: settings.legalMaxRatePercent };
}

/** Overdue interest of a month is billed on the settings' day of the next month, and due on the loan's next repayment date. */
export function overdueIssueOn(month: Month, settings: LoanSettings): BusinessDate {
  return dayOfMonth(nextMonth(month), settings.overdueBillingDay);
}

function nextRepaymentDateOnOrAfter(date: BusinessDate, repaymentDay: number): BusinessDate {
  const candidate = dayOfMonth(monthOf(date), repaymentDay);
  return candidate >= date ? candidate : dayOfMonth(nextMonth(monthOf(date)), repaymentDay);
}

/** The installment periods: each runs from the previous due date (or disbursement) to the day before its own, and is billed on its due date. */
function installmentPeriods(book: LoanBook): BillingPeriod[] {
  let start = book.terms.disbursedOn;
  return book.schedule.installments.map((installment) => {
    const dueOn = installment.dueOn!;
    const period: BillingPeriod = { key: installmentKey(installment.number), start, end: addDays(dueOn, -1), issueOn: dueOn, dueOn };
    start = dueOn;
    return period;
  });
}

function prepaymentPeriods(book: LoanBook): BillingPeriod[] {
  return book.prepayments.map((prepayment, index) => ({ key: prepaymentKey(index), start: prepayment.date, end: prepayment.date, issueOn: prepayment.date, dueOn: prepayment.date }));
}

/**
 * Installments due but not billed as of the day the ledger was read, taken as unpaid. Only months
 * billed after that day see them: this tells the engine when to look again (the 5th after a due
 * date), never what to bill — on that day it reads the ledger again.
 */
function assumedUnpaid(book: LoanBook, inputs: LoanInputs, through: BusinessDate): InstallmentDebt[] {
  if (inputs.loadedThrough === undefined || through <= inputs.loadedThrough) return [];
  const billed = new Set(inputs.installments.map((debt) => debt.number));
  return book.schedule.installments
    .filter((installment) => !billed.has(installment.number) && installment.dueOn! <= through)
    .map((installment) => ({ number: installment.number, dueOn: installment.dueOn!, graceUntil: installment.dueOn!, movements: [{ on: installment.dueOn!, amountWon: installment.paymentWon }] }));
}

/** One overdue-interest period per month in which an installment was overdue, once the month is billable. */
function overduePeriods(book: LoanBook, settings: LoanSettings, inputs: LoanInputs, through: BusinessDate): BillingPeriod[] {
  const terms = book.terms;
  const rates = overdueRatesOf(terms, settings);
  const future = assumedUnpaid(book, inputs, through);
  const periods: BillingPeriod[] = [];
  for (const month of monthsFromFirstDue([...inputs.installments, ...future], monthOf(through))) {
    const issueOn = overdueIssueOn(month, settings);
    if (issueOn > through) break;
    const known = inputs.loadedThrough === undefined || issueOn <= inputs.loadedThrough;
    if (overdueInMonth(known ? inputs.installments : [...inputs.installments, ...future], month, issueOn, rates).length === 0) continue;
    periods.push({ key: overdueKey(month), start: `${month}-01`, end: lastDayOf(month), issueOn, dueOn: nextRepaymentDateOnOrAfter(issueOn, terms.repaymentDay) });
  }
  return periods;
}

/** The charge lines of one overdue month: a line per installment and run of days with the same open amount. */
export function overdueMonthCharges(terms: LoanContractTerms, settings: LoanSettings, inputs: LoanInputs, month: Month): ChargeLine[] {
  const segments = overdueInMonth(inputs.installments, month, overdueIssueOn(month, settings), overdueRatesOf(terms, settings));
  return segments.flatMap((segment) => overdueInterestCharges(segment.interest, segment.installment));
}

export function describeLoan(terms: LoanContractTerms, locale: "ko" | "en"): string {
  const method = REPAYMENT_METHOD_LABELS[terms.method][locale];
  return locale === "ko"
    ? `${formatWon(terms.principalWon, "ko")} · 연 ${terms.annualRatePercent}% · ${terms.termMonths}개월 · ${method}`
    : `${formatWon(terms.principalWon, "en")} at ${terms.annualRatePercent}% for ${terms.termMonths} months, ${method.toLowerCase()}`;
}

/**
 * Loans chase a missed installment firmly but do not add a flat late fee: overdue interest
 * (연체이자) is the plugin's own, billed monthly from the ledger, so a `late_fee` rule would charge twice.
 */
export const LOAN_COLLECTION_RULES: readonly CollectionRule[] = [
  { afterDays: 1, action: "remind", channel: "alimtalk" },
  { afterDays: 3, action: "retry_debit" },
  { afterDays: 7, action: "offer_other_method", channel: "sms" },
  { afterDays: 30, action: "resend_invoice", channel: "email" },
];

/**
 * The engine's view of a loan. Periods, in issue order:
 * - `installment-N`: each installment of the schedule (after replaying the prepayments), billed on
 *   its due date — principal to loans receivable, interest to interest income;
 * - `prepayment-K`: the K-th prepayment, billed on its date — principal, accrued interest and fee;
 * - `overdue-YYYY-MM`: overdue interest accrued in that month on installment invoices still open
 *   after their collection day, billed on the settings' day of the next month, to late-fee income.
 */
export const loanBillingRules = defineBillingRules<LoanContractTerms, LoanSettings, LoanInputs>({
  settingsSchema: LoanSettingsSchema,
  contractSchema: LoanContractSchema,
  startsOn: (terms) => terms.disbursedOn,
  describe: describeLoan,
  periods({ terms, settings, inputs }, through) {
    const book = loanBook(terms);
    const all = [...installmentPeriods(book), ...prepaymentPeriods(book), ...overduePeriods(book, settings, inputs ?? NO_LOAN_INPUTS, through)];
    return all.filter((period) => period.issueOn <= through).sort((a, b) => (a.issueOn === b.issueOn ? a.key.localeCompare(b.key) : a.issueOn < b.issueOn ? -1 : 1));
  },
  charges({ terms, settings, inputs }, period) {
    const key = parseLoanPeriodKey(period.key);
    if (key === null) return [];
    if (key.kind === "overdue") return overdueMonthCharges(terms, settings, inputs ?? NO_LOAN_INPUTS, key.month);
    const book = loanBook(terms);
    if (key.kind === "prepayment") {
      const prepayment = book.prepayments[key.index];
      return prepayment ? prepaymentCharges(prepayment) : [];
    }
    const installment = book.schedule.installments.find((i) => i.number === key.number);
    return installment ? installmentCharges(installment) : [];
  },
  defaultCollectionRules: LOAN_COLLECTION_RULES,
});
