import { addDays, addMonths, dayOfMonth, DomainError, monthOf, nextMonth, type BillingPeriod, type BusinessDate, type Month, type Won } from "@sunap/core";
import { dateParts, daysInRange, dayBefore, maxDate, minDate } from "./calendar.ts";
import { firstUnpausedDay, pausedDaysIn } from "./pauses.ts";
import { INTERVAL_MONTHS, type Plan } from "./plan.ts";
import type { Subscription } from "./subscription.ts";

/** A billing period with what the charge rules need to price it. */
export interface ScheduledPeriod {
  period: BillingPeriod;
  /** `regular`: the period's own invoice. `upgrade`: the price difference after a mid-period move to a dearer plan. */
  kind: "regular" | "upgrade";
  plan: Plan;
  /** The whole period on the anchor grid, before clipping to the start, trial or cancellation: the proration divisor. */
  nominal: { start: BusinessDate; end: BusinessDate; days: number };
  /** Days of `period` that are billed: not in the trial, not paused, not after the cancellation. */
  billableDays: number;
  /** Upgrade only: the price already billed for this period before the change. */
  previousPriceWon?: Won;
}

/**
 * Every period of a subscription whose invoice is issued on or before `through`, in order.
 *
 * Periods run from anchor date to anchor date (the anchor day clamped to each month's length).
 * A start between anchor dates gives a first, shorter period from the start; the trial, pauses and
 * a cancellation take days out of a period, and a period left with no billable day is not billed
 * at all. The key is the month of the period's anchor date (`2026-11`), stable whenever it is
 * computed, so a catch-up run yields each missed period once.
 */
export function scheduleOf(subscription: Subscription, initialPlan: Plan, through: BusinessDate): ScheduledPeriod[] {
  if (subscription.planCode !== initialPlan.code) {
    throw new DomainError("INVALID", "subscription.plan_mismatch", { planCode: subscription.planCode, given: initialPlan.code }, "planCode");
  }
  const changes = [...subscription.planChanges].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1));
  const planOn = (day: BusinessDate): Plan => changes.findLast((c) => c.effectiveOn <= day)?.plan ?? initialPlan;

  const billingStart = addDays(subscription.startOn, initialPlan.trialDays);
  const anchorDay = subscription.anchorDay ?? dateParts(billingStart).day;
  const lastDay = serviceEndRule(subscription, billingStart);

  // Anchor day in a month, clamped to its last day: an anchor on the 31st lands on Feb 28, Apr 30 … and never drifts.
  const anchoredIn = (month: Month) => dayOfMonth(month, anchorDay);
  const startMonth = monthOf(subscription.startOn);
  let firstAnchor = anchoredIn(startMonth);
  if (firstAnchor < subscription.startOn) firstAnchor = anchoredIn(nextMonth(startMonth));
  let nominalStart = firstAnchor === subscription.startOn ? firstAnchor : anchoredIn(addMonths(monthOf(firstAnchor), -INTERVAL_MONTHS[planOn(billingStart).interval]));

  const scheduled: ScheduledPeriod[] = [];
  while (nominalStart <= through && (lastDay.fixed === null || nominalStart <= lastDay.fixed)) {
    const firstDay = maxDate(nominalStart, billingStart);
    const plan = planOn(firstDay);
    const nextStart = anchoredIn(addMonths(monthOf(nominalStart), INTERVAL_MONTHS[plan.interval]));
    const nominal = { start: nominalStart, end: dayBefore(nextStart), days: daysInRange(nominalStart, dayBefore(nextStart)) };
    const periodEnd = lastDay.fixed === null ? nominal.end : minDate(nominal.end, lastDay.fixed);
    const atPeriodEnd = lastDay.atPeriodEndOf !== null && nominal.start <= lastDay.atPeriodEndOf && lastDay.atPeriodEndOf <= nominal.end;

    const billableDays = daysInRange(firstDay, periodEnd) - pausedDaysIn(subscription.pauses, firstDay, periodEnd);
    const issueOn = billableDays > 0 ? firstUnpausedDay(subscription.pauses, firstDay, periodEnd) : null;
    if (issueOn !== null) {
      if (issueOn > through) break;
      const key = nominal.start.slice(0, 7);
      scheduled.push({ period: periodOf(firstDay, periodEnd, issueOn, plan, key), kind: "regular", plan, nominal, billableDays });
      scheduled.push(...upgradesWithin(subscription, changes, { plan, firstDay, periodEnd, nominal, key, through }));
    }
    if (atPeriodEnd) break;
    nominalStart = nextStart;
  }
  return scheduled;
}

/**
 * The last billed day. `fixed`: a known date (cancel now: the day before `on`; a cancellation before
 * billing starts: the day before billing starts). `atPeriodEndOf`: billing stops after the period
 * containing that date.
 */
function serviceEndRule(subscription: Subscription, billingStart: BusinessDate): { fixed: BusinessDate | null; atPeriodEndOf: BusinessDate | null } {
  const cancellation = subscription.cancellation;
  if (!cancellation) return { fixed: null, atPeriodEndOf: null };
  if (cancellation.on < billingStart) return { fixed: dayBefore(billingStart), atPeriodEndOf: null };
  if (cancellation.mode === "now") return { fixed: dayBefore(cancellation.on), atPeriodEndOf: null };
  return { fixed: null, atPeriodEndOf: cancellation.on };
}

function periodOf(start: BusinessDate, end: BusinessDate, issueOn: BusinessDate, plan: Plan, key: string): BillingPeriod {
  return { start, end, issueOn, dueOn: addDays(issueOn, plan.dueAfterDays), key };
}

/**
 * A move to a dearer plan of the same interval during a period bills the difference for the days
 * left, as its own period (`2026-11:upgrade:2026-11-20`). A move to a cheaper plan, or to another
 * interval, takes effect from the next period: nothing is refunded mid-period.
 */
function upgradesWithin(
  subscription: Subscription,
  changes: readonly { effectiveOn: BusinessDate; plan: Plan }[],
  at: { plan: Plan; firstDay: BusinessDate; periodEnd: BusinessDate; nominal: ScheduledPeriod["nominal"]; key: string; through: BusinessDate },
): ScheduledPeriod[] {
  const upgrades: ScheduledPeriod[] = [];
  let billed = at.plan;
  for (const change of changes) {
    if (change.effectiveOn <= at.firstDay || change.effectiveOn > at.periodEnd) continue;
    if (change.plan.interval !== billed.interval || change.plan.priceWon <= billed.priceWon) continue;
    const billableDays = daysInRange(change.effectiveOn, at.periodEnd) - pausedDaysIn(subscription.pauses, change.effectiveOn, at.periodEnd);
    const issueOn = billableDays > 0 ? firstUnpausedDay(subscription.pauses, change.effectiveOn, at.periodEnd) : null;
    if (issueOn !== null && issueOn > at.through) break;
    if (issueOn !== null) upgrades.push({
      period: periodOf(change.effectiveOn, at.periodEnd, issueOn, change.plan, `${at.key}:upgrade:${change.effectiveOn}`),
      kind: "upgrade",
      plan: change.plan,
      nominal: at.nominal,
      billableDays,
      previousPriceWon: billed.priceWon,
    });
    billed = change.plan;
  }
  return upgrades;
}
