import { useQuery } from "@tanstack/react-query";
import { trpc } from "../api/trpc.ts";
import { queryClient } from "../api/query-client.ts";
import { toHttpError, setCsrfToken } from "@sunap/admin-kit";
import type { Me } from "../api/types.ts";

export const ME_QUERY_KEY = ["sunap", "auth.me"] as const;

async function fetchMe(): Promise<Me> {
  try {
    const me = await trpc.auth.me.query();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    throw toHttpError(error);
  }
}

/** Who is signed in, what they may do, the business date: cached briefly, refreshed on sign-in/out. */
export function loadMe(options: { fresh?: boolean } = {}): Promise<Me> {
  return queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: options.fresh ? 0 : 30_000 });
}

export function cachedMe(): Me | undefined {
  return queryClient.getQueryData<Me>(ME_QUERY_KEY);
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 30_000 });
}

export function hasPermission(me: Me | undefined, permission: string): boolean {
  return Boolean((me?.permissions as readonly string[] | undefined)?.includes(permission));
}
