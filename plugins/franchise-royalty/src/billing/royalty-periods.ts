import { addDays, type BillingPeriod, type BusinessDate } from "@sunap/core";
import { addMonths, dayOfMonth, daysOpenIn, firstDayOf, lastDayOf, monthOf } from "./calendar.ts";
import type { Month } from "./inputs.ts";
import type { RoyaltyTerms } from "./terms.ts";

/** The day a month's sales report is due: `reportDueDay` of the next month, at most that month's last day. */
export function reportDueOn(terms: RoyaltyTerms, month: Month): BusinessDate {
  return dayOfMonth(addMonths(month, 1), terms.reportDueDay);
}

/**
 * The royalty period of a month: the calendar month, issued the day after its report is due
 * (with an estimate if the report is still missing), due `paymentDueDays` later; keyed `YYYY-MM`.
 */
export function royaltyPeriod(terms: RoyaltyTerms, month: Month): BillingPeriod {
  const issueOn = addDays(reportDueOn(terms, month), 1);
  return { start: firstDayOf(month), end: lastDayOf(month), issueOn, dueOn: addDays(issueOn, terms.paymentDueDays), key: month };
}

/**
 * Every royalty period issued on or before `through`, from the terms' first month (or the store's
 * opening month), skipping none — a catch-up run yields each missed month once — and none after
 * the month the store closed in.
 */
export function royaltyPeriods(
  terms: RoyaltyTerms,
  options: { through: BusinessDate; storeOpenedOn?: BusinessDate | null; storeClosedOn?: BusinessDate | null },
): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  const opened = options.storeOpenedOn ? monthOf(options.storeOpenedOn) : terms.firstMonth;
  for (let month = opened > terms.firstMonth ? opened : terms.firstMonth; ; month = addMonths(month, 1)) {
    if (options.storeClosedOn && month > monthOf(options.storeClosedOn)) break;
    const period = royaltyPeriod(terms, month);
    if (period.issueOn > options.through) break;
    if (daysOpenIn(month, options.storeOpenedOn, options.storeClosedOn) > 0) periods.push(period);
  }
  return periods;
}
