import type { AnyRouter } from "@trpc/server";
import { coreRouters } from "./app-router.ts";
import type { ServerPlugin } from "./server-plugin.ts";
import { router } from "./trpc.ts";

/**
 * The core's routers plus every plugin's sub-router under its id (`franchise-royalty.sales.list`).
 * The list is the server's registry, so the result's type is only known at run time: the admin's
 * typed client infers the core part, and each plugin's admin half has a typed client of its own.
 */
export function routerWithPlugins(plugins: readonly ServerPlugin[]): AnyRouter {
  const mounted: Record<string, AnyRouter> = {};
  for (const plugin of plugins) {
    if (!plugin.router) continue;
    const id = plugin.manifest.id;
    if (Object.hasOwn(coreRouters, id)) throw new Error(`plugin ${id} would hide the core router of the same name: choose another id`);
    mounted[id] = plugin.router;
  }
  return router({ ...coreRouters, ...mounted });
}
