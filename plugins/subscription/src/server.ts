import { defineServerPlugin } from "@sunap/api";
import { subscriptionManifest } from "./manifest.ts";

/** Server half. Charges, contracts and the plugin's own router arrive with the billing engine. */
export const subscriptionPlugin = defineServerPlugin({
  manifest: subscriptionManifest,
  jobs: [],
});
