import { coreRouters, router } from "@sunap/api";

/** Core routers plus every plugin's sub-router under its id. */
export const appRouter = router({ ...coreRouters });

export type AppRouter = typeof appRouter;
