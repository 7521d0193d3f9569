import { z } from "zod";
import { DomainError, daysBetween, formatWon, type BusinessDate, type Won } from "@sunap/core";
import { dailyInterestWon, percentOfWon } from "./interest.ts";
import { accountPosition, periodStartOf, type LoanAccount } from "./loan-account.ts";
import { amortize, scheduleTotals, type LoanSchedule, type PrepaymentMethod } from "./loan-schedule.ts";
import { dateField, parseOrThrow, rateField, wonField } from "./loan-terms.ts";
import { HUNDRED_PERCENT, milliPercent, type MilliPercent, type RateInput } from "./rate.ts";

export const PREPAYMENT_METHODS = ["shorten-term", "reduce-payment"] as const satisfies readonly PrepaymentMethod[];

export const PREPAYMENT_METHOD_LABELS: Record<PrepaymentMethod, { ko: string; en: string }> = {
  "shorten-term": { ko: "기간단축", en: "Shorten the term" },
  "reduce-payment": { ko: "상환액 감소", en: "Reduce the payment" },
};

export interface PrepaymentRequest {
  date: BusinessDate;
  /** Principal repaid early; accrued interest and the fee are paid on top of it. */
  amountWon: Won | number | string;
  /** Overrides the account's prepayment fee. */
  feePercent?: RateInput;
  method: PrepaymentMethod;
}

export interface PrepaymentResult {
  date: BusinessDate;
  principalWon: Won;
  /** Interest on the prepaid principal from the last due date (or disbursement) to the prepayment date. */
  accruedInterestWon: Won;
  accruedDays: number;
  feeWon: Won;
  /** What the borrower pays now: principal + accrued interest + fee. */
  totalWon: Won;
  remainingPrincipalWon: Won;
  /** The schedule with settled installments unchanged and the rest recalculated. */
  schedule: LoanSchedule;
  account: LoanAccount;
}

const feeField = rateField("loan.fee_invalid").refine((rate) => rate <= HUNDRED_PERCENT, { error: "loan.fee_invalid" });

const PrepaymentSchema = z.object(
  {
    date: dateField,
    amountWon: wonField("loan.prepay_amount_invalid"),
    feePercent: feeField.optional(),
    method: z.enum(PREPAYMENT_METHODS, { error: "loan.prepay_method_unknown" }),
  },
  { error: "input.invalid" },
);

/** A prepayment fee rate, 0–100% with at most three decimals; none when not given. */
export function feeRateOf(feePercent: RateInput | undefined): MilliPercent {
  return feePercent === undefined ? milliPercent(0n) : parseOrThrow(z.object({ feePercent: feeField }), { feePercent }).feePercent;
}

/**
 * A prepayment (중도상환) between two due dates. The prepaid principal pays its interest for the
 * days since the last due date and the fee; the rest of the schedule is recalculated on the
 * lower balance: `shorten-term` keeps the monthly payment (equal installments) or monthly
 * principal (equal principal) and ends sooner, `reduce-payment` keeps the end and lowers it.
 */
export function prepay(account: LoanAccount, request: PrepaymentRequest): PrepaymentResult {
  const input = parseOrThrow(PrepaymentSchema, request);
  const { schedule } = account;
  const { settled, open } = accountPosition(account);
  const next = open[0];
  if (next === undefined) throw new DomainError("INVALID", "loan.nothing_outstanding", {}, "amountWon");
  const from = periodStartOf(schedule, next);
  if (input.date < from) throw new DomainError("INVALID", "loan.prepay_date_out_of_range", { from, to: next.dueOn! }, "date");
  if (input.date > next.dueOn!) throw new DomainError("CONFLICT", "loan.prepay_overdue", { number: next.number, dueOn: next.dueOn! }, "date");
  const outstanding = next.openingPrincipalWon;
  if (input.amountWon <= 0n || input.amountWon > outstanding) {
    throw new DomainError("INVALID", "loan.prepay_amount_invalid", { outstanding: formatWon(outstanding) }, "amountWon");
  }
  const remaining = outstanding - input.amountWon;
  const { method } = schedule.terms;
  if (method === "bullet" && input.method === "shorten-term" && remaining > 0n) {
    throw new DomainError("INVALID", "loan.prepay_shorten_bullet", {}, "method");
  }
  const feeRate = input.feePercent ?? feeRateOf(account.prepaymentFeePercent);

  const rate = schedule.terms.annualRateMilliPercent;
  const accruedDays = daysBetween(from, input.date);
  const accruedInterestWon = dailyInterestWon(input.amountWon, rate, accruedDays);
  const feeWon = percentOfWon(input.amountWon, feeRate);

  const keep = input.method === "shorten-term";
  const recalculated =
    remaining === 0n
      ? { installments: [] }
      : amortize({
          openingPrincipalWon: remaining,
          annualRate: rate,
          method,
          periods: open.map(({ number, dueOn, days, interestBasis }) => ({ number, dueOn, days, interestBasis })),
          ...(keep && schedule.levelPaymentWon !== undefined && { levelPaymentWon: schedule.levelPaymentWon }),
          ...(keep && schedule.levelPrincipalWon !== undefined && { levelPrincipalWon: schedule.levelPrincipalWon }),
        });
  const installments = [...settled, ...recalculated.installments];
  const { levelPaymentWon, levelPrincipalWon, ...rest } = schedule;
  const newLevelPayment = "levelPaymentWon" in recalculated ? recalculated.levelPaymentWon : levelPaymentWon;
  const newLevelPrincipal = "levelPrincipalWon" in recalculated ? recalculated.levelPrincipalWon : levelPrincipalWon;
  const newSchedule: LoanSchedule = {
    ...rest,
    ...(newLevelPayment !== undefined && { levelPaymentWon: newLevelPayment }),
    ...(newLevelPrincipal !== undefined && { levelPrincipalWon: newLevelPrincipal }),
    installments,
    prepayments: [
      ...schedule.prepayments,
      { date: input.date, afterInstallment: settled.length, method: input.method, principalWon: input.amountWon, accruedInterestWon, feeWon },
    ],
    totals: scheduleTotals(installments),
  };
  return {
    date: input.date,
    principalWon: input.amountWon,
    accruedInterestWon,
    accruedDays,
    feeWon,
    totalWon: input.amountWon + accruedInterestWon + feeWon,
    remainingPrincipalWon: remaining,
    schedule: newSchedule,
    account: { ...account, schedule: newSchedule },
  };
}
