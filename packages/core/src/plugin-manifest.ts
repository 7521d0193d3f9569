import type { AccountDefinition } from "./chart-of-accounts.ts";
import type { Permission } from "./roles.ts";

/**
 * What every industry plugin declares about itself, shared by both halves (server and admin).
 * The server half adds its router, jobs and charges; the admin half its pages. The host only
 * iterates plugins: it never asks for one by id.
 */
export interface PluginManifest {
  id: string;
  name: { ko: string; en: string };
  description: { ko: string; en: string };
  /** Ant Design icon name shown in the menu. */
  icon: string;
  /** Ledger accounts the plugin's charge lines post to, beyond the core chart. */
  accounts: readonly AccountDefinition[];
  /** Dimensions the plugin's reports can be grouped by. */
  reportDimensions: readonly string[];
}

export function definePluginManifest<const M extends PluginManifest>(manifest: M): M {
  return manifest;
}

/**
 * The admin half of a plugin. `Page` is the front end's element type (React in the admin);
 * core stays free of it, so the same contract serves any front end.
 */
export interface AdminPluginPage<Page = unknown> {
  /** Below `/plugins/<id>/`; may hold route parameters (`contracts/:id`). */
  path: string;
  label: { ko: string; en: string };
  element: Page;
  /** Needed to open the page (and to see it in the menu). Default `contract.read`. */
  permission?: Permission;
  /** Routed but not in the menu: detail and edit pages, reached from a list. */
  hidden?: boolean;
}

export interface AdminPluginDefinition<Page = unknown> {
  manifest: PluginManifest;
  pages: readonly AdminPluginPage<Page>[];
}

export function defineAdminPlugin<Page = unknown>(plugin: AdminPluginDefinition<Page>): AdminPluginDefinition<Page> {
  return plugin;
}
