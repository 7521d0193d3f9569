import { addDays, DomainError, type BusinessDate } from "@sunap/core";
import type { Plan } from "../billing/plan.ts";
import type { Cancellation, Discount, Pause } from "../billing/subscription.ts";
import { subscriptionPeriods } from "../billing/periods.ts";
import { planOn, SubscriptionTerms } from "./terms.ts";

/**
 * The lifecycle of a subscription as pure changes of its terms. Each refuses a transition that
 * cannot happen with a specific error naming the field, and returns terms that the contract
 * schema accepts; the router saves them through the contract service (audited, versioned).
 */

function refuseIfCancelled(terms: SubscriptionTerms, code: string, field: string): void {
  if (terms.status === "cancelled") throw new DomainError("CONFLICT", code, { on: terms.cancellation?.on ?? "-" }, field);
}

const pauseEnds = (p: Pause): BusinessDate => p.until ?? "9999-12-31";
const overlaps = (a: Pause, b: Pause) => a.from < pauseEnds(b) && b.from < pauseEnds(a);

/** Pauses from `from` (inclusive) until `until`, the day it resumes; open-ended without `until`. */
export function pause(terms: SubscriptionTerms, request: { from: BusinessDate; until?: BusinessDate | null }): SubscriptionTerms {
  refuseIfCancelled(terms, "subscription.pause_cancelled", "from");
  if (request.from < terms.startOn) throw new DomainError("INVALID", "subscription.pause_before_start", { startOn: terms.startOn }, "from");
  if (request.until && request.until <= request.from) throw new DomainError("INVALID", "subscription.resume_before_pause", { from: request.from }, "until");
  const next: Pause = { from: request.from, until: request.until ?? null };
  const open = terms.pauses.find((p) => !p.until);
  if (open) throw new DomainError("CONFLICT", "subscription.already_paused", { from: open.from }, "from");
  const clash = terms.pauses.find((p) => overlaps(p, next));
  if (clash) throw new DomainError("CONFLICT", "subscription.pause_overlaps", { from: clash.from, until: clash.until ?? "-" }, "from");
  return SubscriptionTerms.parse({ ...terms, status: "paused", pauses: [...terms.pauses, next] });
}

/** Resumes a paused subscription on `on` (the first billed day again): closes or moves the latest pause's end. */
export function resume(terms: SubscriptionTerms, request: { on: BusinessDate }): SubscriptionTerms {
  refuseIfCancelled(terms, "subscription.resume_cancelled", "on");
  if (terms.status !== "paused") throw new DomainError("CONFLICT", "subscription.not_paused", {}, "on");
  const latest = [...terms.pauses].sort((a, b) => (a.from < b.from ? -1 : 1)).at(-1);
  if (!latest) throw new DomainError("CONFLICT", "subscription.not_paused", {}, "on");
  if (request.on <= latest.from) throw new DomainError("INVALID", "subscription.resume_before_pause", { from: latest.from }, "on");
  const pauses = terms.pauses.map((p) => (p === latest ? { ...p, until: request.on } : p));
  return SubscriptionTerms.parse({ ...terms, status: "active", pauses });
}

/**
 * `now`: nothing is billed from `on`; `period_end`: the period holding `on` is billed in full and
 * none after it. Invoices already issued stay as they are (a refund is a separate correction).
 */
export function cancel(terms: SubscriptionTerms, request: Cancellation): SubscriptionTerms {
  if (terms.status === "cancelled") throw new DomainError("CONFLICT", "subscription.already_cancelled", { on: terms.cancellation?.on ?? "-" }, "on");
  if (request.on < terms.startOn) throw new DomainError("INVALID", "subscription.cancel_before_start", { startOn: terms.startOn }, "on");
  return SubscriptionTerms.parse({ ...terms, status: "cancelled", cancellation: request });
}

/**
 * Moves to another plan (a copy of it, taken now) from `effectiveOn`. A dearer plan of the same
 * interval mid-period bills the prorated difference; anything else applies from the next period.
 */
export function changePlan(terms: SubscriptionTerms, request: { effectiveOn: BusinessDate; plan: Plan }): SubscriptionTerms {
  refuseIfCancelled(terms, "subscription.change_cancelled", "effectiveOn");
  if (request.effectiveOn <= terms.startOn) throw new DomainError("INVALID", "subscription.change_before_start", { startOn: terms.startOn }, "effectiveOn");
  if (terms.planChanges.some((c) => c.effectiveOn === request.effectiveOn)) {
    throw new DomainError("CONFLICT", "subscription.change_same_day", { effectiveOn: request.effectiveOn }, "effectiveOn");
  }
  if (planOn(terms, request.effectiveOn).code === request.plan.code) {
    throw new DomainError("INVALID", "subscription.same_plan", { planCode: request.plan.code }, "planCode");
  }
  return SubscriptionTerms.parse({ ...terms, planChanges: [...terms.planChanges, { effectiveOn: request.effectiveOn, plan: request.plan }] });
}

/** Adds a discount (fixed won or a percentage) for `periods` billed periods from `startsOn`, or for good. */
export function addDiscount(terms: SubscriptionTerms, discount: Discount): SubscriptionTerms {
  refuseIfCancelled(terms, "subscription.discount_cancelled", "kind");
  if (discount.startsOn && discount.startsOn < terms.startOn) {
    throw new DomainError("INVALID", "subscription.discount_before_start", { startOn: terms.startOn }, "startsOn");
  }
  return SubscriptionTerms.parse({ ...terms, discounts: [...terms.discounts, discount] });
}

/** What the admin shows for a subscription on a day; billing follows the dated terms, not this. */
export type SubscriptionState = "scheduled" | "trial" | "active" | "paused" | "cancelling" | "cancelled";

export function stateOn(terms: SubscriptionTerms, today: BusinessDate): SubscriptionState {
  if (terms.cancellation && terms.status === "cancelled" && lastServedDay(terms, terms.cancellation) < today) return "cancelled";
  if (today < terms.startOn) return "scheduled";
  if (terms.pauses.some((p) => p.from <= today && today < pauseEnds(p))) return "paused";
  if (today < addDays(terms.startOn, terms.plan.trialDays)) return "trial";
  if (terms.status === "cancelled") return "cancelling";
  return "active";
}

/** The last day the subscriber is served: the day before a cancel-now, or the end of the period holding a period-end cancellation. */
function lastServedDay(terms: SubscriptionTerms, cancellation: Cancellation): BusinessDate {
  const before = addDays(cancellation.on, -1);
  if (cancellation.mode === "now") return before;
  const last = subscriptionPeriods(terms, terms.plan, { through: cancellation.on }).filter((p) => !p.key.includes(":")).at(-1);
  return last && last.end > before ? last.end : before;
}
