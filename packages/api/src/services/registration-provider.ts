import type { Clock } from "@sunap/core";
import { PgSandboxBankStore, type Db, type Keyring } from "@sunap/db";
import { BankingCalendar, SandboxBank, type CmsProvider } from "@sunap/rails";

/**
 * The CMS provider this installation talks to. Today the sandbox bank, with its state in
 * PostgreSQL and answering on the injectable clock (results on the next banking day); a real
 * clearing-house adapter implementing CmsProvider would be returned here instead.
 */
export function createCmsProvider(db: Db, keyring: Keyring, clock: Clock): CmsProvider {
  return new SandboxBank({ clock, calendar: BankingCalendar.korea(), store: new PgSandboxBankStore(db, keyring), resultDelayBankingDays: 1 });
}
