import { defineServerPlugin } from "@sunap/api";
import { subscriptionManifest } from "./manifest.ts";

/** Server half. Charges, contracts and the plugin's own router arrive with the billing engine. */
export const subscriptionPlugin = defineServerPlugin({
  manifest: subscriptionManifest,
  jobs: [],
});

/** The pure billing rules: schemas, periods, charges (see the plugin README). */
export * from "./billing/index.ts";
