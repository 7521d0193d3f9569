import { createTRPCClient, type TRPCClient } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import type { CoreRouter } from "@sunap/api";
import { sunapBatchLink } from "./client-options.ts";
import { prefixPathLink } from "./prefix-path-link.ts";

/** A client for any router served on `/trpc` from the root (the host types it with the whole app router). */
export function createSunapClient<TRouter extends AnyRouter>(): TRPCClient<TRouter> {
  return createTRPCClient<TRouter>({ links: [sunapBatchLink<TRouter>()] });
}

/** The core's procedures (contracts, invoices, payers, stores, …) for plugin pages, which never import the host. */
export const coreClient: TRPCClient<CoreRouter> = createSunapClient<CoreRouter>();

/**
 * A typed client for a plugin's own sub-router: `createPluginClient<typeof loansRouter>("loan-repayment")`
 * calls `loans.preview` as `loan-repayment.loans.preview` on the server.
 */
export function createPluginClient<TRouter extends AnyRouter>(pluginId: string): TRPCClient<TRouter> {
  return createTRPCClient<TRouter>({ links: [prefixPathLink<TRouter>(pluginId), sunapBatchLink<TRouter>()] });
}
