import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { pinnedClock, type Clock } from "@sunap/core";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { expiredSessionsJob } from "./expired-sessions.ts";
import type { JobContext } from "./job-definition.ts";
import { EMPTY_BILLING_REGISTRY } from "../billing-registry.ts";

let t: TestDatabase;
let userId: number;
const now = new Date("2026-03-02T01:00:00.000Z");
const clock: Clock = { now: () => now, today: pinnedClock("2026-03-02", "Asia/Seoul").today };
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

function context(): JobContext {
  return { db: t.db, clock, log: pino({ enabled: false }), billing: EMPTY_BILLING_REGISTRY, jobId: "direct-run", signal: new AbortController().signal };
}

async function addSession(tokenHash: string, expiresAt: Date) {
  await t.db.session.create({ data: { tokenHash, userId, csrfToken: `csrf-${tokenHash}`, expiresAt } });
}

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await t.db.user.create({ data: { email: "finance@example.kr", name: "재무 담당", role: "finance", passwordHash: "not-a-real-hash" } });
  userId = user.id;
});
afterAll(async () => {
  await t?.drop();
});

describe("housekeeping.expired-sessions", () => {
  it("deletes sessions that expired before the clock's now and keeps the rest, once", async () => {
    await addSession("expired-yesterday", minutes(-24 * 60));
    await addSession("expired-a-minute-ago", minutes(-1));
    await addSession("expires-exactly-now", now);
    await addSession("live-for-an-hour", minutes(60));

    const first = await expiredSessionsJob.handler(context(), undefined);
    const afterFirst = await t.db.session.findMany({ select: { tokenHash: true }, orderBy: { tokenHash: "asc" } });
    const second = await expiredSessionsJob.handler(context(), undefined);
    const afterSecond = await t.db.session.findMany({ select: { tokenHash: true }, orderBy: { tokenHash: "asc" } });

    expect(first).toEqual({ deleted: 2 });
    expect(afterFirst.map((s) => s.tokenHash)).toEqual(["expires-exactly-now", "live-for-an-hour"]);
    expect(second).toEqual({ deleted: 0 });
    expect(afterSecond).toEqual(afterFirst);
  });

  it("runs every 15 minutes", () => {
    expect(expiredSessionsJob.cron).toBe("*/15 * * * *");
  });
});
