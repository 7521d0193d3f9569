import type { Won } from "@sunap/core";
import { HUNDRED_PERCENT, type MilliPercent } from "./rate.ts";
import { add, div, mul, ONE, pow, rational, sub, truncate } from "./rational.ts";

const MONTHS_PER_YEAR = 12n;
/** Actual days ÷ 365, leap years included: the day count of Korean loan interest. */
export const DAYS_PER_YEAR = 365n;

/** A month's interest: principal × annual rate ÷ 12, truncated to the won. */
export function monthlyInterestWon(principalWon: Won, annualRate: MilliPercent): Won {
  return (principalWon * annualRate) / (HUNDRED_PERCENT * MONTHS_PER_YEAR);
}

/** Interest for `days` actual days: principal × annual rate × days ÷ 365, truncated to the won. */
export function dailyInterestWon(principalWon: Won, annualRate: MilliPercent, days: number): Won {
  return (principalWon * annualRate * BigInt(days)) / (HUNDRED_PERCENT * DAYS_PER_YEAR);
}

/** An amount × a percentage (a fee), truncated to the won. */
export function percentOfWon(amountWon: Won, rate: MilliPercent): Won {
  return (amountWon * rate) / HUNDRED_PERCENT;
}

/**
 * The equal-installment payment P·r / (1 − (1+r)^−n) with r = annual rate ÷ 12, computed as an
 * exact fraction and truncated to the won; at 0% it is P ÷ n, truncated.
 */
export function equalInstallmentPaymentWon(principalWon: Won, annualRate: MilliPercent, months: number): Won {
  if (months < 1) throw new RangeError("At least one month is needed");
  if (annualRate === 0n) return principalWon / BigInt(months);
  const r = rational(annualRate, HUNDRED_PERCENT * MONTHS_PER_YEAR);
  const payment = div(mul(rational(principalWon), r), sub(ONE, pow(add(ONE, r), -months)));
  return truncate(payment);
}
