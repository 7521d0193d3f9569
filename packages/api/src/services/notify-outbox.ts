import { createHmac } from "node:crypto";
import { DomainError } from "@sunap/core";
import { encryptField, maskPhone, normalisePhone, phoneSearchIndex, type DbOrTx, type Keyring, type Prisma } from "@sunap/db";
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

/**
 * Queues a message in the caller's transaction, so it is sent only if the change that causes it
 * commits. Renders it now (a missing variable fails the caller's change, not a job later),
 * stores the recipient encrypted and masked, and a one-time code only encrypted. Idempotent by
 * key: `INSERT … ON CONFLICT DO NOTHING`, which, unlike a caught unique violation, leaves the
 * caller's transaction usable.
 */
export async function enqueueMessage<C extends TemplateCode>(tx: DbOrTx, keyring: Keyring, input: EnqueueMessageInput<C>): Promise<EnqueuedMessage> {
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
  const data: Prisma.NotifyMessageCreateManyInput = {
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
  const { count } = await tx.notifyMessage.createMany({ data: [data], skipDuplicates: true });
  const row = await tx.notifyMessage.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, status: true } });
  return { id: row.id, created: count === 1, status: row.status };
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
