import { defineAdminPlugin } from "@sunap/core";
import { subscriptionManifest } from "./manifest.ts";

/** Admin half: menu entry and pages. Contract pages arrive with the billing engine. */
export const subscriptionAdmin = defineAdminPlugin({
  manifest: subscriptionManifest,
  pages: [],
});
