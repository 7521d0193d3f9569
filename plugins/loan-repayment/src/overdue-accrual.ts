import { addDays, firstDayOf, monthOf, nextMonth, type BusinessDate, type Month, type Won } from "@sunap/core";
import { overdueInterest, type OverdueInterest } from "./overdue-interest.ts";

/** A movement of an invoice's receivable (issue +, payment −, void −) on its effective date. */
export interface ReceivableMovement {
  on: BusinessDate;
  amountWon: Won;
}

/** An installment's invoice as the overdue computation sees it. */
export interface InstallmentDebt {
  number: number;
  dueOn: BusinessDate;
  /** The first banking day on or after the due date: collection runs then, so paid by its end is not late. */
  graceUntil: BusinessDate;
  movements: readonly ReceivableMovement[];
}

export interface OverdueRates {
  contractRatePercent: string;
  additionalRatePercent: string;
  legalMaxPercent: string;
}

/** A run of overdue days with the same open amount: one line of an overdue-interest invoice. */
export interface OverdueSegment {
  installment: number;
  /** First overdue day of the run. */
  from: BusinessDate;
  /** The day after the last (one end counted, as for a payment date). */
  until: BusinessDate;
  interest: OverdueInterest;
}

/** What is still owed on an invoice at the end of a day (movements dated that day included). */
export function openAtEndOf(debt: InstallmentDebt, date: BusinessDate): Won {
  let open = 0n;
  for (const movement of debt.movements) if (movement.on <= date) open += movement.amountWon;
  return open;
}

/**
 * True when the installment was not paid by the end of its collection day. Known only once that day
 * has passed: `knownBefore` is the first day whose payments may still be missing.
 */
export function isLate(debt: InstallmentDebt, knownBefore: BusinessDate): boolean {
  return debt.graceUntil < knownBefore && openAtEndOf(debt, debt.graceUntil) > 0n;
}

/**
 * The overdue days of one installment between `from` (inclusive) and `until` (exclusive), split
 * where the open amount changes. Day t is overdue when t is on or after the due date and the
 * invoice is still open at its end; interest is the open amount × min(contract + additional rate,
 * legal maximum) × days ÷ 365, truncated per run. An installment paid by its collection day
 * (the next banking day after a weekend or holiday) is not late at all.
 */
export function overdueSegments(debt: InstallmentDebt, window: { from: BusinessDate; until: BusinessDate; knownBefore: BusinessDate }, rates: OverdueRates): OverdueSegment[] {
  if (!isLate(debt, window.knownBefore)) return [];
  const start = debt.dueOn > window.from ? debt.dueOn : window.from;
  if (start >= window.until) return [];
  // Days where the open amount may change: each movement date inside the window.
  const changes = [...new Set(debt.movements.map((m) => m.on).filter((on) => on > start && on < window.until))].sort();
  const bounds = [start, ...changes, window.until];
  // Runs of days with one open amount (a movement that changed nothing does not split a run).
  const runs: { from: BusinessDate; until: BusinessDate; open: Won }[] = [];
  for (let index = 0; index < bounds.length - 1; index++) {
    const from = bounds[index]!;
    const until = bounds[index + 1]!;
    const open = openAtEndOf(debt, from);
    const last = runs.at(-1);
    if (last && last.open === open) last.until = until;
    else runs.push({ from, until, open });
  }
  return runs
    .filter((run) => run.open > 0n)
    .map((run) => ({
      installment: debt.number,
      from: run.from,
      until: run.until,
      interest: overdueInterest({ ...rates, overdueAmountWon: run.open, fromDate: run.from, toDate: run.until }),
    }));
}

/** The overdue runs of every installment in a calendar month, installment by installment. */
export function overdueInMonth(debts: readonly InstallmentDebt[], month: Month, knownBefore: BusinessDate, rates: OverdueRates): OverdueSegment[] {
  const window = { from: firstDayOf(month), until: firstDayOf(nextMonth(month)), knownBefore };
  return [...debts].sort((a, b) => a.number - b.number).flatMap((debt) => overdueSegments(debt, window, rates));
}

/** The overdue runs between two dates (`until` exclusive): what has accrued and is not billed yet, for a payoff quote. */
export function overdueBetween(debts: readonly InstallmentDebt[], from: BusinessDate, until: BusinessDate, knownBefore: BusinessDate, rates: OverdueRates): OverdueSegment[] {
  return [...debts].sort((a, b) => a.number - b.number).flatMap((debt) => overdueSegments(debt, { from, until, knownBefore }, rates));
}

/** The months from the first due date up to and including `lastMonth`: where overdue interest may have accrued. */
export function monthsFromFirstDue(debts: readonly InstallmentDebt[], lastMonth: Month): Month[] {
  const first = debts.map((d) => d.dueOn).sort()[0];
  if (first === undefined) return [];
  const months: Month[] = [];
  for (let month = monthOf(first); month <= lastMonth; month = nextMonth(month)) months.push(month);
  return months;
}

/** The day before: the last day a window ending at `until` covers. */
export const lastDayBefore = (until: BusinessDate): BusinessDate => addDays(until, -1);
