import type { AuthProvider } from "@refinedev/core";
import { trpc } from "../api/trpc.ts";
import { toHttpError, getCurrentLocale, hasStoredLocale, setCsrfToken } from "@sunap/admin-kit";
import { queryClient } from "../api/query-client.ts";
import { loadMe } from "./session.ts";

export interface Identity {
  id: number;
  name: string;
  email: string;
  role: string;
  storeIds: number[];
}

/** Sign-in, sign-out and "who is this" over the session cookie the server sets. */
export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    try {
      const { csrfToken } = await trpc.auth.login.mutate({ email: String(email).trim(), password: String(password) });
      setCsrfToken(csrfToken);
      queryClient.clear();
      const me = await loadMe({ fresh: true });
      // A language chosen on this browser before signing in wins over the one stored on the account.
      if (me.user && hasStoredLocale() && me.user.locale !== getCurrentLocale()) {
        await trpc.auth.setLocale.mutate({ locale: getCurrentLocale() }).catch(() => undefined);
      }
      return { success: true, redirectTo: "/" };
    } catch (error) {
      return { success: false, error: toHttpError(error) };
    }
  },

  async logout() {
    try {
      await trpc.auth.logout.mutate();
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    setCsrfToken(null);
    queryClient.clear();
    return { success: true, redirectTo: "/login" };
  },

  async check() {
    try {
      const me = await loadMe();
      if (me.user) return { authenticated: true };
      return { authenticated: false, redirectTo: "/login", logout: true };
    } catch (error) {
      return { authenticated: false, redirectTo: "/login", error: toHttpError(error) };
    }
  },

  async onError(error: { statusCode?: number }) {
    if (error?.statusCode === 401) {
      setCsrfToken(null);
      queryClient.removeQueries({ queryKey: ["sunap"] });
      return { logout: true, redirectTo: "/login" };
    }
    return {};
  },

  async getIdentity(): Promise<Identity | null> {
    const me = await loadMe();
    return me.user ? { id: me.user.id, name: me.user.name, email: me.user.email, role: me.user.role, storeIds: me.user.storeIds } : null;
  },

  async getPermissions() {
    const me = await loadMe();
    return me.permissions;
  },
};
