import { loanInputOf, type LoanContractTerms } from "./loan-contract.ts";
import { loanSchedule, type LoanSchedule } from "./loan-schedule.ts";
import { prepay, type PrepaymentResult } from "./prepayment.ts";

/** A loan contract's schedule as it stands: the original one with every recorded prepayment replayed on it. */
export interface LoanBook {
  terms: LoanContractTerms;
  /** The schedule at disbursement. */
  original: LoanSchedule;
  /** The schedule after the prepayments, in order; settled installments are never changed by a replay. */
  schedule: LoanSchedule;
  prepayments: readonly PrepaymentResult[];
}

/**
 * Rebuilds a loan's schedule from its terms. Deterministic in the terms alone, so the engine can
 * ask again on every run and get the same installments and keys. The loan's own rate is its cap
 * here: the legal maximum was checked when it was made, and a lower maximum set later does not
 * rewrite existing loans (it caps their overdue interest).
 */
export function loanBook(terms: LoanContractTerms): LoanBook {
  const original = loanSchedule(loanInputOf(terms), { legalMaxPercent: terms.annualRatePercent });
  let schedule = original;
  const prepayments: PrepaymentResult[] = [];
  for (const entry of terms.prepayments) {
    const result = prepay(
      { schedule, paidInstallments: entry.afterInstallment, prepaymentFeePercent: entry.feePercent },
      { date: entry.date, amountWon: entry.principalWon, feePercent: entry.feePercent, method: entry.method },
    );
    prepayments.push(result);
    schedule = result.schedule;
  }
  return { terms, original, schedule, prepayments };
}
