import { addDays, type BusinessDate, type Won } from "@sunap/core";
import { daysInRange, maxDate, minDate } from "./calendar.ts";
import { pausedDaysIn } from "./pauses.ts";
import type { Plan } from "./plan.ts";
import { scheduleOf } from "./schedule.ts";
import type { Subscription } from "./subscription.ts";

/** What a pause or a cancel-now leaves unused of a period already invoiced. */
export interface UnusedInvoicedDays {
  /** Billed days of the period from the stop on (before it resumes), not already paused. */
  unusedDays: number;
  /** The days the invoice billed: the proration divisor. */
  billableDays: number;
}

/**
 * The days of an invoiced regular period (`periodKey`) that a stop from `from` (inclusive) until
 * `resumeOn` (exclusive; null: for good) takes out, on the schedule as it was when the period was
 * invoiced (`before`: the terms before the change). Null when the period is not in that schedule
 * or nothing of it is left unused.
 */
export function unusedInvoicedDays(before: Subscription, plan: Plan, periodKey: string, stop: { from: BusinessDate; resumeOn: BusinessDate | null }): UnusedInvoicedDays | null {
  // Through a year past the period's month: far enough to list it, whatever its interval's issue date.
  const scheduled = scheduleOf(before, plan, addDays(`${periodKey}-01`, 400)).find((s) => s.kind === "regular" && s.period.key === periodKey);
  if (!scheduled) return null;
  const first = maxDate(stop.from, scheduled.period.start);
  const last = stop.resumeOn ? minDate(scheduled.period.end, addDays(stop.resumeOn, -1)) : scheduled.period.end;
  if (first > last) return null;
  const unusedDays = daysInRange(first, last) - pausedDaysIn(before.pauses, first, last);
  return unusedDays > 0 ? { unusedDays, billableDays: scheduled.billableDays } : null;
}

/**
 * The supply to take back for unused days: the invoice's net supply (price less discounts, before
 * VAT) × unused days ÷ billed days, truncated to the won — for a whole period exactly the rule of a
 * mid-period upgrade (price × days ÷ days in the period).
 */
export function unusedSupplyWon(netSupplyWon: Won, days: UnusedInvoicedDays): Won {
  if (days.billableDays <= 0 || netSupplyWon <= 0n) return 0n;
  return (netSupplyWon * BigInt(days.unusedDays)) / BigInt(days.billableDays);
}
