import type { Logger } from "pino";
import type { Role } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import type { AppClock } from "./app-clock.ts";
import type { PluginManifest } from "@sunap/core";
import type { BillingRegistry } from "./billing-registry.ts";
import type { CmsProviderFactory } from "./services/registration-provider.ts";

export type Locale = "ko" | "en";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** Stores a store owner may see; empty for other roles. */
  storeIds: number[];
}

export interface SessionInfo {
  user: SessionUser;
  tokenHash: string;
  csrfToken: string;
}

/** How the transport lets a procedure set or clear the session cookie. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface ServerSettings {
  demoMode: boolean;
  sessionTtlHours: number;
  /** The configured CMS rail; the sandbox bank when absent (demo, tests). */
  cmsProvider?: CmsProviderFactory;
}

/** Everything a procedure may use. Built per request by the transport (apps/server). */
export interface Context {
  db: Db;
  /** Keys for personal data at rest (see packages/db/src/pii). */
  keyring: Keyring;
  clock: AppClock;
  log: Logger;
  settings: ServerSettings;
  plugins: readonly PluginManifest[];
  /** The server's plugins by id: their billing rules, routers and manifests. */
  billing: BillingRegistry;
  ip: string;
  userAgent: string | undefined;
  locale: Locale;
  session: SessionInfo | null;
  /** The `x-csrf-token` header, checked against the session on every mutation. */
  csrfHeader: string | undefined;
  cookies: SessionCookieJar;
}
