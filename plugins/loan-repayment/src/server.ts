import { defineServerPlugin } from "@sunap/api";
import { loanRepaymentManifest } from "./manifest.ts";

/** Server half. Charges, contracts and the plugin's own router arrive with the billing engine. */
export const loanRepaymentPlugin = defineServerPlugin({
  manifest: loanRepaymentManifest,
  jobs: [],
});
