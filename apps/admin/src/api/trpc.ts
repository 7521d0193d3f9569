import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@sunap/server/router";
import { getCsrfToken } from "../auth/csrf.ts";
import { getCurrentLocale } from "../i18n/current-locale.ts";

/**
 * The one tRPC client. Every request names the UI language (the server translates its error
 * messages with it) and carries the CSRF token, which the server checks on every mutation.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      transformer: superjson,
      maxURLLength: 4000,
      headers() {
        const headers: Record<string, string> = { "Accept-Language": getCurrentLocale() };
        const csrf = getCsrfToken();
        if (csrf) headers["x-csrf-token"] = csrf;
        return headers;
      },
      fetch(url, options) {
        return fetch(url, { ...options, credentials: "same-origin" });
      },
    }),
  ],
});

export type Trpc = typeof trpc;
