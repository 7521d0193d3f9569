import { createHmac } from "node:crypto";
import { DomainError } from "@sunap/core";
import { encryptField, maskPhone, normalisePhone, phoneSearchIndex, sqlArray, type DbOrTx, type Keyring, type SqlArrayValue } from "@sunap/db";
import {
  isEmailAddress,
  isValidRecipient,
  maskEmail,
  normaliseEmail,
  OTP_VALID_MINUTES,
  renderTemplate,
  serializeSecrets,
  TemplateVariableError,
  type NotifyChannel,
  type NotifyLocale,
  type TemplateCode,
  type TemplateVariables,
} from "@sunap/notify";

/** Encryption contexts of the outbox's columns: a token copied to another column will not decrypt. */
export const NOTIFY_FIELD_CONTEXT = {
  recipient: "notify_message.recipient",
  secret: "notify_message.secret",
} as const;

/**
 * Blind index of an e-mail address (lower-cased), with the blind-index key under a domain of
 * its own (`email`), so it can never equal a phone's or an account's index.
 */
export function emailSearchIndex(keyring: Keyring, email: string): string {
  const normalised = normaliseEmail(email);
  if (!isEmailAddress(normalised)) throw new DomainError("INVALID", "notify.bad_recipient", {}, "to");
  return createHmac("sha256", keyring.blindIndexKey).update(`sunap.bi.v1|email|${normalised}`, "utf8").digest().subarray(0, 24).toString("base64url");
}

/** The index a recipient is looked up by: a phone's (the same as payers'), or an e-mail's. Throws notify.bad_recipient. */
export function recipientSearchIndex(keyring: Keyring, to: string): string {
  if (to.includes("@")) return emailSearchIndex(keyring, to);
  try {
    return phoneSearchIndex(keyring, to);
  } catch {
    throw new DomainError("INVALID", "notify.bad_recipient", {}, "to");
  }
}

export function maskRecipient(channel: NotifyChannel, to: string): string {
  return channel === "email" ? maskEmail(to) : maskPhone(to);
}

export interface EnqueueMessageInput<C extends TemplateCode> {
  channel: NotifyChannel;
  /** A phone number (sms, alimtalk) or an e-mail address (email), in plaintext: stored only encrypted. */
  to: string;
  template: C;
  variables: TemplateVariables<C>;
  locale?: NotifyLocale;
  /** The organisation's time zone, for instants in the text (a link's expiry). Default Asia/Seoul. */
  timeZone?: string;
  /**
   * Versioned and derived from what makes the message unique, never from personal data:
   * `enroll-link:v1:<linkId>`, `otp:v1:<challengeId>`. Enqueuing the same key again changes nothing.
   */
  idempotencyKey: string;
  /** The clock's now: when the message becomes due. */
  now: Date;
  /** Send no earlier than this (default: now). */
  sendAfter?: Date;
  /** Cancel rather than send after this. A one-time code defaults to its 3-minute validity. */
  expiresAt?: Date | null;
  payerId?: number | null;
  /** What the message is about, e.g. `{ type: "enrollment_link", id: 42 }`: lets the admin find it. */
  related?: { type: string; id: string | number } | null;
}

export interface EnqueuedMessage {
  id: number;
  /** False when a message with this idempotency key existed already (it is returned, unchanged). */
  created: boolean;
  status: "queued" | "sent" | "failed" | "cancelled";
}

/** Any template's input, each with its own variables (what a batch of mixed messages holds). */
export type AnyEnqueueMessageInput = { [C in TemplateCode]: EnqueueMessageInput<C> }[TemplateCode];

/** A message as stored (the columns enqueueing sets; the rest keep their defaults). */
type MessageRow = {
  createdAt: Date;
  updatedAt: Date;
  channel: NotifyChannel;
  templateCode: string;
  locale: NotifyLocale;
  recipientEnc: string;
  recipientMasked: string;
  recipientBidx: string;
  subject: string | null;
  body: string;
  secretEnc: string | null;
  providerTemplate: string | null;
  buttons: { name: string; url: string }[] | undefined;
  payerId: number | null;
  relatedType: string | null;
  relatedId: string | null;
  nextAttemptAt: Date;
  expiresAt: Date | null;
  idempotencyKey: string;
};

/**
 * The row a message is stored as: rendered now (a missing variable fails the caller's change, not
 * a job later), the recipient encrypted, masked and indexed, a one-time code only encrypted.
 * Throws the DomainError that refuses the message; touches no database.
 */
function messageRow<C extends TemplateCode>(keyring: Keyring, input: EnqueueMessageInput<C>): MessageRow {
  if (!input.idempotencyKey.trim() || input.idempotencyKey.length > 200) throw new DomainError("INVALID", "input.invalid", { detail: "idempotencyKey" }, "idempotencyKey");
  const to = input.channel === "email" ? input.to.trim() : normalisePhone(input.to);
  if (!isValidRecipient(input.channel, to)) throw new DomainError("INVALID", "notify.bad_recipient", {}, "to");
  const locale = input.locale ?? "ko";

  let rendered;
  try {
    rendered = renderTemplate(input.template, input.variables, { locale, timeZone: input.timeZone });
  } catch (error) {
    if (error instanceof TemplateVariableError) throw new DomainError("INVALID", "notify.template_variable", { template: error.templateCode, variable: error.variable }, error.variable);
    throw error;
  }

  const expiresAt = input.expiresAt !== undefined ? input.expiresAt : input.template === "otp_code" ? new Date(input.now.getTime() + OTP_VALID_MINUTES * 60_000) : null;
  return {
    createdAt: input.now,
    updatedAt: input.now,
    channel: input.channel,
    templateCode: input.template,
    locale,
    recipientEnc: encryptField(keyring, to, NOTIFY_FIELD_CONTEXT.recipient),
    recipientMasked: maskRecipient(input.channel, to),
    recipientBidx: recipientSearchIndex(keyring, to),
    subject: rendered.subject,
    body: rendered.maskedBody,
    secretEnc: rendered.secrets.length ? encryptField(keyring, serializeSecrets(rendered.secrets), NOTIFY_FIELD_CONTEXT.secret) : null,
    providerTemplate: input.channel === "alimtalk" ? (rendered.alimtalk?.templateCode ?? null) : null,
    buttons: input.channel === "alimtalk" && rendered.alimtalk?.buttons.length ? rendered.alimtalk.buttons.map((b) => ({ name: b.name, url: b.url })) : undefined,
    payerId: input.payerId ?? null,
    relatedType: input.related?.type ?? null,
    relatedId: input.related ? String(input.related.id) : null,
    nextAttemptAt: input.sendAfter ?? input.now,
    expiresAt,
    idempotencyKey: input.idempotencyKey,
  };
}

/**
 * Queues a message in the caller's transaction, so it is sent only if the change that causes it
 * commits. Renders it now (a missing variable fails the caller's change, not a job later),
 * stores the recipient encrypted and masked, and a one-time code only encrypted. Idempotent by
 * key: `INSERT … ON CONFLICT DO NOTHING`, which, unlike a caught unique violation, leaves the
 * caller's transaction usable.
 */
export async function enqueueMessage<C extends TemplateCode>(tx: DbOrTx, keyring: Keyring, input: EnqueueMessageInput<C>): Promise<EnqueuedMessage> {
  const data = messageRow(keyring, input);
  const { count } = await tx.notifyMessage.createMany({ data: [data], skipDuplicates: true });
  const row = await tx.notifyMessage.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, status: true } });
  return { id: row.id, created: count === 1, status: row.status };
}

/** What became of one message of a batch: queued (or found queued before), or refused as `enqueueMessage` would refuse it. */
export type EnqueueOutcome = EnqueuedMessage | { refused: DomainError };

/**
 * `enqueueMessage` for many messages in two statements instead of two per message (the billing
 * engine tells thousands of payers at once). Each message is rendered, encrypted and indexed as
 * `enqueueMessage` does; one it would refuse is refused alone (its outcome carries the
 * DomainError) and the others are queued. A key queued before — earlier, concurrently, or twice
 * in the batch — returns the first message and writes nothing. Outcomes come back in input order.
 */
export async function enqueueMessages(tx: DbOrTx, keyring: Keyring, inputs: readonly AnyEnqueueMessageInput[]): Promise<EnqueueOutcome[]> {
  const rows: (MessageRow | { refused: DomainError })[] = inputs.map((input) => {
    try {
      return messageRow(keyring, input);
    } catch (error) {
      if (error instanceof DomainError) return { refused: error };
      throw error;
    }
  });
  const data = rows.filter((row): row is MessageRow => !("refused" in row));
  if (data.length === 0) return rows as EnqueueOutcome[];

  // One INSERT of column arrays (Prisma's createMany costs a fraction of a millisecond a row);
  // ON CONFLICT DO NOTHING returns only the rows it wrote: the rest existed.
  const column = (of: (row: MessageRow) => SqlArrayValue) => sqlArray(data.map(of));
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const created = await tx.$queryRaw<{ id: number; idempotency_key: string; status: EnqueuedMessage["status"] }[]>`
    INSERT INTO notify_message (created_at, updated_at, channel, template_code, locale, recipient_enc, recipient_masked, recipient_bidx, subject, body,
                                secret_enc, provider_template, buttons, payer_id, related_type, related_id, next_attempt_at, expires_at, idempotency_key)
    SELECT * FROM unnest(
      ${column((r) => iso(r.createdAt))}::timestamptz[], ${column((r) => iso(r.updatedAt))}::timestamptz[], ${column((r) => r.channel)}::notify_channel[],
      ${column((r) => r.templateCode)}::text[], ${column((r) => r.locale)}::text[], ${column((r) => r.recipientEnc)}::text[], ${column((r) => r.recipientMasked)}::text[],
      ${column((r) => r.recipientBidx)}::text[], ${column((r) => r.subject)}::text[], ${column((r) => r.body)}::text[], ${column((r) => r.secretEnc)}::text[],
      ${column((r) => r.providerTemplate)}::text[], ${column((r) => (r.buttons ? JSON.stringify(r.buttons) : null))}::jsonb[], ${column((r) => r.payerId)}::int[],
      ${column((r) => r.relatedType)}::text[], ${column((r) => r.relatedId)}::text[], ${column((r) => iso(r.nextAttemptAt))}::timestamptz[],
      ${column((r) => iso(r.expiresAt))}::timestamptz[], ${column((r) => r.idempotencyKey)}::text[])
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id, idempotency_key, status::text AS status`;
  const byKey = new Map<string, EnqueuedMessage>(created.map((row) => [row.idempotency_key, { id: row.id, created: true, status: row.status }]));
  const existing = [...new Set(data.map((row) => row.idempotencyKey).filter((key) => !byKey.has(key)))];
  if (existing.length > 0) {
    for (const row of await tx.notifyMessage.findMany({ where: { idempotencyKey: { in: existing } }, select: { id: true, idempotencyKey: true, status: true } })) {
      byKey.set(row.idempotencyKey, { id: row.id, created: false, status: row.status });
    }
  }
  const seen = new Set<string>();
  return rows.map((row) => {
    if ("refused" in row) return row;
    const message = byKey.get(row.idempotencyKey)!;
    // Only the first message of a key in the batch was written; a repeat finds it.
    const first = !seen.has(row.idempotencyKey);
    seen.add(row.idempotencyKey);
    return first ? message : { ...message, created: false };
  });
}

/** How many messages went to this recipient since a moment (rate limits: "at most 5 codes per phone per hour"). */
export async function countRecentMessages(db: DbOrTx, keyring: Keyring, input: { to: string; since: Date; template?: TemplateCode }): Promise<number> {
  return db.notifyMessage.count({
    where: { recipientBidx: recipientSearchIndex(keyring, input.to), createdAt: { gte: input.since }, ...(input.template ? { templateCode: input.template } : {}) },
  });
}

/**
 * Cancels what is still queued about something (a revoked link, a superseded code). Sent
 * messages stay sent, and one a dispatcher is sending right now is left to it: too late to stop.
 */
export async function cancelQueuedMessages(tx: DbOrTx, input: { related: { type: string; id: string | number }; template?: TemplateCode; reason: string; now: Date }): Promise<number> {
  const { count } = await tx.notifyMessage.updateMany({
    where: {
      status: "queued",
      relatedType: input.related.type,
      relatedId: String(input.related.id),
      ...(input.template ? { templateCode: input.template } : {}),
      OR: [{ claimedUntil: null }, { claimedUntil: { lte: input.now } }],
    },
    data: { status: "cancelled", lastError: input.reason, claimedUntil: null, claimToken: null, updatedAt: input.now },
  });
  return count;
}
