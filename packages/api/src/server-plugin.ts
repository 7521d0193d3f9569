import type { AnyRouter } from "@trpc/server";
import type { PluginManifest } from "@sunap/core";
import type { JobDefinition } from "./jobs/index.ts";

/**
 * The server half of an industry plugin: its manifest plus what it runs. Billing (charges,
 * contract schema, settings) joins this contract with the billing engine.
 */
export interface ServerPlugin {
  manifest: PluginManifest;
  /** Mounted under the plugin's id, e.g. `donations.*`. */
  router?: AnyRouter;
  jobs: readonly JobDefinition[];
}

export function defineServerPlugin<const P extends ServerPlugin>(plugin: P): P {
  return plugin;
}
