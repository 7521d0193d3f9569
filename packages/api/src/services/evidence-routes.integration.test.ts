import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import { createApiHarness, type ApiHarness } from "../testing/api-harness.ts";
import { registerEvidenceRoutes } from "./evidence-routes.ts";
import { runRegistrationJobs } from "./enrollment-testing.ts";

let h: ApiHarness;
let app: FastifyInstance;
let base = "";
let consentId = 0;
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(128, 0x20), Buffer.from("\n%%EOF\n")]);

beforeAll(async () => {
  h = await createApiHarness();
  const { keyring } = await h.contextFor(null);
  app = Fastify();
  await app.register(cookie);
  registerEvidenceRoutes(app, { db: h.db, keyring, clock: h.clock, sessionTtlHours: 8, cookieName: "sunap_session", pollMs: 50 });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  const finance = h.callerFor("finance");
  const payer = await finance.payers.create({ payerCode: "ROUTE-1", kind: "individual", name: "라우트", birthDate: "1991-01-01", phone: "010-1212-3434" });
  consentId = (await finance.consents.recordOffline({ payerId: payer.id, method: "paper", agreedOn: "2026-03-10", bankCode: "088", accountNumber: "110555666777", holderName: "라우트", file: { name: "f.pdf", base64: PDF.toString("base64") }, idempotencyKey: "route-test-1" })).id;
});
afterAll(async () => {
  await app?.close();
  await h?.drop();
});

const as = (role: "finance" | "franchise_hq" | "auditor") => ({ cookie: `sunap_session=${h.users[role].token}` });

describe("evidence and live-feed routes", () => {
  it("serves the certificate and evidence files to those allowed, and logs each download", async () => {
    const certificate = await fetch(`${base}/consents/${consentId}/certificate.pdf?reason=audit`, { headers: as("auditor") });
    expect(certificate.status).toBe(200);
    expect(certificate.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await certificate.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const fileId = (await h.db.consent.findUniqueOrThrow({ where: { id: consentId } })).evidenceFileId!;
    expect((await fetch(`${base}/evidence/${fileId}`, { headers: as("finance") })).status).toBe(400);
    const evidence = await fetch(`${base}/evidence/${fileId}?reason=${encodeURIComponent("분쟁 대응")}`, { headers: as("finance") });
    expect(Buffer.from(await evidence.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${base}/evidence/${fileId}`)).status).toBe(401);
    expect((await fetch(`${base}/evidence/${fileId}`, { headers: as("franchise_hq") })).status).toBe(403);
    expect((await fetch(`${base}/evidence/999999?reason=audit`, { headers: as("finance") })).status).toBe(404);
    expect(await h.db.personalDataAccess.count({ where: { action: { in: ["consent.certificate", "evidence.download"] } } })).toBe(2);
    expect(await h.db.auditLog.count({ where: { action: { in: ["consent.certificate", "evidence.download"] }, actorId: { in: [h.users.auditor.id, h.users.finance.id] } } })).toBe(2);
  });

  it("streams registration history as Server-Sent Events, resuming after the last id", async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/events/registrations?after=0`, { headers: as("finance"), signal: controller.signal });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    let text = "";
    const read = async (until: RegExp) => {
      while (!until.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await read(/"to":"pending"/);
    await runRegistrationJobs(h); // the worker's step: pending → submitted, picked up by the next poll
    await read(/"to":"submitted"/);
    controller.abort();
    expect(text).toMatch(/^retry: 3000/);
    expect(text).toMatch(/id: \d+\nevent: registration\ndata: \{/);
  });
});
