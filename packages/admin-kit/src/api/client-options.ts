import { httpBatchLink, type TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import superjson from "superjson";
import { getCsrfToken } from "./csrf.ts";
import { getCurrentLocale } from "../locale/current-locale.ts";

/** The headers of every admin call: the UI language (the server translates its messages) and the CSRF token (checked on mutations). */
export function sunapHeaders(): Record<string, string> {
  const headers: Record<string, string> = { "Accept-Language": getCurrentLocale() };
  const csrf = getCsrfToken();
  if (csrf) headers["x-csrf-token"] = csrf;
  return headers;
}

/** The terminating link to `/trpc`: batched, superjson (bigint and Date survive), the session cookie sent same-origin only. */
export function sunapBatchLink<TRouter extends AnyRouter>(): TRPCLink<TRouter> {
  return httpBatchLink({
    url: "/trpc",
    transformer: superjson,
    maxURLLength: 4000,
    headers: sunapHeaders,
    fetch(url: RequestInfo | URL, options?: RequestInit) {
      return fetch(url, { ...options, credentials: "same-origin" });
    },
    // Every Sunap router uses superjson; a generic router type cannot prove it, hence the cast.
  } as unknown as Parameters<typeof httpBatchLink<TRouter>>[0]);
}
