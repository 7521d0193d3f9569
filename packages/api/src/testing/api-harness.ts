import { pino } from "pino";
import superjson from "superjson";
import { TRPCError, type AnyProcedure, type AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { businessDateToDb, CORE_ACCOUNTS, DomainError, PERMISSIONS, ROLES, type BusinessDate, type Permission, type PluginManifest, type Role } from "@sunap/core";
import { generateDevKeyring, syncChartOfAccounts, type Db, type Keyring } from "@sunap/db";
import { createTestDatabase } from "@sunap/db/testing";
import { AppClock } from "../app-clock.ts";
import { coreRouter } from "../app-router.ts";
import { BillingRegistry } from "../billing-registry.ts";
import { routerWithPlugins } from "../plugin-routers.ts";
import type { ServerPlugin } from "../server-plugin.ts";
import { recordAudit } from "../audit.ts";
import { loadSession, signIn } from "../auth/session-service.ts";
import type { Context, Locale, ServerSettings, SessionCookieJar } from "../context.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { createUser } from "../services/user-service.ts";
import { createCallerFactory, type FieldError, type Meta } from "../trpc.ts";

/** Every role's user signs in with this; it satisfies the password policy for each e-mail. */
export const HARNESS_PASSWORD = "Sunap-Harness-2026";
/** The business date the harness pins unless a test moves it. */
export const HARNESS_TODAY = "2026-03-16";
export const HARNESS_IP = "203.0.113.10";
/** A real business registration number (its check digit is right). */
export const VALID_BUSINESS_NUMBER = "220-81-62517";

export const ORGANIZATION = {
  legalName: "(주)수납테스트",
  businessNumber: VALID_BUSINESS_NUMBER,
  representative: "김수납",
  address: "서울특별시 중구 세종대로 110",
  cmsInstitutionCode: "SUNAP0001",
  settlementBankCode: "004",
  settlementAccount: "110-123-456789",
  timeZone: "Asia/Seoul",
  creditorText: "(주)수납테스트가 매월 정기 수납합니다.",
};

/**
 * The application clock with a hand on it: the business date is pinned through the same
 * `clock_override` row the demo control writes, and "now" can be moved forward.
 */
export class TestClock extends AppClock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  resetNow(): void {
    this.offsetMs = 0;
  }
}

/** Typed for the core's routers; a plugin's procedures are there too at run time (reach them with `callPath`). */
export type CoreCaller = ReturnType<typeof coreRouter.createCaller>;

/** A cookie jar that remembers what a procedure did to the session cookie. */
export interface RecordingCookieJar extends SessionCookieJar {
  token: string | null;
  expiresAt: Date | null;
  cleared: boolean;
}

export function recordingCookieJar(): RecordingCookieJar {
  return {
    token: null,
    expiresAt: null,
    cleared: false,
    set(token, expiresAt) {
      this.token = token;
      this.expiresAt = expiresAt;
    },
    clear() {
      this.token = null;
      this.cleared = true;
    },
  };
}

export interface CallerOptions {
  /** Send the session's CSRF token on mutations (default true). */
  csrf?: boolean;
  /** Send this header value instead (e.g. a wrong token). */
  csrfHeader?: string;
  ip?: string;
  userAgent?: string;
  locale?: Locale;
  /** Overrides the server's demo mode for this request. */
  demoMode?: boolean;
  cookies?: SessionCookieJar;
}

export interface HarnessUser {
  id: number;
  email: string;
  password: string;
  /** The session token the harness signed in with. */
  token: string;
}

export interface SeededStore {
  id: number;
  code: string;
}

/** The error a client receives: the shape after the router's errorFormatter. */
export interface ClientError {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; path?: string; domainCode: string | null; fieldErrors: FieldError[] };
}

export interface ClientResponse {
  status: number;
  result?: unknown;
  error?: ClientError;
}

export interface ApiHarness {
  db: Db;
  url: string;
  clock: TestClock;
  settings: ServerSettings;
  keyring: Keyring;
  /** The server plugins the harness was given, as the server's registry. */
  billing: BillingRegistry;
  /** The core's routers plus each server plugin's under its id: what the server mounts. */
  router: AnyRouter;
  stores: { a: SeededStore; b: SeededStore };
  users: Record<Role, HarnessUser>;
  /** A caller signed in as the role's user (the store owner owns store A only). */
  callerFor(role: Role, options?: CallerOptions): CoreCaller;
  /** A caller presenting this session token (null: nobody signed in). */
  callerWithToken(token: string | null, options?: CallerOptions): CoreCaller;
  /** The context the server would build for this token, loaded now. */
  contextFor(token: string | null, options?: CallerOptions): Promise<Context>;
  /** Calls a procedure over HTTP (tRPC's fetch adapter), so errors arrive formatted as a client sees them. */
  request(who: Role | null, path: string, input: unknown, options?: CallerOptions & { type?: "query" | "mutation" }): Promise<ClientResponse>;
  /** Pins the business date as the demo control does (null: the real calendar). */
  setToday(today: BusinessDate | null): Promise<void>;
  /** Creates and signs in one more user; argon2 makes this ~100 ms, so do it in beforeAll. */
  addUser(input: { email: string; role: Role; password?: string; storeIds?: number[]; name?: string }): Promise<HarnessUser>;
  drop(): Promise<void>;
}

const SEED_ACTOR = { id: null, email: "harness@sunap.test", ip: null };
const seedAudit: AuditSink = (tx, event) => recordAudit(tx, SEED_ACTOR, event);

/**
 * A migrated database of its own with the chart, the organisation, stores A and B, and one
 * signed-in user per role; callers built the way the HTTP server builds its context.
 */
export async function createApiHarness(options: { plugins?: readonly PluginManifest[]; serverPlugins?: readonly ServerPlugin[]; today?: BusinessDate } = {}): Promise<ApiHarness> {
  const database = await createTestDatabase();
  const { db } = database;
  const settings: ServerSettings = { demoMode: true, sessionTtlHours: 8 };
  const clock = new TestClock("Asia/Seoul", true);
  const log = pino({ level: "silent" });
  const billing = new BillingRegistry(options.serverPlugins ?? []);
  const plugins = options.plugins ?? billing.manifests;
  const appRouter = routerWithPlugins(billing.plugins);
  const createAppCaller = createCallerFactory(appRouter);

  await syncChartOfAccounts(db, [...CORE_ACCOUNTS, ...billing.plugins.flatMap((p) => p.manifest.accounts.map((a) => ({ ...a, pluginId: p.manifest.id })))]);
  await db.organization.create({ data: { id: 1, ...ORGANIZATION } });
  const storeA = await db.store.create({ data: { code: "GANGNAM", name: "강남점", region: "서울", openedOn: businessDateToDb("2024-03-01") } });
  const storeB = await db.store.create({ data: { code: "HONGDAE", name: "홍대점", region: "서울", openedOn: businessDateToDb("2024-09-01") } });

  async function setToday(today: BusinessDate | null): Promise<void> {
    if (today === null) await db.clockOverride.deleteMany({});
    else await db.clockOverride.upsert({ where: { id: 1 }, create: { id: 1, today: businessDateToDb(today) }, update: { today: businessDateToDb(today) } });
    await clock.refresh(db);
  }
  await setToday(options.today ?? HARNESS_TODAY);

  async function addUser(input: { email: string; role: Role; password?: string; storeIds?: number[]; name?: string }): Promise<HarnessUser> {
    const password = input.password ?? HARNESS_PASSWORD;
    const user = await createUser(db, { email: input.email, name: input.name ?? input.email.split("@")[0]!, role: input.role, password, storeIds: input.storeIds ?? [] }, seedAudit);
    const { token } = await signIn(db, { email: input.email, password, ip: "127.0.0.1" }, clock.now(), settings.sessionTtlHours);
    return { id: user.id, email: user.email, password, token };
  }

  const created = await Promise.all(ROLES.map((role) => addUser({ email: `${role.replace("_", "-")}@sunap.test`, role, storeIds: role === "store_owner" ? [storeA.id] : [] })));
  const users = Object.fromEntries(ROLES.map((role, i) => [role, created[i]!])) as Record<Role, HarnessUser>;

  const keyring = generateDevKeyring().keyring;

  async function contextFor(token: string | null, opts: CallerOptions = {}): Promise<Context> {
    const session = await loadSession(db, token ?? undefined, clock.now(), settings.sessionTtlHours);
    const csrfHeader = opts.csrfHeader ?? (opts.csrf === false ? undefined : session?.csrfToken);
    return {
      db,
      keyring,
      clock,
      log,
      settings: opts.demoMode === undefined ? settings : { ...settings, demoMode: opts.demoMode },
      plugins,
      billing,
      ip: opts.ip ?? HARNESS_IP,
      userAgent: opts.userAgent ?? "vitest",
      locale: opts.locale ?? session?.user.locale ?? "ko",
      session,
      csrfHeader,
      cookies: opts.cookies ?? recordingCookieJar(),
    };
  }

  // The context is built per call, as the server builds it per request.
  const callerWithToken = (token: string | null, opts: CallerOptions = {}) => createAppCaller(() => contextFor(token, opts)) as unknown as CoreCaller;

  async function request(who: Role | null, path: string, input: unknown, opts: CallerOptions & { type?: "query" | "mutation" } = {}): Promise<ClientResponse> {
    const type = opts.type ?? procedureType(appRouter, path) ?? "query";
    const encoded = JSON.stringify(superjson.serialize(input));
    const req =
      type === "query"
        ? new Request(`http://sunap.test/trpc/${path}?input=${encodeURIComponent(encoded)}`)
        : new Request(`http://sunap.test/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: encoded });
    const token = who === null ? null : users[who].token;
    const res = await fetchRequestHandler({ endpoint: "/trpc", req, router: appRouter, createContext: () => contextFor(token, opts) });
    const body = (await res.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: Parameters<typeof superjson.deserialize>[0] };
    return {
      status: res.status,
      result: body.result ? superjson.deserialize(body.result.data) : undefined,
      error: body.error ? superjson.deserialize<ClientError>(body.error) : undefined,
    };
  }

  return {
    db,
    url: database.url,
    clock,
    settings,
    keyring,
    billing,
    router: appRouter,
    stores: { a: { id: storeA.id, code: storeA.code }, b: { id: storeB.id, code: storeB.code } },
    users,
    callerFor: (role, opts) => callerWithToken(users[role].token, opts),
    callerWithToken,
    contextFor,
    request,
    setToday,
    addUser,
    drop: () => database.drop(),
  };
}

/* ---------- What a procedure declares ---------- */

function proceduresOf(router: AnyRouter): [string, AnyProcedure][] {
  // tRPC 11 keeps a flat record keyed by the dotted path.
  return Object.entries(router._def.procedures as Record<string, AnyProcedure>);
}

export function procedurePaths(router: AnyRouter, type?: "query" | "mutation" | "subscription"): string[] {
  return proceduresOf(router)
    .filter(([, procedure]) => type === undefined || procedure._def.type === type)
    .map(([path]) => path)
    .sort();
}

export function procedureType(router: AnyRouter, path: string): "query" | "mutation" | "subscription" | undefined {
  return (router._def.procedures as Record<string, AnyProcedure | undefined>)[path]?._def.type;
}

/** The permission a procedure declares in its meta, or undefined when it declares none. */
export function declaredPermission(router: AnyRouter, path: string): Permission | "public" | undefined {
  const procedure = (router._def.procedures as Record<string, AnyProcedure | undefined>)[path];
  return (procedure?._def.meta as Partial<Meta> | undefined)?.permission;
}

/** Every procedure that declares no permission, or one that is not in the catalogue; empty when all is well. */
export function permissionProblems(router: AnyRouter): string[] {
  const known = new Set<string>(["public", ...PERMISSIONS]);
  const problems: string[] = [];
  for (const [path] of proceduresOf(router)) {
    const permission: unknown = declaredPermission(router, path);
    if (permission === undefined) problems.push(`${path}: declares no permission`);
    else if (typeof permission !== "string" || !known.has(permission)) problems.push(`${path}: declares an unknown permission ${String(permission)}`);
  }
  for (const path of Object.keys(router._def.lazy ?? {})) problems.push(`${path}: lazy router, not checked`);
  return problems;
}

export function publicProcedurePaths(router: AnyRouter): string[] {
  return proceduresOf(router)
    .filter(([path]) => declaredPermission(router, path) === "public")
    .map(([path]) => path)
    .sort();
}

/** Calls a procedure of a caller by its dotted path, e.g. `ledger.entries`. */
export function callPath(caller: CoreCaller, path: string, input?: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
  return fn(input);
}

/* ---------- What an error says ---------- */

export interface Refusal {
  /** The TRPCError code, e.g. FORBIDDEN. */
  code: string;
  /** The catalogue code, e.g. auth.store_forbidden (or null for a non-domain error). */
  domainCode: string | null;
  field: string | undefined;
  /** Input paths a ZodError names. */
  zodPaths: string[];
}

/** Awaits a call that must fail and says how; fails the test if it succeeded. */
export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    const domain = cause instanceof DomainError ? cause : undefined;
    const issues = (cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues;
    return { code: error.code, domainCode: domain?.code ?? null, field: domain?.field, zodPaths: Array.isArray(issues) ? issues.map((i) => i.path.map(String).join(".")) : [] };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

export { consentThroughPage, otpCodeFromOutbox, runRegistrationJobs, signaturePng, type PageConsent } from "../services/enrollment-testing.ts";
