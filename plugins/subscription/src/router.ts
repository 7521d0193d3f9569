import { router } from "@sunap/api";
import { plansRouter } from "./plans/plans-router.ts";
import { subscriptionsRouter } from "./subscriptions/subscriptions-router.ts";

/** Mounted by the host under the plugin's id: `subscription.plans.*`, `subscription.subscriptions.*`. */
export const subscriptionRouter = router({
  plans: plansRouter,
  subscriptions: subscriptionsRouter,
});
export type SubscriptionRouter = typeof subscriptionRouter;
