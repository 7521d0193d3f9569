import { DomainError, daysBetween, isBusinessDate, type BusinessDate, type Won } from "@sunap/core";
import { dailyInterestWon, percentOfWon } from "./interest.ts";
import { accountPosition, periodStartOf, type LoanAccount } from "./loan-account.ts";
import { DEFAULT_LEGAL_MAX_RATE } from "./loan-terms.ts";
import { DEFAULT_OVERDUE_ADDITIONAL_RATE, overdueInterest } from "./overdue-interest.ts";
import { feeRateOf } from "./prepayment.ts";
import type { RateInput } from "./rate.ts";

export interface PayoffQuoteInput {
  loan: LoanAccount;
  asOf: BusinessDate;
  /** Overrides the account's prepayment fee. */
  feePercent?: RateInput;
  /**
   * The first banking day on or after a date. When given, an installment due on a non-banking
   * day is not overdue until the banking day after it has passed, as the collection runs then.
   */
  bankingDayOnOrAfter?: (date: BusinessDate) => BusinessDate;
}

export interface DueInstallment {
  number: number;
  dueOn: BusinessDate;
  principalWon: Won;
  interestWon: Won;
  paymentWon: Won;
  overdueDays: number;
  overdueInterestWon: Won;
}

export interface PayoffQuote {
  asOf: BusinessDate;
  /** Installments due on or before `asOf` and not settled: owed in full, with overdue interest. */
  dueInstallments: DueInstallment[];
  /** All principal still owed: that of the due installments and that not yet due. */
  principalWon: Won;
  principalNotDueWon: Won;
  /** Scheduled interest of the due installments. */
  unpaidInterestWon: Won;
  /** Daily interest on the principal not yet due, from `accruedFrom` to `asOf`. */
  accruedInterestWon: Won;
  accruedFrom?: BusinessDate;
  accruedDays: number;
  overdueInterestWon: Won;
  /** Prepayment fee on the principal not yet due. */
  feeWon: Won;
  totalWon: Won;
}

/**
 * What it takes to close a loan on `asOf` (완제금액): principal outstanding + the scheduled
 * interest of installments already due + interest accrued daily since the last due date +
 * overdue interest on installments past due + the prepayment fee on principal repaid early.
 */
export function payoffQuote({ loan, asOf, feePercent, bankingDayOnOrAfter }: PayoffQuoteInput): PayoffQuote {
  if (!isBusinessDate(asOf)) throw new DomainError("INVALID", "loan.date_invalid", { field: "asOf" }, "asOf");
  const { disbursedOn, open } = accountPosition(loan);
  if (asOf < disbursedOn) throw new DomainError("INVALID", "loan.quote_before_disbursement", { asOf, disbursedOn }, "asOf");
  const terms = loan.schedule.terms;
  const rate = terms.annualRateMilliPercent;
  const additional = loan.overdueAdditionalRatePercent ?? DEFAULT_OVERDUE_ADDITIONAL_RATE;
  const legalMax = loan.legalMaxPercent ?? DEFAULT_LEGAL_MAX_RATE;
  const feeRate = feeRateOf(feePercent ?? loan.prepaymentFeePercent);

  const dueInstallments = open
    .filter((installment) => installment.dueOn! <= asOf)
    .map((installment): DueInstallment => {
      const dueOn = installment.dueOn!;
      const late = bankingDayOnOrAfter === undefined || asOf > bankingDayOnOrAfter(dueOn);
      const overdue = overdueInterest({
        overdueAmountWon: installment.paymentWon,
        fromDate: dueOn,
        toDate: late ? asOf : dueOn,
        contractRatePercent: rate,
        additionalRatePercent: additional,
        legalMaxPercent: legalMax,
      });
      return {
        number: installment.number,
        dueOn,
        principalWon: installment.principalWon,
        interestWon: installment.interestWon,
        paymentWon: installment.paymentWon,
        overdueDays: overdue.days,
        overdueInterestWon: overdue.interestWon,
      };
    });
  const notDue = open[dueInstallments.length];
  const principalNotDueWon = notDue?.openingPrincipalWon ?? 0n;
  const accruedFrom = notDue ? periodStartOf(loan.schedule, notDue) : undefined;
  const accruedDays = accruedFrom ? daysBetween(accruedFrom, asOf) : 0;
  const accruedInterestWon = dailyInterestWon(principalNotDueWon, rate, accruedDays);
  const sum = (pick: (due: DueInstallment) => Won) => dueInstallments.reduce((total, due) => total + pick(due), 0n);
  const principalWon = sum((due) => due.principalWon) + principalNotDueWon;
  const unpaidInterestWon = sum((due) => due.interestWon);
  const overdueInterestWon = sum((due) => due.overdueInterestWon);
  const feeWon = percentOfWon(principalNotDueWon, feeRate);
  return {
    asOf,
    dueInstallments,
    principalWon,
    principalNotDueWon,
    unpaidInterestWon,
    accruedInterestWon,
    ...(accruedFrom !== undefined && { accruedFrom }),
    accruedDays,
    overdueInterestWon,
    feeWon,
    totalWon: principalWon + unpaidInterestWon + accruedInterestWon + overdueInterestWon + feeWon,
  };
}
