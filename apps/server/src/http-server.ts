import { existsSync } from "node:fs";
import path from "node:path";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import type { Logger } from "pino";
import type { PluginManifest } from "@sunap/core";
import { BillingRegistry, loadSession, registerEvidenceRoutes, registerInvoiceRoutes, type AppClock, type Context, type Locale, type ServerSettings } from "@sunap/api";
import type { Db, Keyring } from "@sunap/db";
import { buildAppRouter, type AppRouter } from "./app-router.ts";

export const SESSION_COOKIE = "sunap_session";

export interface HttpServerOptions {
  db: Db;
  keyring: Keyring;
  clock: AppClock;
  log: Logger;
  settings: ServerSettings & { cookieSecure: boolean };
  plugins: readonly PluginManifest[];
  /** The server's plugins: their routers are mounted under their ids (default: none). */
  billing?: BillingRegistry;
  /** The built admin SPA (apps/admin/dist); served at / with history fallback. */
  adminDist?: string;
  /** Reports whether the queue is reachable, for /readyz. */
  queueReady?: () => Promise<boolean>;
}

function localeOf(request: FastifyRequest): Locale {
  const header = request.headers["accept-language"] ?? "";
  return /^en\b/i.test(header) ? "en" : "ko";
}

/** Builds the one HTTP server: /trpc, /healthz, /readyz and the admin SPA. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    trustProxy: false,
    // A 20 MB consent recording arrives as ~27 MB of base64.
    bodyLimit: 30 * 1024 * 1024,
    // A batched tRPC GET names every procedure in the path (the client caps URLs at 4000).
    routerOptions: { maxParamLength: 4096 },
  });
  await app.register(cookie);
  registerEvidenceRoutes(app, { db: options.db, keyring: options.keyring, clock: options.clock, sessionTtlHours: options.settings.sessionTtlHours, cookieName: SESSION_COOKIE });
  registerInvoiceRoutes(app, { db: options.db, keyring: options.keyring, clock: options.clock, sessionTtlHours: options.settings.sessionTtlHours, cookieName: SESSION_COOKIE, plugins: options.plugins });

  const billing = options.billing ?? new BillingRegistry([]);
  const createContext: FastifyTRPCPluginOptions<AppRouter>["trpcOptions"]["createContext"] = async ({ req, res }): Promise<Context> => {
    const token = req.cookies[SESSION_COOKIE];
    const session = await loadSession(options.db, token, options.clock.now(), options.settings.sessionTtlHours);
    const csrf = req.headers["x-csrf-token"];
    return {
      db: options.db,
      keyring: options.keyring,
      clock: options.clock,
      log: req.log as unknown as Logger,
      settings: options.settings,
      plugins: options.plugins,
      billing,
      ip: req.ip,
      userAgent: req.headers["user-agent"],
      locale: session?.user.locale ?? localeOf(req),
      session,
      csrfHeader: Array.isArray(csrf) ? csrf[0] : csrf,
      cookies: {
        set(value, expiresAt) {
          void res.setCookie(SESSION_COOKIE, value, { path: "/", httpOnly: true, sameSite: "lax", secure: options.settings.cookieSecure, expires: expiresAt });
        },
        clear() {
          void res.clearCookie(SESSION_COOKIE, { path: "/" });
        },
      },
    };
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: buildAppRouter(billing.plugins),
      createContext,
      onError({ error, path: procedurePath }) {
        if (error.code === "INTERNAL_SERVER_ERROR") options.log.error({ err: error.cause ?? error, procedure: procedurePath }, "procedure failed");
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const database = await options.db.$queryRaw`SELECT 1`.then(() => true, () => false);
    const queue = options.queueReady ? await options.queueReady().catch(() => false) : true;
    return reply.code(database && queue ? 200 : 503).send({ status: database && queue ? "ready" : "not ready", database, queue });
  });

  const dist = options.adminDist;
  if (dist && existsSync(path.join(dist, "index.html"))) {
    await app.register(fastifyStatic, { root: path.resolve(dist), wildcard: true, index: ["index.html"] });
    // The payers' public pages (consent, self-service) are a light bundle of their own: enroll.html.
    const payerPage = (_request: FastifyRequest, reply: FastifyReply) => reply.sendFile("enroll.html");
    app.get("/enroll/*", payerPage);
    app.get("/self-service/*", payerPage);
    app.setNotFoundHandler((request, reply) => {
      if (request.method === "GET" && !request.url.startsWith("/trpc") && request.headers.accept?.includes("text/html")) return reply.sendFile("index.html");
      return reply.code(404).send({ error: "not found" });
    });
  } else {
    app.get("/", async (_request, reply) => reply.type("text/plain; charset=utf-8").send("Sunap server is running, but the admin console is not built. Run `npm run build`."));
  }
  return app;
}
