import { z } from "zod";
import { Plan } from "../billing/plan.ts";
import { Subscription } from "../billing/subscription.ts";

/**
 * A subscription contract's terms as stored (jsonb): the subscription and a COPY of the plan it
 * started on. Plans it changed to are copied into `planChanges`. Billing reads only these copies,
 * so editing or deactivating a plan in the catalogue never re-prices a period.
 */
export const SubscriptionTerms = Subscription.safeExtend({ plan: Plan }).superRefine((terms, ctx) => {
  if (terms.planCode !== terms.plan.code) ctx.addIssue({ code: "custom", message: "subscription.plan_copy_mismatch", path: ["plan", "code"] });
});
export type SubscriptionTerms = z.infer<typeof SubscriptionTerms>;

/** The plan in force on a day: the last plan change effective by then, or the starting plan. */
export function planOn(terms: SubscriptionTerms, day: string): Plan {
  const changes = [...terms.planChanges].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1));
  return changes.findLast((c) => c.effectiveOn <= day)?.plan ?? terms.plan;
}

/** The plan the subscription ends up on once every recorded change has taken effect. */
export function latestPlan(terms: SubscriptionTerms): Plan {
  return planOn(terms, "9999-12-31");
}
