import { router } from "./trpc.ts";
import { authRouter } from "./routers/auth-router.ts";
import { organizationRouter } from "./routers/organization-router.ts";
import { storesRouter } from "./routers/stores-router.ts";
import { usersRouter } from "./routers/users-router.ts";
import { ledgerRouter } from "./routers/ledger-router.ts";
import { periodsRouter } from "./routers/periods-router.ts";
import { auditRouter } from "./routers/audit-router.ts";
import { dashboardRouter } from "./routers/dashboard-router.ts";
import { clockRouter } from "./routers/clock-router.ts";
import { pluginsRouter } from "./routers/plugins-router.ts";
import { payersRouter } from "./routers/payers-router.ts";

/** The core's routers. Plugins' sub-routers are mounted beside these by the server's registry. */
export const coreRouters = {
  auth: authRouter,
  organization: organizationRouter,
  stores: storesRouter,
  users: usersRouter,
  ledger: ledgerRouter,
  periods: periodsRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  clock: clockRouter,
  plugins: pluginsRouter,
  payers: payersRouter,
};

export const coreRouter = router(coreRouters);
