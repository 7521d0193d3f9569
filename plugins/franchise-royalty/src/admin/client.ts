import { createPluginClient } from "@sunap/admin-kit";
import type { RoyaltyRouter } from "../server/router.ts";
import { franchiseRoyaltyManifest } from "../manifest.ts";

/** The plugin's own procedures (`franchise-royalty.*`), typed from its router. */
export const royaltyClient = createPluginClient<RoyaltyRouter>(franchiseRoyaltyManifest.id);
export const PLUGIN_ID = franchiseRoyaltyManifest.id;
