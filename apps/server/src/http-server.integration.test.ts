import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generateDevKeyring } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startRuntime, type Runtime } from "./runtime.ts";
import { DEMO_LOGINS } from "./demo-seed.ts";

let t: TestDatabase;
let runtime: Runtime;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const adminDist = await mkdtemp(path.join(os.tmpdir(), "sunap-admin-dist-"));
  await writeFile(path.join(adminDist, "index.html"), "<!doctype html><title>Sunap admin</title>");
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", SUNAP_TODAY: "2026-11-24", SUNAP_ADMIN_DIST: adminDist, LOG_LEVEL: "silent" });
  runtime = await startRuntime({ config, databaseUrl: t.url, keyring: generateDevKeyring().keyring, demoMode: true, seedDemo: true, runServer: true, runWorker: true, log: createLogger("silent") });
  const address = runtime.http!.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  await runtime?.stop();
  await t?.drop();
});

async function trpc(pathname: string, init: { input?: unknown; cookie?: string; csrf?: string; method?: "GET" | "POST" } = {}) {
  const method = init.method ?? (init.input !== undefined ? "POST" : "GET");
  const body = init.input !== undefined ? JSON.stringify({ json: init.input }) : undefined;
  const response = await fetch(`${base}/trpc/${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...(init.cookie && { cookie: init.cookie }), ...(init.csrf && { "x-csrf-token": init.csrf }) },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, any>, setCookie: response.headers.get("set-cookie") };
}

describe("HTTP server", () => {
  it("answers /healthz while up and /readyz when the database is reachable", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: true });
  });

  it("serves the admin SPA for any page path, so deep links work", async () => {
    const page = await fetch(`${base}/ledger/entries`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Sunap admin");
  });

  it("answers a batched GET naming many procedures (a page refetching all it shows), not 404", async () => {
    const names = Array.from({ length: 20 }, () => "auth.me").join(",");
    expect(names.length).toBeGreaterThan(100); // past Fastify's default limit for a path parameter
    const batched = await trpc(`${names}?batch=1`);
    expect(batched.status).toBe(200);
    expect(batched.json).toHaveLength(20);
  });

  it("mounts the invoice PDF routes: staff download needs a session, a dead payer link gets a page rather than the SPA", async () => {
    expect((await fetch(`${base}/api/invoices/1/pdf`)).status).toBe(401);
    const dead = await fetch(`${base}/i/0.${"A".repeat(22)}`, { headers: { accept: "text/html" } });
    expect(dead.status).toBe(404);
    expect(await dead.text()).toContain("청구서를 찾을 수 없습니다");
  });

  it("signs a demo user in with an httpOnly SameSite cookie and refuses a mutation without the CSRF token", async () => {
    const admin = DEMO_LOGINS.find((l) => l.role === "admin")!;
    const login = await trpc("auth.login", { input: { email: admin.email, password: admin.password } });
    expect(login.status).toBe(200);
    expect(login.setCookie).toMatch(/sunap_session=[^;]+;.*HttpOnly/i);
    expect(login.setCookie).toMatch(/SameSite=Lax/i);
    const cookie = login.setCookie!.split(";")[0]!;
    const csrf = login.json.result.data.json.csrfToken as string;

    const me = await trpc("auth.me", { cookie });
    expect(me.json.result.data.json.user.email).toBe(admin.email);

    const store = { code: "NEW1", name: "신규점", region: "서울", openedOn: "2026-11-01", closedOn: null };
    const withoutCsrf = await trpc("stores.create", { input: store, cookie });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.json.error.json.data.domainCode).toBe("auth.csrf");
    const withCsrf = await trpc("stores.create", { input: store, cookie, csrf });
    expect(withCsrf.status).toBe(200);
  });

  it("answers a wrong password with a translated message and a malformed input with the fields at fault", async () => {
    const wrong = await trpc("auth.login", { input: { email: "finance@sunap.demo", password: "not-the-password-1" } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.json.message).toBe("이메일 또는 비밀번호가 올바르지 않습니다.");
    const malformed = await trpc("auth.login", { input: { email: "not-an-email", password: "" } });
    expect(malformed.status).toBe(400);
    const fields = (malformed.json.error.json.data.fieldErrors as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["email", "password"]));
  });

  it("refuses every non-public procedure to a caller without a session", async () => {
    const response = await trpc("ledger.accounts", { method: "GET" });
    expect(response.status).toBe(401);
    expect(response.json.error.json.data.domainCode).toBe("auth.not_signed_in");
  });
});
