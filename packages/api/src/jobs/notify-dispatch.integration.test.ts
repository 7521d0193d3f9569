import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import type { Clock } from "@sunap/core";
import { generateDevKeyring } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { createSandboxProviders, NotifyProviderError, type NotifyProvider, type NotifyProviders, type SandboxSend } from "@sunap/notify";
import { enqueueMessage, type EnqueueMessageInput } from "../services/notify-outbox.ts";
import { dispatchDueMessages, retryDelayMs } from "../services/notify-dispatcher.ts";
import { createNotifyDispatchJob, NOTIFY_DISPATCH_JOB } from "./notify-dispatch.ts";
import type { JobContext } from "./job-definition.ts";
import { EMPTY_BILLING_REGISTRY } from "../billing-registry.ts";

let t: TestDatabase;
const keyring = generateDevKeyring().keyring;
let current = new Date("2026-03-16T01:00:00.000Z");
const clock: Clock = { now: () => current, today: () => "2026-03-16" };
const advance = (ms: number) => (current = new Date(current.getTime() + ms));
let sent: SandboxSend[] = [];
let providers: NotifyProviders;
let keySeq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});
beforeEach(async () => {
  // Each test starts with an empty outbox, and only its own sends recorded.
  await t.db.notifyMessage.deleteMany({});
  sent = [];
  providers = createSandboxProviders({ onSend: (s) => sent.push(s) });
});

function context(signal = new AbortController().signal): JobContext {
  return { db: t.db, clock, log: pino({ enabled: false }), billing: EMPTY_BILLING_REGISTRY, jobId: "direct-run", signal };
}

const job = () => createNotifyDispatchJob(keyring, { providers });
const run = (data: { messageIds?: number[] } = {}) => job().handler(context(), data);

function otp(to: string, overrides: Partial<EnqueueMessageInput<"otp_code">> = {}) {
  return enqueueMessage(t.db, keyring, { channel: "sms", to, template: "otp_code", variables: { creditorName: "수납피트니스", code: "482913" }, idempotencyKey: `otp:v1:${++keySeq}`, now: current, ...overrides });
}

function notice(channel: "sms" | "alimtalk" | "email", to: string, text = "3월 1일은 휴관합니다.") {
  return enqueueMessage(t.db, keyring, { channel, to, template: "generic_notice", variables: { creditorName: "수납피트니스", title: "안내", text }, idempotencyKey: `notice:v1:${++keySeq}`, now: current });
}

const row = (id: number) => t.db.notifyMessage.findUniqueOrThrow({ where: { id } });

describe("notify.dispatch", () => {
  it("runs every minute under its name", () => {
    expect(job()).toMatchObject({ name: NOTIFY_DISPATCH_JOB, cron: "* * * * *" });
    expect(job().data!.parse({})).toEqual({});
  });

  it("sends a queued message once, with its one-time code, even when the job runs twice", async () => {
    const { id } = await otp("010-2345-6789");
    expect(await run()).toEqual({ sent: 1, failed: 0, retrying: 0, cancelled: 0 });
    expect(await run()).toEqual({ sent: 0, failed: 0, retrying: 0, cancelled: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.message).toMatchObject({ to: "01023456789", body: "[수납피트니스] 인증번호 [482913]를 입력해 주세요. 3분간 유효합니다.", referenceId: `sunap-notify-${id}` });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, provider: "sandbox", deliveredAs: "sms", sentAt: current, claimedUntil: null, claimToken: null });
    expect((await row(id)).providerMessageId).toBe(sent[0]!.providerMessageId);
  });

  it("sends each message once when two runs overlap", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => notice("sms", `010-5000-${String(1001 + i)}`)));
    const slow: NotifyProvider = { ...providers.sms, send: async (m) => (await new Promise((r) => setTimeout(r, 5)), providers.sms.send(m)) };
    const both = { ...providers, sms: slow };
    const [a, b] = await Promise.all([
      dispatchDueMessages(t.db, clock, { keyring, providers: both, batchSize: 3 }),
      dispatchDueMessages(t.db, clock, { keyring, providers: both, batchSize: 3 }),
    ]);
    expect(a.sent + b.sent).toBe(12);
    expect(new Set(sent.map((s) => s.message.to)).size).toBe(12);
    expect(sent).toHaveLength(12);
    expect(await t.db.notifyMessage.count({ where: { id: { in: ids.map((m) => m.id) }, status: "sent", attempts: 1 } })).toBe(12);
  });

  it("fails a message at once on a permanent failure (a number ending in 0000)", async () => {
    const { id } = await notice("sms", "010-1234-0000");
    expect(await run()).toMatchObject({ failed: 1 });
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/^permanent invalid_number/), sentAt: null });
    advance(3_600_000);
    expect(await run()).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    expect(sent).toHaveLength(0);
  });

  it("retries a temporary failure with backoff and fails it after the last attempt", async () => {
    const { id } = await notice("sms", "010-1234-9999");
    const started = current;
    const attempts: { status: string; attempts: number; nextInMs: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await run();
      const r = await row(id);
      attempts.push({ status: r.status, attempts: r.attempts, nextInMs: r.nextAttemptAt.getTime() - current.getTime() });
      // A run before the backoff has passed does not try again.
      expect(await run()).toMatchObject({ retrying: 0, failed: 0 });
      advance(Math.max(0, r.nextAttemptAt.getTime() - current.getTime()));
    }
    expect(attempts).toEqual([
      { status: "queued", attempts: 1, nextInMs: 60_000 },
      { status: "queued", attempts: 2, nextInMs: 120_000 },
      { status: "queued", attempts: 3, nextInMs: 240_000 },
      { status: "queued", attempts: 4, nextInMs: 480_000 },
      { status: "failed", attempts: 5, nextInMs: expect.any(Number) },
    ]);
    expect((await row(id)).lastError).toMatch(/^temporary carrier_busy/);
    expect(current.getTime() - started.getTime()).toBe(60_000 + 120_000 + 240_000 + 480_000);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it("sends after a temporary failure clears", async () => {
    let failNext = true;
    const flaky: NotifyProvider = {
      ...providers.email,
      send: async (m) => {
        if (failNext) {
          failNext = false;
          throw new Error("socket hang up");
        }
        return providers.email.send(m);
      },
    };
    const { id } = await notice("email", "minji@example.kr");
    expect(await dispatchDueMessages(t.db, clock, { keyring, providers: { ...providers, email: flaky } })).toMatchObject({ retrying: 1 });
    expect(await row(id)).toMatchObject({ status: "queued", lastError: "temporary provider_error: socket hang up" });
    advance(60_000);
    expect(await dispatchDueMessages(t.db, clock, { keyring, providers: { ...providers, email: flaky } })).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, deliveredAs: "email" });
    expect(sent[0]!.message).toMatchObject({ to: "minji@example.kr", subject: "[수납피트니스] 안내" });
  });

  it("records an SMS over 90 bytes as LMS and an Alimtalk without a template as its SMS fallback", async () => {
    const long = await notice("sms", "010-2222-3333", "가".repeat(60));
    const fallback = await notice("alimtalk", "010-2222-4444");
    const alimtalk = await enqueueMessage(t.db, keyring, {
      channel: "alimtalk",
      to: "010-2222-5555",
      template: "enrollment_link",
      variables: { creditorName: "수납피트니스", linkUrl: "https://sunap.example.kr/e/Q1", expiresAt: new Date("2026-03-20T09:00:00Z") },
      idempotencyKey: "enroll-link:v1:alimtalk",
      now: current,
    });
    await run();
    expect(await row(long.id)).toMatchObject({ status: "sent", deliveredAs: "lms" });
    expect(await row(fallback.id)).toMatchObject({ status: "sent", channel: "alimtalk", deliveredAs: "sms" });
    expect(await row(alimtalk.id)).toMatchObject({ status: "sent", deliveredAs: "alimtalk" });
    expect(sent.find((s) => s.deliveredAs === "alimtalk")!.message).toMatchObject({ templateCode: "SUNAP_ENROLL_LINK_V1", buttons: [{ name: "출금동의 하기", url: "https://sunap.example.kr/e/Q1" }] });
  });

  it("cancels a one-time code that expired before it could be sent", async () => {
    const { id } = await otp("010-2345-6789");
    advance(3 * 60_000);
    expect(await run()).toEqual({ sent: 0, failed: 0, retrying: 0, cancelled: 1 });
    expect(await row(id)).toMatchObject({ status: "cancelled", lastError: "expired before it could be sent" });
    expect(sent).toHaveLength(0);
  });

  it("sends only the messages asked for when run on demand", async () => {
    const a = await notice("sms", "010-3333-0001");
    const b = await notice("sms", "010-3333-0002");
    expect(await run({ messageIds: [b.id] })).toMatchObject({ sent: 1 });
    expect((await row(a.id)).status).toBe("queued");
    expect((await row(b.id)).status).toBe("sent");
  });

  it("sends again after a crash between sending and recording it (at least once), once the claim lapses", async () => {
    const { id } = await notice("sms", "010-4444-5555");
    // The worker dies right after the provider accepted the message: the dispatcher never gets
    // to record it (here: its send never returns, and the run is abandoned).
    const dying: NotifyProvider = { ...providers.sms, send: (m) => providers.sms.send(m).then(() => new Promise(() => undefined)) };
    void dispatchDueMessages(t.db, clock, { keyring, providers: { ...providers, sms: dying } });
    await expect.poll(() => sent.length).toBe(1);
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 1, claimToken: expect.any(String) });
    // Still claimed: a run now leaves it alone.
    expect(await run()).toMatchObject({ sent: 0 });
    advance(5 * 60_000);
    expect(await run()).toMatchObject({ sent: 1 });
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((s) => s.message.referenceId))).toEqual(new Set([`sunap-notify-${id}`]));
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("releases claimed messages it did not get to when the job is stopped", async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => notice("sms", `010-6666-000${n}`)));
    const controller = new AbortController();
    const stopping: NotifyProvider = { ...providers.sms, send: async (m) => (controller.abort(), providers.sms.send(m)) };
    expect(await dispatchDueMessages(t.db, clock, { keyring, providers: { ...providers, sms: stopping }, signal: controller.signal })).toMatchObject({ sent: 1 });
    const rows = await t.db.notifyMessage.findMany({ where: { id: { in: ids.map((m) => m.id) } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.status, r.attempts, r.claimToken])).toEqual([
      ["sent", 1, null],
      ["queued", 0, null],
      ["queued", 0, null],
    ]);
    expect(await run()).toMatchObject({ sent: 2 });
  });

  it("never lets a sent message be queued again", async () => {
    const { id } = await notice("sms", "010-7777-8888");
    await run();
    await expect(t.db.notifyMessage.update({ where: { id }, data: { status: "queued" } })).rejects.toThrow(/a sent message stays sent/);
    expect((await row(id)).status).toBe("sent");
  });

  it("fails permanently at the provider without leaking the recipient into the error", async () => {
    const { id } = await notice("email", "tempfail@example.kr");
    const failing: NotifyProvider = { ...providers.email, send: async () => Promise.reject(NotifyProviderError.permanent("rejected", "mailbox unavailable")) };
    await dispatchDueMessages(t.db, clock, { keyring, providers: { ...providers, email: failing } });
    const r = await row(id);
    expect(r).toMatchObject({ status: "failed", lastError: "permanent rejected: mailbox unavailable" });
    expect(JSON.stringify(r)).not.toContain("tempfail@");
  });
});
