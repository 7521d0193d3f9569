import { routerWithPlugins, type coreRouter, type ServerPlugin } from "@sunap/api";

/**
 * The type the admin's client infers: the core's routers. Plugins' sub-routers are mounted beside
 * them at run time (see `buildAppRouter`); each plugin's admin half has a typed client of its own.
 */
export type AppRouter = typeof coreRouter;

/** Core routers plus every plugin's sub-router under its id, from the server's registry. */
export function buildAppRouter(plugins: readonly ServerPlugin[]): AppRouter {
  return routerWithPlugins(plugins) as AppRouter;
}
