import type { BillingPeriod, BusinessDate } from "@sunap/core";
import type { Plan } from "./plan.ts";
import { scheduleOf } from "./schedule.ts";
import type { Subscription } from "./subscription.ts";

/**
 * The periods of a subscription whose invoice is issued on or before `through`, oldest first,
 * including every period missed so far (catch-up) — each keyed stably, so billing them is
 * idempotent. `plan` is the plan the subscription started on; later plans come from its plan changes.
 */
export function subscriptionPeriods(subscription: Subscription, plan: Plan, options: { through: BusinessDate }): BillingPeriod[] {
  return scheduleOf(subscription, plan, options.through).map((s) => s.period);
}
