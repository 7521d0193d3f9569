import type { AnyRouter } from "@trpc/server";
import type { BillingRules, BusinessDate, ContractFacts, PluginManifest } from "@sunap/core";
import type { Db, DbOrTx, Keyring, Tx } from "@sunap/db";
import type { Actor } from "./audit.ts";
import type { JobDefinition } from "./jobs/index.ts";
import type { EncryptedColumns } from "./services/key-rotation.ts";
import type { ContractService } from "./services/contract-service.ts";

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
  /**
   * The plugin creates and changes its contracts only through its own router (which checks more
   * than the terms schema); the core's generic create and updateTerms then refuse them.
   */
  changesThroughOwnRouter?: boolean;
  loadInputs?(db: DbOrTx, contract: LoadedContract<Terms>, through: BusinessDate): Promise<Inputs>;
}

/**
 * What a plugin's demo seed is given: the demo organisation's stores and payers, and the services
 * to create contracts with. The seed runs once on an empty database; the billing engine runs after
 * every plugin's seed, so contracts started in the past get their invoices by catch-up.
 */
export interface DemoSeedContext {
  db: Db;
  keyring: Keyring;
  today: BusinessDate;
  contracts: ContractService;
  actor: Actor;
  stores: readonly { id: number; code: string; name: string; region: string }[];
  /** The demo payers; `plugins` lists the plugin ids the payer belongs to. */
  payers: readonly { id: number; payerCode: string; name: string; kind: "individual" | "business"; storeId: number | null; plugins: readonly string[] }[];
}

/** The server half of an industry plugin: its manifest plus what it runs. */
export interface ServerPlugin {
  manifest: PluginManifest;
  /** Mounted under the plugin's id, e.g. `donations.*`. */
  router?: AnyRouter;
  jobs: readonly JobDefinition[];
  /** Encrypted columns of the plugin's own tables, re-encrypted by `sunap rotate-keys` with the core's. */
  encryptedColumns?: readonly EncryptedColumns[];
  /** Absent for a plugin that bills nothing (reports only). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each plugin has its own terms; the engine only passes them back
  billing?: ServerBilling<any, any, any>;
  /**
   * Erases the personal data the plugin keeps in its own tables when retention redacts a payer, in
   * the redaction's transaction (a failure leaves the payer unredacted, to be tried again the next
   * day). Returns how many rows it changed, for the audit record.
   */
  retention?: { redactPayer(tx: Tx, payerId: number): Promise<number> };
  /** Demo data of its own (contracts and plugin rows), created when the demo database is first seeded. */
  seedDemo?(context: DemoSeedContext): Promise<void>;
}

export function defineServerPlugin<const P extends ServerPlugin>(plugin: P): P {
  return plugin;
}

export function defineServerBilling<Terms, Settings, Inputs = undefined>(billing: ServerBilling<Terms, Settings, Inputs>): ServerBilling<Terms, Settings, Inputs> {
  return billing;
}
