import { DomainError, type ListInput } from "@sunap/core";
import { decryptField, type Db, type Keyring, type NotifyMessageModel as NotifyMessage, type Prisma } from "@sunap/db";
import { maskLongNumbers, parseSecrets, revealSecrets, SANDBOX_PROVIDER_NAME } from "@sunap/notify";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { NOTIFY_FIELD_CONTEXT, recipientSearchIndex } from "./notify-outbox.ts";

/**
 * A message as the admin's message log shows it: the recipient masked, one-time codes masked
 * (as stored), and long digit runs (account or phone numbers a notice may quote) masked to
 * their last four. Ciphertexts, blind indexes and claims never leave the server.
 */
export function presentMessage(row: NotifyMessage) {
  return {
    id: row.id,
    createdAt: row.createdAt,
    channel: row.channel,
    templateCode: row.templateCode,
    locale: row.locale,
    recipientMasked: row.recipientMasked,
    subject: row.subject === null ? null : maskLongNumbers(row.subject),
    body: maskLongNumbers(row.body),
    hasSecret: row.secretEnc !== null,
    buttons: Array.isArray(row.buttons) ? (row.buttons as unknown as { name: string; url: string }[]) : [],
    payerId: row.payerId,
    relatedType: row.relatedType,
    relatedId: row.relatedId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    expiresAt: row.expiresAt,
    lastError: row.lastError,
    provider: row.provider,
    providerMessageId: row.providerMessageId,
    deliveredAs: row.deliveredAs,
    sentAt: row.sentAt,
    idempotencyKey: row.idempotencyKey,
  };
}

export type PresentedMessage = ReturnType<typeof presentMessage>;

const LIST_FIELDS = {
  id: "int",
  createdAt: "datetime",
  channel: "enum",
  status: "enum",
  templateCode: "string",
  payerId: "int",
  relatedType: "string",
  relatedId: "string",
  deliveredAs: "enum",
  sentAt: "datetime",
  attempts: "int",
} as const;

/** The message log, Refine-shaped; `recipient` (a phone or an e-mail) is searched through its blind index. */
export async function listMessages(db: Db, keyring: Keyring, input: ListInput): Promise<{ data: PresentedMessage[]; total: number }> {
  const recipient = input.filters.find((f) => f.field === "recipient");
  const args = prismaListArgs({ ...input, filters: input.filters.filter((f) => f.field !== "recipient") }, LIST_FIELDS, { id: "desc" });
  const extra: Prisma.NotifyMessageWhereInput[] = [];
  if (recipient && typeof recipient.value === "string" && recipient.value.trim()) {
    extra.push({ recipientBidx: matchNothingIfInvalid(() => recipientSearchIndex(keyring, recipient.value as string)) });
  }
  const where: Prisma.NotifyMessageWhereInput = { AND: [args.where as Prisma.NotifyMessageWhereInput, ...extra] };
  const [rows, total] = await Promise.all([db.notifyMessage.findMany({ ...args, where }), db.notifyMessage.count({ where })]);
  return { data: rows.map(presentMessage), total };
}

export async function getMessage(db: Db, id: number): Promise<PresentedMessage> {
  const row = await db.notifyMessage.findUnique({ where: { id } });
  if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `message ${id}` });
  return presentMessage(row);
}

/**
 * Queues a failed message again, from its first attempt, with a record of who did it. Only
 * failed ones: a sent message stays sent, and an expired one (a one-time code) is useless.
 */
export async function resendMessage(db: Db, id: number, now: Date, audit: AuditSink): Promise<PresentedMessage> {
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM notify_message WHERE id = ${id} FOR UPDATE`;
    const row = before ? await tx.notifyMessage.findUnique({ where: { id } }) : null;
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `message ${id}` });
    if (row.status !== "failed") throw new DomainError("CONFLICT", "message.not_failed", { status: row.status });
    if (row.expiresAt && row.expiresAt <= now) throw new DomainError("CONFLICT", "message.expired");
    const updated = await tx.notifyMessage.update({
      where: { id },
      data: { status: "queued", attempts: 0, nextAttemptAt: now, claimedUntil: null, claimToken: null, updatedAt: now },
    });
    await audit(tx, {
      action: "message.resend",
      entityType: "notify_message",
      entityId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError, recipient: row.recipientMasked },
      after: { status: updated.status, templateCode: updated.templateCode, channel: updated.channel },
    });
    return presentMessage(updated);
  });
}

/**
 * Demo mode only: the latest messages the sandbox sent to a phone or an e-mail address, with
 * one-time codes in the clear — how a demo user or the e2e test reads the code a payer got.
 * Found through the blind index, so no recipient is decrypted to search.
 */
export async function sandboxInbox(db: Db, keyring: Keyring, input: { to: string; limit: number; includeQueued: boolean; demoMode: boolean }) {
  if (!input.demoMode) throw new DomainError("FORBIDDEN", "sandbox.demo_only");
  const index = recipientSearchIndex(keyring, input.to);
  const rows = await db.notifyMessage.findMany({
    where: { recipientBidx: index, OR: [{ status: "sent", provider: SANDBOX_PROVIDER_NAME }, ...(input.includeQueued ? [{ status: "queued" as const }] : [])] },
    orderBy: { id: "desc" },
    take: input.limit,
  });
  return rows.map((row) => {
    const secrets = row.secretEnc ? parseSecrets(decryptField(keyring, row.secretEnc, NOTIFY_FIELD_CONTEXT.secret)) : [];
    return {
      id: row.id,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      status: row.status,
      channel: row.channel,
      deliveredAs: row.deliveredAs,
      templateCode: row.templateCode,
      recipientMasked: row.recipientMasked,
      subject: row.subject,
      body: revealSecrets(row.body, secrets),
      /** The one-time code(s) in the message, for a test to type in. */
      secrets: secrets.map((s) => s.value),
    };
  });
}

/** A search term that is no phone or address simply matches nothing. */
function matchNothingIfInvalid(compute: () => string): string {
  try {
    return compute();
  } catch {
    return "no-match";
  }
}
