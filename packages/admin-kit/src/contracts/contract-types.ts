import type { coreClient } from "../api/clients.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** A contract as the core's `contracts` router returns it; `terms` is the plugin's (cast it with its own type). */
export type ContractView = Output<typeof coreClient.contracts.get.query>;
export type ContractRow = Output<typeof coreClient.contracts.list.query>["data"][number];
/** A period the engine would bill next, with its charge lines (contracts.preview). */
export type PreviewedPeriod = Output<typeof coreClient.contracts.preview.query>[number];

/** Where a plugin's contract detail page lives unless the plugin says otherwise. */
export function defaultContractPath(pluginId: string, contractId: number): string {
  return `/plugins/${pluginId}/contracts/${contractId}`;
}
