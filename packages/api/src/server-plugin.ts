import type { AnyRouter } from "@trpc/server";
import type { BillingRules, BusinessDate, ContractFacts, PluginManifest } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import type { JobDefinition } from "./jobs/index.ts";

/** A contract as the engine hands it to a plugin's input loader: the facts and the parsed terms. */
export interface LoadedContract<Terms> extends ContractFacts {
  terms: Terms;
}

/**
 * The server half of a plugin's billing: its pure rules, plus a loader for what the rules need from
 * the database on a run (a royalty needs the store's sales reports; most plugins need nothing).
 */
export interface ServerBilling<Terms = unknown, Settings = unknown, Inputs = unknown> {
  rules: BillingRules<Terms, Settings, Inputs>;
  /** Called once per contract per run, in the run's transaction; `through` is the run's date. */
  loadInputs?(db: DbOrTx, contract: LoadedContract<Terms>, through: BusinessDate): Promise<Inputs>;
}

/** The server half of an industry plugin: its manifest plus what it runs. */
export interface ServerPlugin {
  manifest: PluginManifest;
  /** Mounted under the plugin's id, e.g. `donations.*`. */
  router?: AnyRouter;
  jobs: readonly JobDefinition[];
  /** Absent for a plugin that bills nothing (reports only). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each plugin has its own terms; the engine only passes them back
  billing?: ServerBilling<any, any, any>;
}

export function defineServerPlugin<const P extends ServerPlugin>(plugin: P): P {
  return plugin;
}

export function defineServerBilling<Terms, Settings, Inputs = undefined>(billing: ServerBilling<Terms, Settings, Inputs>): ServerBilling<Terms, Settings, Inputs> {
  return billing;
}
