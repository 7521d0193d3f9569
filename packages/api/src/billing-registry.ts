import { DomainError, type PluginManifest } from "@sunap/core";
import type { ServerBilling, ServerPlugin } from "./server-plugin.ts";

/**
 * The server's plugins seen by what the core needs of them: each one's billing by id, and the
 * manifests. Built once from the server's plugin list; the core looks plugins up here and never
 * asks which one it is talking to.
 */
export class BillingRegistry {
  readonly plugins: readonly ServerPlugin[];
  readonly manifests: readonly PluginManifest[];
  private readonly byId: ReadonlyMap<string, ServerPlugin>;

  constructor(plugins: readonly ServerPlugin[]) {
    const byId = new Map<string, ServerPlugin>();
    for (const plugin of plugins) {
      if (byId.has(plugin.manifest.id)) throw new Error(`two plugins are registered as ${plugin.manifest.id}: a plugin id must be unique`);
      byId.set(plugin.manifest.id, plugin);
    }
    this.plugins = [...plugins];
    this.manifests = this.plugins.map((p) => p.manifest);
    this.byId = byId;
  }

  /** Ids of the plugins that bill (in registry order). */
  get billingPluginIds(): string[] {
    return this.plugins.filter((p) => p.billing).map((p) => p.manifest.id);
  }

  plugin(pluginId: string): ServerPlugin | undefined {
    return this.byId.get(pluginId);
  }

  /** The plugin's billing, or undefined when it is unknown or bills nothing. */
  billingOf(pluginId: string): ServerBilling | undefined {
    return this.byId.get(pluginId)?.billing;
  }

  /** The plugin's billing; an unknown plugin, or one that bills nothing, is bad input naming `pluginId`. */
  requireBilling(pluginId: string): ServerBilling {
    const billing = this.billingOf(pluginId);
    if (!billing) throw new DomainError("INVALID", "contract.unknown_plugin", { pluginId }, "pluginId");
    return billing;
  }
}

/** A registry with no plugins: the core alone. */
export const EMPTY_BILLING_REGISTRY = new BillingRegistry([]);
