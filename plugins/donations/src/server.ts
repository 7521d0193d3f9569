import { defineServerPlugin } from "@sunap/api";
import { donationsManifest } from "./manifest.ts";

/** Server half. Charges, contracts and the plugin's own router arrive with the billing engine. */
export const donationsPlugin = defineServerPlugin({
  manifest: donationsManifest,
  jobs: [],
});
