import { DomainError, type BusinessDate } from "@sunap/core";
import type { Installment, LoanSchedule } from "./loan-schedule.ts";
import type { RateInput } from "./rate.ts";

/**
 * A loan as prepayment and payoff see it: its current schedule (with dates) and how many
 * installments, in order, are settled. Partial payments of an installment are the ledger's
 * business: here an installment is either settled or owed in full.
 */
export interface LoanAccount {
  schedule: LoanSchedule;
  paidInstallments: number;
  /** Added to the contract rate on overdue amounts; 3 percentage points unless configured. */
  overdueAdditionalRatePercent?: RateInput;
  /** The legal maximum annual rate; 20% unless configured. */
  legalMaxPercent?: RateInput;
  /** Prepayment fee (중도상환수수료) on principal repaid early; none unless configured. */
  prepaymentFeePercent?: RateInput;
}

/** The settled and the unsettled installments, and the date interest on the open principal runs from. */
export function accountPosition(account: LoanAccount): { disbursedOn: BusinessDate; settled: readonly Installment[]; open: readonly Installment[] } {
  const { schedule, paidInstallments } = account;
  const disbursedOn = schedule.terms.disbursedOn;
  if (disbursedOn === undefined) throw new DomainError("INVALID", "loan.dates_required", {}, "disbursedOn");
  if (!Number.isSafeInteger(paidInstallments) || paidInstallments < 0 || paidInstallments > schedule.installments.length) {
    throw new DomainError("INVALID", "loan.paid_installments_invalid", { count: schedule.installments.length }, "paidInstallments");
  }
  return { disbursedOn, settled: schedule.installments.slice(0, paidInstallments), open: schedule.installments.slice(paidInstallments) };
}

/** The date interest on the principal still to fall due starts from: the last due date before it, or disbursement. */
export function periodStartOf(schedule: LoanSchedule, installment: Installment): BusinessDate {
  const index = schedule.installments.indexOf(installment);
  return (index > 0 ? schedule.installments[index - 1]!.dueOn : undefined) ?? schedule.terms.disbursedOn!;
}
