import { router } from "./trpc.ts";
import { authRouter } from "./routers/auth-router.ts";
import { organizationRouter } from "./routers/organization-router.ts";
import { storesRouter } from "./routers/stores-router.ts";
import { usersRouter } from "./routers/users-router.ts";
import { ledgerRouter } from "./routers/ledger-router.ts";
import { paymentsRouter } from "./routers/payments-router.ts";
import { periodsRouter } from "./routers/periods-router.ts";
import { auditRouter } from "./routers/audit-router.ts";
import { dashboardRouter } from "./routers/dashboard-router.ts";
import { clockRouter } from "./routers/clock-router.ts";
import { pluginsRouter } from "./routers/plugins-router.ts";
import { payersRouter } from "./routers/payers-router.ts";
import { enrollRouter } from "./routers/enroll-router.ts";
import { enrollmentLinksRouter } from "./routers/enrollment-links-router.ts";
import { consentsRouter, banksRouter } from "./routers/consents-router.ts";
import { registrationsRouter } from "./routers/registrations-router.ts";
import { messagesRouter } from "./routers/messages-router.ts";
import { contractsRouter } from "./routers/contracts-router.ts";
import { pluginSettingsRouter } from "./routers/plugin-settings-router.ts";
import { billingRouter } from "./routers/billing-router.ts";
import { invoicesRouter } from "./routers/invoices-router.ts";
import { creditNotesRouter } from "./routers/credit-notes-router.ts";
import { bankingCalendarRouter } from "./routers/banking-calendar-router.ts";

/** The core's routers. Plugins' sub-routers are mounted beside these by the server's registry. */
export const coreRouters = {
  auth: authRouter,
  organization: organizationRouter,
  stores: storesRouter,
  users: usersRouter,
  ledger: ledgerRouter,
  payments: paymentsRouter,
  periods: periodsRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  clock: clockRouter,
  plugins: pluginsRouter,
  payers: payersRouter,
  messages: messagesRouter,
  enroll: enrollRouter,
  enrollmentLinks: enrollmentLinksRouter,
  consents: consentsRouter,
  banks: banksRouter,
  registrations: registrationsRouter,
  contracts: contractsRouter,
  pluginSettings: pluginSettingsRouter,
  billing: billingRouter,
  invoices: invoicesRouter,
  creditNotes: creditNotesRouter,
  bankingCalendar: bankingCalendarRouter,
};

export const coreRouter = router(coreRouters);

/** The core router's type, for front-end clients that must not depend on the server app or a plugin (the admin kit). */
export type CoreRouter = typeof coreRouter;
