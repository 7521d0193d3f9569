import { createPluginClient } from "@sunap/admin-kit";
import type { SubscriptionRouter } from "../router.ts";
import { subscriptionManifest } from "../manifest.ts";

/** The plugin's own procedures (`subscription.plans.*`, `subscription.subscriptions.*`), typed. */
export const subscriptionClient = createPluginClient<SubscriptionRouter>(subscriptionManifest.id);
export const PLUGIN_ID = subscriptionManifest.id;
