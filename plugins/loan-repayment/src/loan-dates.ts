import { addMonths, daysBetween, dayOfMonth, monthOf, type BusinessDate } from "@sunap/core";

/**
 * A first period shorter than this is folded into the next month: a loan disbursed on the
 * 20th with repayment day 25 first pays on the 25th of the next month (36 days), not 5 days later.
 */
export const MIN_FIRST_PERIOD_DAYS = 15;

/** The repayment date in a month (month counted from 1, may overflow): day 29–31 in a shorter month is its last day. */
export function repaymentDateIn(year: number, month: number, repaymentDay: number): BusinessDate {
  return dayOfMonth(addMonths(`${String(year).padStart(4, "0")}-01`, month - 1), repaymentDay);
}

/**
 * The first due date: the first repayment date after disbursement that leaves at least
 * `MIN_FIRST_PERIOD_DAYS` days. A loan disbursed on its own repayment date (Jan 25, day 25;
 * or Feb 28, day 31) first pays a whole month later.
 */
export function firstDueOn(disbursedOn: BusinessDate, repaymentDay: number): BusinessDate {
  const month = monthOf(disbursedOn);
  for (let offset = 0; ; offset++) {
    const candidate = dayOfMonth(addMonths(month, offset), repaymentDay);
    if (daysBetween(disbursedOn, candidate) >= MIN_FIRST_PERIOD_DAYS) return candidate;
  }
}

/** True when disbursement falls on the repayment date of its month, so the first period is a whole month. */
export function startsOnRepaymentDate(disbursedOn: BusinessDate, repaymentDay: number): boolean {
  return dayOfMonth(monthOf(disbursedOn), repaymentDay) === disbursedOn;
}

/** `count` due dates, one a month on the repayment day, from the first. */
export function dueDates(first: BusinessDate, count: number, repaymentDay: number): BusinessDate[] {
  const month = monthOf(first);
  return Array.from({ length: count }, (_, index) => dayOfMonth(addMonths(month, index), repaymentDay));
}
