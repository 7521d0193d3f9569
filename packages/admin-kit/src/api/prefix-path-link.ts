import type { TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";

/**
 * Rewrites every operation's path from `contracts.list` to `<prefix>.contracts.list`: a plugin's
 * sub-router, typed on its own, is mounted under its id on the one `/trpc` endpoint.
 */
export function prefixPathLink<TRouter extends AnyRouter>(prefix: string): TRPCLink<TRouter> {
  if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`Invalid tRPC path prefix: ${prefix}`);
  return () =>
    ({ op, next }) =>
      next({ ...op, path: `${prefix}.${op.path}` });
}
