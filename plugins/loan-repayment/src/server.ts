import { defineServerBilling, defineServerPlugin } from "@sunap/api";
import { loanBillingRules } from "./billing-rules.ts";
import { loanRepaymentManifest } from "./manifest.ts";
import { seedLoanDemo } from "./demo-seed.ts";
import { loadLoanInputs } from "./loan-inputs.ts";
import { loanRouter } from "./loan-router.ts";

/**
 * Server half: loans billed by the core engine (installments, prepayments, monthly overdue
 * interest from the ledger), the `loan-repayment.*` router and demo loans. Overdue interest needs
 * no job of its own: it is a period the daily billing run finds from the ledger (see billing-rules.ts).
 */
export const loanRepaymentPlugin = defineServerPlugin({
  manifest: loanRepaymentManifest,
  billing: defineServerBilling({ rules: loanBillingRules, loadInputs: loadLoanInputs, changesThroughOwnRouter: true }),
  router: loanRouter,
  jobs: [],
  seedDemo: seedLoanDemo,
});

export { loanBillingRules } from "./billing-rules.ts";
export type { LoanInputs } from "./billing-rules.ts";
export { LoanContractSchema, LoanSettingsSchema } from "./loan-contract.ts";
export type { LoanContractTerms, LoanSettings } from "./loan-contract.ts";
export type { LoanRouter } from "./loan-router.ts";

// The loan mathematics: pure functions, usable without a database (the `loan-schedule` command).
export { loanSchedule, amortize, schedulePeriods, scheduleTotals } from "./loan-schedule.ts";
export type { Installment, InterestBasis, LoanSchedule, PrepaymentMethod, PrepaymentRecord, SchedulePeriod, ScheduleTotals } from "./loan-schedule.ts";
export { validateLoanTerms, assertRateWithinCap, LoanTermsSchema, REPAYMENT_METHODS, REPAYMENT_METHOD_LABELS, DEFAULT_LEGAL_MAX_RATE, MAX_TERM_MONTHS } from "./loan-terms.ts";
export type { LoanInput, LoanTerms, RepaymentMethod } from "./loan-terms.ts";
export { overdueInterest, DEFAULT_OVERDUE_ADDITIONAL_RATE } from "./overdue-interest.ts";
export type { OverdueInterest, OverdueInterestInput } from "./overdue-interest.ts";
export { prepay, PREPAYMENT_METHODS, PREPAYMENT_METHOD_LABELS } from "./prepayment.ts";
export type { PrepaymentRequest, PrepaymentResult } from "./prepayment.ts";
export { payoffQuote } from "./payoff-quote.ts";
export type { DueInstallment, PayoffQuote, PayoffQuoteInput } from "./payoff-quote.ts";
export type { LoanAccount } from "./loan-account.ts";
export { installmentCharges, overdueInterestCharges, prepaymentCharges, LOAN_ACCOUNTS } from "./charge-lines.ts";
export { equalInstallmentPaymentWon, monthlyInterestWon, dailyInterestWon } from "./interest.ts";
export { firstDueOn, MIN_FIRST_PERIOD_DAYS } from "./loan-dates.ts";
export { formatRatePercent, milliPercent, parseRatePercent } from "./rate.ts";
export type { MilliPercent, RateInput } from "./rate.ts";
export { formatScheduleTable, scheduleToJson } from "./schedule-table.ts";
