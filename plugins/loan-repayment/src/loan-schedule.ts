import { daysBetween, type BusinessDate, type Won } from "@sunap/core";
import { dailyInterestWon, equalInstallmentPaymentWon, monthlyInterestWon } from "./interest.ts";
import { dueDates, firstDueOn, startsOnRepaymentDate } from "./loan-dates.ts";
import { validateLoanTerms, type LoanInput, type LoanTerms, type RepaymentMethod } from "./loan-terms.ts";
import type { MilliPercent, RateInput } from "./rate.ts";

/**
 * How an installment's interest was computed: `monthly` = opening principal × annual rate ÷ 12;
 * `daily` = opening principal × annual rate × days ÷ 365 (a first period that is not a whole month).
 */
export type InterestBasis = "monthly" | "daily";

export interface Installment {
  number: number;
  /** The contractual due date; collection on a non-banking day moves to the next banking day. */
  dueOn?: BusinessDate;
  /** Actual days of the period (from the previous due date or disbursement), when dates are known. */
  days?: number;
  interestBasis: InterestBasis;
  annualRateMilliPercent: MilliPercent;
  openingPrincipalWon: Won;
  principalWon: Won;
  interestWon: Won;
  paymentWon: Won;
  closingPrincipalWon: Won;
}

/** A prepayment (중도상환) that recalculated the schedule after installment `afterInstallment`. */
export interface PrepaymentRecord {
  date: BusinessDate;
  afterInstallment: number;
  method: PrepaymentMethod;
  principalWon: Won;
  accruedInterestWon: Won;
  feeWon: Won;
}

export type PrepaymentMethod = "shorten-term" | "reduce-payment";

export interface ScheduleTotals {
  installments: number;
  principalWon: Won;
  interestWon: Won;
  paymentWon: Won;
}

export interface LoanSchedule {
  terms: LoanTerms;
  /** The day installments fall due, when dates are known (the disbursement day unless set). */
  repaymentDay?: number;
  /** Equal installments: the level monthly payment (every installment but an irregular first and the last). */
  levelPaymentWon?: Won;
  /** Equal principal: the principal repaid each month (every installment but the last). */
  levelPrincipalWon?: Won;
  installments: readonly Installment[];
  prepayments: readonly PrepaymentRecord[];
  totals: ScheduleTotals;
}

/** One period of the schedule before amounts are known. */
export interface SchedulePeriod {
  number: number;
  dueOn?: BusinessDate;
  days?: number;
  interestBasis: InterestBasis;
}

/**
 * The periods of a loan. Without a disbursement date every period is a whole month and has no
 * date. With one, the first period runs from disbursement to the first due date and accrues
 * daily interest unless the loan was disbursed on its own repayment date (a whole month).
 */
export function schedulePeriods(terms: LoanTerms): { periods: SchedulePeriod[]; repaymentDay?: number } {
  if (terms.disbursedOn === undefined) {
    return { periods: Array.from({ length: terms.termMonths }, (_, index) => ({ number: index + 1, interestBasis: "monthly" as const })) };
  }
  const disbursedOn = terms.disbursedOn;
  const repaymentDay = terms.repaymentDay ?? Number(disbursedOn.slice(8, 10));
  const dates = dueDates(firstDueOn(disbursedOn, repaymentDay), terms.termMonths, repaymentDay);
  const wholeFirstMonth = startsOnRepaymentDate(disbursedOn, repaymentDay);
  const periods = dates.map((dueOn, index): SchedulePeriod => {
    const from = index === 0 ? disbursedOn : dates[index - 1]!;
    return { number: index + 1, dueOn, days: daysBetween(from, dueOn), interestBasis: index === 0 && !wholeFirstMonth ? "daily" : "monthly" };
  });
  return { periods, repaymentDay };
}

export interface AmortizeInput {
  openingPrincipalWon: Won;
  annualRate: MilliPercent;
  method: RepaymentMethod;
  periods: readonly SchedulePeriod[];
  /** Keep this level payment (equal installments) instead of computing one for the periods: "shorten the term". */
  levelPaymentWon?: Won;
  /** Keep this monthly principal (equal principal) instead of dividing over the periods. */
  levelPrincipalWon?: Won;
}

/**
 * Spreads a principal over periods. The principal part of each installment follows the
 * whole-month schedule; a daily first period changes only that installment's interest. The
 * last period — or the first whose principal part would reach the balance — settles the
 * remaining principal exactly.
 */
export function amortize(input: AmortizeInput): { installments: Installment[]; levelPaymentWon?: Won; levelPrincipalWon?: Won } {
  const { annualRate, method, periods } = input;
  const count = periods.length;
  const levelPaymentWon = method === "equal-installment" ? (input.levelPaymentWon ?? equalInstallmentPaymentWon(input.openingPrincipalWon, annualRate, count)) : undefined;
  const levelPrincipalWon = method === "equal-principal" ? (input.levelPrincipalWon ?? input.openingPrincipalWon / BigInt(count)) : undefined;
  const installments: Installment[] = [];
  let balance = input.openingPrincipalWon;
  for (const [index, period] of periods.entries()) {
    if (balance === 0n) break;
    const monthlyInterest = monthlyInterestWon(balance, annualRate);
    const interestWon = period.interestBasis === "daily" ? dailyInterestWon(balance, annualRate, period.days ?? 0) : monthlyInterest;
    let principalWon = levelPaymentWon !== undefined ? levelPaymentWon - monthlyInterest : (levelPrincipalWon ?? 0n);
    if (index === count - 1 || principalWon >= balance) principalWon = balance;
    installments.push({
      number: period.number,
      ...(period.dueOn !== undefined && { dueOn: period.dueOn }),
      ...(period.days !== undefined && { days: period.days }),
      interestBasis: period.interestBasis,
      annualRateMilliPercent: annualRate,
      openingPrincipalWon: balance,
      principalWon,
      interestWon,
      paymentWon: principalWon + interestWon,
      closingPrincipalWon: balance - principalWon,
    });
    balance -= principalWon;
  }
  return { installments, ...(levelPaymentWon !== undefined && { levelPaymentWon }), ...(levelPrincipalWon !== undefined && { levelPrincipalWon }) };
}

export function scheduleTotals(installments: readonly Installment[]): ScheduleTotals {
  let principalWon = 0n;
  let interestWon = 0n;
  for (const installment of installments) {
    principalWon += installment.principalWon;
    interestWon += installment.interestWon;
  }
  return { installments: installments.length, principalWon, interestWon, paymentWon: principalWon + interestWon };
}

/**
 * A loan's repayment schedule (상환 스케줄), for a preview before the loan exists or for the
 * loan itself. Validates the terms first (a rate over the legal maximum is refused).
 */
export function loanSchedule(input: LoanInput, options: { legalMaxPercent?: RateInput } = {}): LoanSchedule {
  const terms = validateLoanTerms(input, options);
  const { periods, repaymentDay } = schedulePeriods(terms);
  const { installments, levelPaymentWon, levelPrincipalWon } = amortize({
    openingPrincipalWon: terms.principalWon,
    annualRate: terms.annualRateMilliPercent,
    method: terms.method,
    periods,
  });
  return {
    terms,
    ...(repaymentDay !== undefined && { repaymentDay }),
    ...(levelPaymentWon !== undefined && { levelPaymentWon }),
    ...(levelPrincipalWon !== undefined && { levelPrincipalWon }),
    installments,
    prepayments: [],
    totals: scheduleTotals(installments),
  };
}
