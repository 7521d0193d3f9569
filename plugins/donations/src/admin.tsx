import { defineAdminPlugin } from "@sunap/core";
import { donationsManifest } from "./manifest.ts";

/** Admin half: menu entry and pages. Contract pages arrive with the billing engine. */
export const donationsAdmin = defineAdminPlugin({
  manifest: donationsManifest,
  pages: [],
});
