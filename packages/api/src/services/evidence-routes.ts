import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, isStoreScoped, roleHas, type Clock, type Permission } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import { recordAudit, type Actor } from "../audit.ts";
import { loadSession } from "../auth/session-service.ts";
import type { SessionInfo } from "../context.ts";
import { ConsentService } from "./consent-service.ts";
import { PgEvidenceStore } from "./evidence-store.ts";
import { registrationEventsAfter } from "./registration-service.ts";

export interface EvidenceRouteDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  sessionTtlHours: number;
  /** The session cookie's name (the server's SESSION_COOKIE). */
  cookieName: string;
  /** How often a live feed looks for new history rows. Default 2 s. */
  pollMs?: number;
}

/**
 * Plain HTTP routes beside tRPC, for what a browser should fetch directly:
 *   GET /evidence/:fileId                  an evidence file (signature, scan, recording)
 *   GET /consents/:id/certificate.pdf      the PDF consent certificate
 *   GET /events/registrations              Server-Sent Events: registration history as it happens
 * They use the session cookie and the same permissions as the tRPC procedures; downloads are
 * written to the access log (PIPA 접속기록) and the audit log, and need `?reason=`. GET only, so
 * CSRF does not apply; `no-store` keeps them out of caches.
 *
 * The live feed polls cms_registration_event every 2 s per connection, from the id the client
 * last saw (Last-Event-ID, so a reconnect misses nothing). Chosen over LISTEN/NOTIFY because the
 * history is written by the worker, possibly another process, and polling an indexed id needs no
 * dedicated connection per server nor a channel that drops messages while nobody listens.
 */
export function registerEvidenceRoutes(app: FastifyInstance, deps: EvidenceRouteDeps): void {
  const service = new ConsentService(deps.db, deps.keyring, new PgEvidenceStore(deps.keyring));

  async function authorise(request: FastifyRequest, reply: FastifyReply, permission: Permission): Promise<SessionInfo | null> {
    const token = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[deps.cookieName];
    const session = await loadSession(deps.db, token, deps.clock.now(), deps.sessionTtlHours);
    if (!session) {
      await reply.code(401).send({ error: "auth.not_signed_in" });
      return null;
    }
    if (!roleHas(session.user.role, permission)) {
      await reply.code(403).send({ error: "auth.forbidden", permission });
      return null;
    }
    return session;
  }

  const actorOf = (session: SessionInfo, request: FastifyRequest): Actor => ({ id: session.user.id, email: session.user.email, ip: request.ip });
  /** The same access-log and audit records as the tRPC downloads, in the service's transaction. */
  const auditAs = (actor: Actor) => (tx: Parameters<typeof recordAudit>[0], event: Parameters<typeof recordAudit>[2]) => recordAudit(tx, actor, event);
  const scopeOf = (session: SessionInfo) => (isStoreScoped(session.user.role) ? session.user.storeIds : null);
  const reasonOf = (request: FastifyRequest) => String((request.query as { reason?: unknown } | undefined)?.reason ?? "").slice(0, 200);

  async function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) {
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename="${file.fileName}"`)
      .header("cache-control", "no-store")
      .send(file.bytes);
  }

  async function refuse(reply: FastifyReply, error: unknown) {
    if (error instanceof DomainError) return reply.code(error.kind === "NOT_FOUND" ? 404 : 400).send({ error: error.code });
    throw error;
  }

  app.get("/evidence/:fileId", async (request, reply) => {
    const session = await authorise(request, reply, "evidence.download");
    if (!session) return reply;
    const fileId = Number((request.params as { fileId: string }).fileId);
    if (!Number.isInteger(fileId) || fileId < 1 || fileId > 2_147_483_647) return reply.code(404).send({ error: "not_found" });
    try {
      const actor = actorOf(session, request);
      return await sendFile(reply, await service.downloadEvidence(fileId, actor, reasonOf(request), scopeOf(session), auditAs(actor)));
    } catch (error) {
      return refuse(reply, error);
    }
  });

  app.get("/consents/:id/certificate.pdf", async (request, reply) => {
    const session = await authorise(request, reply, "evidence.download");
    if (!session) return reply;
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return reply.code(404).send({ error: "not_found" });
    try {
      const actor = actorOf(session, request);
      return await sendFile(reply, await service.certificate(id, actor, reasonOf(request), scopeOf(session), deps.clock.now(), auditAs(actor)));
    } catch (error) {
      return refuse(reply, error);
    }
  });

  app.get("/events/registrations", async (request, reply) => {
    const session = await authorise(request, reply, "registration.read");
    if (!session) return reply;
    const header = request.headers["last-event-id"];
    const given = Number(Array.isArray(header) ? header[0] : (header ?? (request.query as { after?: string } | undefined)?.after ?? NaN));
    let lastId = Number.isInteger(given) && given >= 0 ? given : ((await deps.db.cmsRegistrationEvent.aggregate({ _max: { id: true } }))._max.id ?? 0);
    const scope = scopeOf(session);
    reply.hijack();
    reply.raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive", "x-accel-buffering": "no" });
    reply.raw.write(`retry: 3000\n: connected\n\n`);
    let closed = false;
    let busy = false;
    let ticks = 0;
    const poll = async () => {
      if (closed || busy) return;
      busy = true;
      try {
        // Every 30 ticks, make sure the session is still valid.
        if (++ticks % 30 === 0 && !(await loadSession(deps.db, (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[deps.cookieName], deps.clock.now(), deps.sessionTtlHours))) {
          reply.raw.end();
          return;
        }
        const events = await registrationEventsAfter(deps.db, lastId, 100, scope);
        for (const event of events) {
          reply.raw.write(`id: ${event.id}\nevent: registration\ndata: ${JSON.stringify(event)}\n\n`);
          lastId = event.id;
        }
        if (events.length === 0 && ticks % 8 === 0) reply.raw.write(`: keep-alive\n\n`);
      } catch (error) {
        request.log.warn({ err: error }, "registration feed poll failed");
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void poll(), deps.pollMs ?? 2_000);
    void poll();
    request.raw.on("close", () => {
      closed = true;
      clearInterval(timer);
    });
  });
}
