import type { Clock } from "@sunap/core";
import { PgSandboxBankStore, type Db, type Keyring } from "@sunap/db";
import { loadBankingCalendar } from "./banking-calendar-service.ts";
import { BankingCalendar, FileExchangeCmsProvider, SandboxBank, type CmsFileRejection, type CmsProvider } from "@sunap/rails";

/** What a CMS provider may need to be built for one use: the sandbox keeps its state in PostgreSQL. */
export interface CmsProviderDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  /** The banking days in force (shipped data plus the admin's changes); the shipped data when not loaded. */
  calendar?: BankingCalendar;
}

/**
 * How this installation reaches the bank side, chosen once from configuration (apps/server) and
 * handed to the routers (server settings) and the registration jobs; the rest never asks which.
 */
export type CmsProviderFactory = (deps: CmsProviderDeps) => CmsProvider;

/** The sandbox bank, answering on the injectable clock (results on the next banking day): demo, tests. */
export const sandboxCmsProvider: CmsProviderFactory = ({ db, keyring, clock, calendar }) =>
  new SandboxBank({ clock, calendar: calendar ?? BankingCalendar.korea(), store: new PgSandboxBankStore(db, keyring), resultDelayBankingDays: 1 });

/**
 * The CMS provider this installation talks to, for real-time calls (the holder check on the
 * consent page), which count no banking days: the configured one, the sandbox bank when none is given.
 */
export function createCmsProvider(db: Db, keyring: Keyring, clock: Clock, factory: CmsProviderFactory = sandboxCmsProvider): CmsProvider {
  return factory({ db, keyring, clock });
}

/** The provider for file exchanges (registrations, debits), counting banking days in the calendar in force. */
export async function loadCmsProvider(db: Db, keyring: Keyring, clock: Clock, factory: CmsProviderFactory = sandboxCmsProvider): Promise<CmsProvider> {
  return factory({ db, keyring, clock, calendar: await loadBankingCalendar(db) });
}

/** The CMS rail as configuration chooses it (apps/server maps the environment onto this). */
export type CmsRailConfig =
  | { provider: "sandbox" }
  | { provider: "file-exchange"; outboundDirectory: string; inboundDirectory: string; onRejected?: (rejection: CmsFileRejection) => void };

/** The one place a CMS provider is chosen by name. */
export function cmsProviderFactory(config: CmsRailConfig): CmsProviderFactory {
  if (config.provider === "sandbox") return sandboxCmsProvider;
  // Stateless but for its folders: one instance serves every request and job.
  const exchange = new FileExchangeCmsProvider({ outboundDirectory: config.outboundDirectory, inboundDirectory: config.inboundDirectory, onRejected: config.onRejected });
  return () => exchange;
}
