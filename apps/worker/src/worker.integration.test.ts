import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { z } from "zod";
import type { JobWithMetadata } from "pg-boss";
import type { Clock } from "@sunap/core";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { coreJobs, defineJob, type JobDefinition } from "@sunap/api";
import { startWorker, type RunningWorker } from "./start-worker.ts";
import { organizationTimeZone } from "./organization-time-zone.ts";

// The clock the jobs see; pg-boss itself runs on real time.
const now = new Date("2026-03-02T01:00:00.000Z");
const clock: Clock = { now: () => now, today: () => "2026-03-02" };
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

const logLines: string[] = [];
const log = pino({ level: "info" }, { write: (line: string) => void logLines.push(line) });
const logRecords = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

const attemptsByRun = new Map<string, number>();
const flakyOnce = defineJob({
  name: "test.flaky-once",
  retryLimit: 2,
  retryDelay: 1,
  retryBackoff: false,
  data: z.object({ runId: z.string() }),
  async handler(_ctx, { runId }) {
    const attempt = (attemptsByRun.get(runId) ?? 0) + 1;
    attemptsByRun.set(runId, attempt);
    if (attempt === 1) throw new Error("the bank's gateway timed out");
    return { attempt };
  },
});

let typedCalls = 0;
const receipt = defineJob({
  name: "test.issue-receipt",
  data: z.object({ payerCode: z.string().min(1), amountWon: z.string().regex(/^\d+$/).transform(BigInt) }),
  async handler(_ctx, { amountWon }) {
    typedCalls++;
    return { amountWon: amountWon * 2n };
  },
});

const retiredReport = defineJob({ name: "test.retired-nightly-report", cron: "0 3 * * *", async handler() {} });

let t: TestDatabase;
let worker: RunningWorker;
let timeZone: string;
const jobs: JobDefinition[] = [...coreJobs, flakyOnce, receipt];

async function waitForSettled(name: string, id: string | null, timeoutMs = 20_000): Promise<JobWithMetadata<unknown>> {
  if (!id) throw new Error(`pg-boss did not accept a job for ${name}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await worker.boss.findJobs<unknown>(name, { id });
    if (job && (job.state === "completed" || job.state === "failed")) return job;
    if (Date.now() > deadline) throw new Error(`job ${name} ${id} still ${job?.state ?? "missing"} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function addSession(tokenHash: string, userId: number, expiresAt: Date) {
  await t.db.session.create({ data: { tokenHash, userId, csrfToken: `csrf-${tokenHash}`, expiresAt } });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.organization.create({
    data: {
      legalName: "주식회사 수납테스트",
      businessNumber: "123-45-67890",
      representative: "홍길동",
      address: "서울특별시 중구 세종대로 110",
      cmsInstitutionCode: "9999999999",
      settlementBankCode: "004",
      settlementAccount: "110-000-000000",
      timeZone: "America/New_York", // not the default, so the test proves where the zone comes from
      creditorText: "수납테스트",
    },
  });
  timeZone = await organizationTimeZone(t.db);
  const common = { connectionString: t.url, db: t.db, clock, log, timeZone, pollingIntervalSeconds: 0.5, sendScheduledJobs: false };
  // The previous deployment still had a nightly report with a cron; this one no longer does.
  const previous = await startWorker({ ...common, jobs: [...jobs, retiredReport] });
  await previous.stop();
  worker = await startWorker({ ...common, jobs });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await t?.drop();
});

describe("the worker", () => {
  it("runs housekeeping.expired-sessions through pg-boss: expired sessions go, live ones stay", async () => {
    const user = await t.db.user.create({ data: { email: "ops@example.kr", name: "운영", role: "admin", passwordHash: "not-a-real-hash" } });
    await addSession("expired-an-hour-ago", user.id, minutes(-60));
    await addSession("expired-a-second-ago", user.id, new Date(now.getTime() - 1_000));
    await addSession("live-for-a-day", user.id, minutes(24 * 60));

    const job = await waitForSettled("housekeeping.expired-sessions", await worker.boss.send("housekeeping.expired-sessions", {}));

    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ deleted: 2 });
    const left = await t.db.session.findMany({ select: { tokenHash: true } });
    expect(left.map((s) => s.tokenHash)).toEqual(["live-for-a-day"]);
  });

  it("running housekeeping.expired-sessions again leaves the same sessions and deletes nothing more", async () => {
    const before = await t.db.session.findMany({ orderBy: { tokenHash: "asc" } });
    const job = await waitForSettled("housekeeping.expired-sessions", await worker.boss.send("housekeeping.expired-sessions", {}));
    const after = await t.db.session.findMany({ orderBy: { tokenHash: "asc" } });

    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ deleted: 0 });
    expect(after).toEqual(before);
  });

  it("retries a job whose handler throws, and the retry completes it", async () => {
    const job = await waitForSettled(flakyOnce.name, await worker.boss.send(flakyOnce.name, { runId: "run-1" }));

    expect(job.state).toBe("completed");
    expect(attemptsByRun.get("run-1")).toBe(2);
    expect(job.retryCount).toBe(1);
    expect(job.output).toEqual({ attempt: 2 });
    const outcomes = logRecords().filter((r) => r.jobId === job.id).map((r) => r.outcome);
    expect(outcomes).toEqual(["started", "retrying", "started", "completed"]);
  });

  it("fails a job whose data the schema rejects at once, with a message naming the field, without calling the handler or retrying", async () => {
    const job = await waitForSettled(receipt.name, await worker.boss.send(receipt.name, { payerCode: "P-0001", amountWon: "12.5" }));

    expect(job.state).toBe("failed");
    expect(job.retryCount).toBe(0);
    expect(typedCalls).toBe(0);
    expect((job.output as { message: string }).message).toMatch(/^invalid data for job test\.issue-receipt: amountWon: /);
  });

  it("hands the handler parsed data and stores a bigint result as a string", async () => {
    const job = await waitForSettled(receipt.name, await worker.boss.send(receipt.name, { payerCode: "P-0002", amountWon: "15000" }));

    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ amountWon: "30000" });
  });

  it("logs each job's name, id, attempt, duration and outcome as JSON, and never its payload", async () => {
    const job = await waitForSettled(receipt.name, await worker.boss.send(receipt.name, { payerCode: "010-1234-5678", amountWon: "1000" }));

    const records = logRecords().filter((r) => r.jobId === job.id);
    expect(records.at(-1)).toMatchObject({ job: receipt.name, jobId: job.id, attempt: 1, outcome: "completed", durationMs: expect.any(Number) });
    expect(logLines.join("\n")).not.toContain("010-1234-5678");
  });

  it("creates each queue with its job's retry policy", async () => {
    const queue = await worker.boss.getQueue(flakyOnce.name);

    expect(queue).toMatchObject({ retryLimit: 2, retryDelay: 1, retryBackoff: false });
  });

  it("schedules housekeeping.expired-sessions every 15 minutes in the organisation's time zone", async () => {
    const schedules = await worker.boss.getSchedules("housekeeping.expired-sessions");

    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ cron: "*/15 * * * *", timezone: "America/New_York" });
  });

  it("unschedules the cron of a job that is no longer defined", async () => {
    const all = await worker.boss.getSchedules();

    // Only the core's cron jobs are left: the retired report's schedule is gone.
    expect(all.map((s) => s.name).sort()).toEqual(coreJobs.filter((j) => j.cron).map((j) => j.name).sort());
    expect(all.map((s) => s.name)).not.toContain(retiredReport.name);
  });
});
