import type { AppRouter } from "@sunap/server/router";
import { createSunapClient } from "@sunap/admin-kit";

/**
 * The host's tRPC client, typed with the whole app router (core and plugins). Every request names
 * the UI language and carries the CSRF token (the kit's batch link); plugin pages use the kit's
 * `coreClient` and `createPluginClient` instead.
 */
export const trpc = createSunapClient<AppRouter>();

export type Trpc = typeof trpc;
