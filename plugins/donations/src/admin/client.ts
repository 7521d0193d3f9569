import { createPluginClient } from "@sunap/admin-kit";
import type { DonationsRouter } from "../server/router.ts";
import { donationsManifest } from "../manifest.ts";

/** The plugin's own procedures (`donations.pledges.*`, `donations.receipts.*`, …), typed. */
export const donationsClient = createPluginClient<DonationsRouter>(donationsManifest.id);
export const PLUGIN_ID = donationsManifest.id;

export const paths = {
  list: `/plugins/${PLUGIN_ID}/contracts`,
  create: `/plugins/${PLUGIN_ID}/contracts/new`,
  detail: (id: number) => `/plugins/${PLUGIN_ID}/contracts/${id}`,
  edit: (id: number) => `/plugins/${PLUGIN_ID}/contracts/${id}/edit`,
};
