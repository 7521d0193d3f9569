import { defineAdminPlugin } from "@sunap/core";
import { franchiseRoyaltyManifest } from "./manifest.ts";

/** Admin half: menu entry and pages. Contract pages arrive with the billing engine. */
export const franchiseRoyaltyAdmin = defineAdminPlugin({
  manifest: franchiseRoyaltyManifest,
  pages: [],
});
