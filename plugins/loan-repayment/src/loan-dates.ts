import type { BusinessDate } from "@sunap/core";

/**
 * A first period shorter than this is folded into the next month: a loan disbursed on the
 * 20th with repayment day 25 first pays on the 25th of the next month (36 days), not 5 days later.
 */
export const MIN_FIRST_PERIOD_DAYS = 15;

const DAY_MS = 86_400_000;

function utcOf(date: BusinessDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Actual days from `from` to `to`, counting one end only (disbursed Jan 20, due Feb 25 → 36). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The repayment date in a month (month counted from 1, may overflow): day 29–31 in a shorter month is its last day. */
export function repaymentDateIn(year: number, month: number, repaymentDay: number): BusinessDate {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const d = Math.min(repaymentDay, lastDayOfMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function yearMonthOf(date: BusinessDate): [number, number] {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return [y, m];
}

/**
 * The first due date: the first repayment date after disbursement that leaves at least
 * `MIN_FIRST_PERIOD_DAYS` days. A loan disbursed on its own repayment date (Jan 25, day 25;
 * or Feb 28, day 31) first pays a whole month later.
 */
export function firstDueOn(disbursedOn: BusinessDate, repaymentDay: number): BusinessDate {
  const [year, month] = yearMonthOf(disbursedOn);
  for (let offset = 0; ; offset++) {
    const candidate = repaymentDateIn(year, month + offset, repaymentDay);
    if (daysBetween(disbursedOn, candidate) >= MIN_FIRST_PERIOD_DAYS) return candidate;
  }
}

/** True when disbursement falls on the repayment date of its month, so the first period is a whole month. */
export function startsOnRepaymentDate(disbursedOn: BusinessDate, repaymentDay: number): boolean {
  const [year, month] = yearMonthOf(disbursedOn);
  return repaymentDateIn(year, month, repaymentDay) === disbursedOn;
}

/** `count` due dates, one a month on the repayment day, from the first. */
export function dueDates(first: BusinessDate, count: number, repaymentDay: number): BusinessDate[] {
  const [year, month] = yearMonthOf(first);
  return Array.from({ length: count }, (_, index) => repaymentDateIn(year, month + index, repaymentDay));
}
