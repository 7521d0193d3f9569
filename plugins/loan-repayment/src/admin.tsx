import { defineAdminPlugin } from "@sunap/core";
import { loanRepaymentManifest } from "./manifest.ts";

/** Admin half: menu entry and pages. Contract pages arrive with the billing engine. */
export const loanRepaymentAdmin = defineAdminPlugin({
  manifest: loanRepaymentManifest,
  pages: [],
});
