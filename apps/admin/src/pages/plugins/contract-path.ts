import { defaultContractPath } from "@sunap/admin-kit";
import { adminPlugins } from "../../plugins.ts";

/**
 * Where a plugin shows one contract: its `contracts/:id` page, or else its one detail page with
 * an `:id` parameter (a loan plugin names them `loans/:id`), or the default path.
 */
export function contractPathIn(pages: readonly { path: string }[], pluginId: string, contractId: number): string {
  const detail = pages.find((page) => page.path === "contracts/:id") ?? pages.find((page) => /^[\w-]+\/:id$/.test(page.path));
  return detail ? `/plugins/${pluginId}/${detail.path.replace(":id", String(contractId))}` : defaultContractPath(pluginId, contractId);
}

export function contractPathOf(pluginId: string, contractId: number): string {
  return contractPathIn(adminPlugins.find((p) => p.manifest.id === pluginId)?.pages ?? [], pluginId, contractId);
}
