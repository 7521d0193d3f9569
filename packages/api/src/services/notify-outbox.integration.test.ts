import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { DomainError } from "@sunap/core";
import { decryptField, generateDevKeyring, phoneSearchIndex } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { countRecentMessages, cancelQueuedMessages, emailSearchIndex, enqueueMessage, enqueueMessages, NOTIFY_FIELD_CONTEXT, recipientSearchIndex, type AnyEnqueueMessageInput } from "./notify-outbox.ts";

let t: TestDatabase;
let raw: pg.Client;
const keyring = generateDevKeyring().keyring;
const now = new Date("2026-03-16T01:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
});
afterAll(async () => {
  await raw?.end();
  await t?.drop();
});

const enrollment = (key: string, to = "010-2345-6789") =>
  ({
    channel: "sms",
    to,
    template: "enrollment_link",
    variables: { creditorName: "수납피트니스", linkUrl: "https://sunap.example.kr/e/Ab3dE", expiresAt: new Date("2026-03-20T09:00:00Z") },
    idempotencyKey: key,
    now,
    payerId: 7,
    related: { type: "enrollment_link", id: 42 },
  }) as const;

async function domainCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}${error.field ? `@${error.field}` : ""}`;
    throw error;
  }
  return "no error";
}

describe("enqueueMessage", () => {
  it("queues a message once however often the same key is enqueued", async () => {
    const first = await enqueueMessage(t.db, keyring, enrollment("enroll-link:v1:42"));
    const second = await enqueueMessage(t.db, keyring, enrollment("enroll-link:v1:42"));
    expect(first).toMatchObject({ created: true, status: "queued" });
    expect(second).toEqual({ id: first.id, created: false, status: "queued" });
    expect(await t.db.notifyMessage.count({ where: { idempotencyKey: "enroll-link:v1:42" } })).toBe(1);
    const row = await t.db.notifyMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ channel: "sms", templateCode: "enrollment_link", locale: "ko", recipientMasked: "010-****-6789", payerId: 7, relatedType: "enrollment_link", relatedId: "42", attempts: 0 });
    expect(row.recipientBidx).toBe(phoneSearchIndex(keyring, "01023456789"));
    expect(row.body).toContain("https://sunap.example.kr/e/Ab3dE");
  });

  it("queues nothing when the change that caused the message rolls back, and leaves a duplicate harmless inside a transaction", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueMessage(tx, keyring, enrollment("enroll-link:v1:rolled-back"));
        throw new Error("the enrollment link could not be created");
      }),
    ).rejects.toThrow(/could not be created/);
    expect(await t.db.notifyMessage.count({ where: { idempotencyKey: "enroll-link:v1:rolled-back" } })).toBe(0);

    // A second enqueue of a known key inside a transaction must not abort it (no unique violation).
    const id = await t.db.$transaction(async (tx) => {
      await enqueueMessage(tx, keyring, enrollment("enroll-link:v1:42"));
      return (await tx.notifyMessage.findUniqueOrThrow({ where: { idempotencyKey: "enroll-link:v1:42" } })).id;
    });
    expect(id).toBeGreaterThan(0);
  });

  it("stores no plaintext recipient and no one-time code: the raw row holds ciphertext, masks and an index", async () => {
    const { id } = await enqueueMessage(t.db, keyring, {
      channel: "alimtalk",
      to: "010-3141-5926",
      template: "otp_code",
      variables: { creditorName: "수납피트니스", code: "271828" },
      idempotencyKey: "otp:v1:raw-check",
      now,
    });
    const email = await enqueueMessage(t.db, keyring, { ...enrollment("enroll-link:v1:mail"), channel: "email", to: "minji.kim@example.kr" });
    const { rows } = await raw.query("SELECT * FROM notify_message WHERE id = ANY($1)", [[id, email.id]]);
    const text = JSON.stringify(rows);
    for (const plaintext of ["3141-5926", "31415926", "01031415926", "271828", "minji.kim", "minji.kim@example.kr"]) expect(text).not.toContain(plaintext);
    const otp = rows.find((r: { id: number }) => r.id === id);
    expect(otp).toMatchObject({ recipient_masked: "010-****-5926", body: "[수납피트니스] 인증번호 [******]를 입력해 주세요. 3분간 유효합니다.", provider_template: "SUNAP_OTP_V1" });
    expect(otp.recipient_enc).toMatch(/^v1\./);
    expect(otp.secret_enc).toMatch(/^v1\./);
    // A one-time code is not sent after its three minutes.
    expect(new Date(otp.expires_at).getTime() - now.getTime()).toBe(3 * 60_000);
    expect(rows.find((r: { id: number }) => r.id === email.id)).toMatchObject({ recipient_masked: "mi***@example.kr", recipient_bidx: emailSearchIndex(keyring, "Minji.Kim@example.kr") });
  });

  it.each([
    ["an e-mail address on the SMS channel", { channel: "sms", to: "minji@example.kr" }, "notify.bad_recipient@to"],
    ["a phone number on the e-mail channel", { channel: "email", to: "010-1234-5678" }, "notify.bad_recipient@to"],
    ["a number that is no Korean phone", { to: "12345" }, "notify.bad_recipient@to"],
    ["a missing template variable", { variables: { creditorName: "수납피트니스", expiresAt: new Date() } }, "notify.template_variable@linkUrl"],
    ["an empty idempotency key", { idempotencyKey: " " }, "input.invalid@idempotencyKey"],
  ])("refuses %s and queues nothing", async (_what, override, code) => {
    const before = await t.db.notifyMessage.count();
    expect(await domainCode(enqueueMessage(t.db, keyring, { ...enrollment("enroll-link:v1:bad"), ...override } as never))).toBe(code);
    expect(await t.db.notifyMessage.count()).toBe(before);
  });

  it("counts recent messages to a phone however it is written (for rate limits)", async () => {
    for (const n of [1, 2, 3]) {
      await enqueueMessage(t.db, keyring, { channel: "sms", to: "010-7777-1234", template: "otp_code", variables: { creditorName: "수납", code: `10000${n}` }, idempotencyKey: `otp:v1:count-${n}`, now });
    }
    expect(await countRecentMessages(t.db, keyring, { to: "+82 10-7777-1234", since: new Date(now.getTime() - 3_600_000), template: "otp_code" })).toBe(3);
    expect(await countRecentMessages(t.db, keyring, { to: "01077771234", since: new Date(now.getTime() + 1), template: "otp_code" })).toBe(0);
    expect(recipientSearchIndex(keyring, "010 7777 1234")).toBe(phoneSearchIndex(keyring, "01077771234"));
  });

  it("cancels what is still queued about a revoked link", async () => {
    await enqueueMessage(t.db, keyring, { ...enrollment("enroll-link:v1:99"), related: { type: "enrollment_link", id: 99 } });
    expect(await cancelQueuedMessages(t.db, { related: { type: "enrollment_link", id: 99 }, reason: "link revoked", now })).toBe(1);
    expect(await t.db.notifyMessage.findUniqueOrThrow({ where: { idempotencyKey: "enroll-link:v1:99" } })).toMatchObject({ status: "cancelled", lastError: "link revoked" });
  });
});

describe("enqueueMessages", () => {
  // One of each kind of row: an SMS, an Alimtalk with buttons, an e-mail with a subject, a one-time code with a secret and an expiry.
  const kinds = (prefix: string): AnyEnqueueMessageInput[] => [
    enrollment(`${prefix}:enroll`),
    {
      channel: "alimtalk",
      to: "010-2468-1357",
      template: "invoice_issued",
      variables: { creditorName: "수납피트니스", payerName: "김민지", invoiceNumber: "2026-000042", amountWon: 55_000n, dueOn: "2026-03-31", collection: "bank_transfer", bankName: "국민은행", creditorAccount: "110-123-456789", invoiceUrl: "https://sunap.example.kr/i/16.abc" },
      idempotencyKey: `${prefix}:invoice`,
      now,
      payerId: 8,
      related: { type: "invoice", id: 42 },
    },
    { ...enrollment(`${prefix}:mail`), channel: "email", to: " Minji.Kim@example.kr " },
    { channel: "sms", to: "+82 10-3141-5926", template: "otp_code", variables: { creditorName: "수납", code: "314159" }, idempotencyKey: `${prefix}:otp`, now, sendAfter: new Date(now.getTime() + 60_000) },
  ];
  type Row = Record<string, unknown>;
  /** A stored row as the dispatcher would read it: ciphertexts decrypted (their IVs differ), the key's prefix dropped. */
  const comparable = ({ id: _id, recipient_enc, secret_enc, idempotency_key, ...row }: Row): Row => ({
    ...row,
    recipient: decryptField(keyring, String(recipient_enc), NOTIFY_FIELD_CONTEXT.recipient),
    secret: secret_enc === null ? null : decryptField(keyring, String(secret_enc), NOTIFY_FIELD_CONTEXT.secret),
    key: String(idempotency_key).split(":").slice(1).join(":"),
  });
  const rowsOf = async (prefix: string) => (await raw.query<Row>("SELECT * FROM notify_message WHERE idempotency_key LIKE $1 ORDER BY id", [`${prefix}:%`])).rows.map(comparable);

  it("stores each message exactly as enqueueMessage stores it, column by column", async () => {
    for (const input of kinds("one-by-one")) await enqueueMessage(t.db, keyring, input);
    const outcomes = await enqueueMessages(t.db, keyring, kinds("in-bulk"));
    expect(outcomes.every((o) => "id" in o && o.created && o.status === "queued")).toBe(true);
    const single = await rowsOf("one-by-one");
    expect(single).toHaveLength(4);
    expect(await rowsOf("in-bulk")).toEqual(single);
    // The comparison is not vacuous: the rows hold buttons, a subject, a secret and a delayed send.
    const [sms, alimtalk, email, otp] = single;
    expect([sms!.channel, alimtalk!.channel, email!.channel, otp!.channel]).toEqual(["sms", "alimtalk", "email", "sms"]);
    expect(alimtalk!.buttons).not.toBeNull();
    expect(email!.subject).toBeTruthy();
    expect(otp!.secret).toContain("314159");
    expect(new Date(String(otp!.next_attempt_at)).getTime() - now.getTime()).toBe(60_000);
  });

  it("returns the first message for a key queued before or twice in the batch, and writes it once", async () => {
    const before = await enqueueMessage(t.db, keyring, enrollment("bulk-replay:earlier"));
    const outcomes = await enqueueMessages(t.db, keyring, [enrollment("bulk-replay:earlier"), enrollment("bulk-replay:new"), enrollment("bulk-replay:new")]);
    expect(outcomes[0]).toEqual({ id: before.id, created: false, status: "queued" });
    expect(outcomes[1]).toMatchObject({ created: true, status: "queued" });
    expect(outcomes[2]).toEqual({ ...outcomes[1], created: false });
    expect(await t.db.notifyMessage.count({ where: { idempotencyKey: { startsWith: "bulk-replay:" } } })).toBe(2);
  });

  it("refuses alone a message enqueueMessage would refuse, queues the others, and writes nothing when the transaction rolls back", async () => {
    const outcomes = await enqueueMessages(t.db, keyring, [enrollment("bulk-refused:good"), { ...enrollment("bulk-refused:bad"), to: "12345" }, { ...enrollment("bulk-refused:no-var"), variables: { creditorName: "수납", expiresAt: now } } as never]);
    expect(outcomes.map((o) => ("refused" in o ? `${o.refused.code}@${o.refused.field}` : "queued"))).toEqual(["queued", "notify.bad_recipient@to", "notify.template_variable@linkUrl"]);
    expect((await t.db.notifyMessage.findMany({ where: { idempotencyKey: { startsWith: "bulk-refused:" } } })).map((m) => m.idempotencyKey)).toEqual(["bulk-refused:good"]);

    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueMessages(tx, keyring, kinds("bulk-rolled-back"));
        throw new Error("the invoices could not be issued");
      }),
    ).rejects.toThrow(/could not be issued/);
    expect(await t.db.notifyMessage.count({ where: { idempotencyKey: { startsWith: "bulk-rolled-back:" } } })).toBe(0);
  });
});
