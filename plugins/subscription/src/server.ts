import { defineServerBilling, defineServerPlugin } from "@sunap/api";
import { subscriptionRules } from "./contract/billing-rules.ts";
import { seedSubscriptionDemo } from "./demo-seed.ts";
import { subscriptionManifest } from "./manifest.ts";
import { subscriptionRouter } from "./router.ts";

/** Server half: the billing rules the core engine runs, the plan catalogue and lifecycle router, the demo seed. */
export const subscriptionPlugin = defineServerPlugin({
  manifest: subscriptionManifest,
  billing: defineServerBilling({ rules: subscriptionRules, changesThroughOwnRouter: true }),
  router: subscriptionRouter,
  jobs: [],
  seedDemo: seedSubscriptionDemo,
});

export type { SubscriptionRouter } from "./router.ts";
export { subscriptionRules, SUBSCRIPTION_COLLECTION_RULES } from "./contract/billing-rules.ts";
export { SubscriptionTerms, planOn, latestPlan } from "./contract/terms.ts";
export { SubscriptionSettings } from "./contract/settings.ts";
export { pause, resume, cancel, changePlan, addDiscount, stateOn, type SubscriptionState } from "./contract/lifecycle.ts";

/** The pure billing rules: schemas, periods, charges (see the plugin README). */
export * from "./billing/index.ts";
