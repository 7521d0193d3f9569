import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Clock } from "@sunap/core";
import { decryptField, Prisma, type Db, type Keyring, type NotifyMessageModel as NotifyMessage } from "@sunap/db";
import { classifySendFailure, NotifyProviderError, parseSecrets, revealSecrets, type NotifyButton, type NotifyProviders, type OutgoingMessage } from "@sunap/notify";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";

/**
 * Sends what the outbox holds. Delivery is **at least once**:
 *
 * 1. Claim a batch: `FOR UPDATE SKIP LOCKED` picks due, queued, unclaimed rows, and one statement
 *    stamps them with a lease (`claimed_until`, `claim_token`) and counts the attempt. Concurrent
 *    dispatchers (a cron run overlapping an on-demand one, several workers) never take the same
 *    row; no transaction stays open while a provider is called.
 * 2. Send each through its channel's provider, outside any transaction.
 * 3. Record the outcome only if the claim is still ours: sent (final — a trigger keeps it so, and
 *    only queued rows are ever claimed, so a sent message is never sent again), failed
 *    (permanent failure, or the last attempt), or queued again with a backoff.
 *
 * The window between 2 and 3 is the one a crash can hit: the provider has the message, we have
 * no record. The lease then lapses and the message is sent again. We choose that over losing it
 * (at most once): a lost enrollment link or code stalls a payer, a duplicate is an annoyance
 * (a repeated one-time code is the same code). Providers that deduplicate by a client reference
 * get `referenceId`, stable across attempts; attempts are counted at the claim, so a message
 * whose sending crashes the worker still stops after `maxAttempts`.
 */
export interface DispatchOptions {
  keyring: Keyring;
  providers: NotifyProviders;
  /** Only these messages (an on-demand run right after a code was queued). Default: every due one. */
  messageIds?: readonly number[];
  /** Rows claimed at a time. Default 50. */
  batchSize?: number;
  /** Stop after this many in one run; the next run goes on. Default 500. */
  maxMessages?: number;
  /** Attempts before a temporarily failing message is failed for good. Default 5. */
  maxAttempts?: number;
  /** How long a claim holds: longer than a run may take (the job expires after 240 s). Default 300 s. */
  leaseSeconds?: number;
  /** Stops at the next message when aborted; what was claimed but not tried is released. */
  signal?: AbortSignal;
  log?: Logger;
}

export interface DispatchResult {
  sent: number;
  failed: number;
  retrying: number;
  /** Expired before they could be sent (a one-time code after its 3 minutes). */
  cancelled: number;
}

export const DISPATCH_DEFAULTS = { batchSize: 50, maxMessages: 500, maxAttempts: 5, leaseSeconds: 300 } as const;

/** Delay before the next attempt after `attempts` tries: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function dispatchDueMessages(db: Db, clock: Clock, options: DispatchOptions): Promise<DispatchResult> {
  const settings = { ...DISPATCH_DEFAULTS, ...withoutUndefined(options) };
  const result: DispatchResult = { sent: 0, failed: 0, retrying: 0, cancelled: await cancelExpired(db, clock.now(), options.messageIds) };
  let handled = 0;
  while (handled < settings.maxMessages && !options.signal?.aborted) {
    const token = randomUUID();
    const claimed = await claim(db, clock.now(), token, Math.min(settings.batchSize, settings.maxMessages - handled), settings.leaseSeconds, options.messageIds);
    if (claimed.length === 0) break;
    for (const [index, message] of claimed.entries()) {
      if (options.signal?.aborted) {
        await release(db, token, claimed.slice(index).map((m) => m.id));
        break;
      }
      const outcome = await sendOne(db, clock, message, token, settings.maxAttempts, options);
      result[outcome] += 1;
      handled += 1;
    }
  }
  return result;
}

async function cancelExpired(db: Db, now: Date, ids: readonly number[] | undefined): Promise<number> {
  const { count } = await db.notifyMessage.updateMany({
    where: { status: "queued", expiresAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: now } }], ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { status: "cancelled", lastError: "expired before it could be sent", updatedAt: now },
  });
  return count;
}

async function claim(db: Db, now: Date, token: string, limit: number, leaseSeconds: number, ids: readonly number[] | undefined): Promise<NotifyMessage[]> {
  const leaseEnd = new Date(now.getTime() + leaseSeconds * 1000);
  const onlyIds = ids ? Prisma.sql`AND id = ANY(${[...ids]}::int[])` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH due AS (
      SELECT id FROM notify_message
      WHERE status = 'queued' AND next_attempt_at <= ${now}
        AND (claimed_until IS NULL OR claimed_until <= ${now})
        AND (expires_at IS NULL OR expires_at > ${now})
        ${onlyIds}
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notify_message AS m
    SET claimed_until = ${leaseEnd}, claim_token = ${token}, attempts = m.attempts + 1, updated_at = ${now}
    FROM due WHERE m.id = due.id
    RETURNING m.id`;
  if (rows.length === 0) return [];
  return db.notifyMessage.findMany({ where: { id: { in: rows.map((r) => r.id) }, claimToken: token }, orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }] });
}

/** Gives back claimed messages that were not tried (the run was stopped): they go out on the next run. */
async function release(db: Db, token: string, ids: number[]): Promise<void> {
  await db.notifyMessage.updateMany({ where: { id: { in: ids }, claimToken: token, status: "queued" }, data: { claimedUntil: null, claimToken: null, attempts: { decrement: 1 } } });
}

/** The message as the provider must get it: recipient decrypted, secrets put back. */
function outgoing(keyring: Keyring, message: NotifyMessage): OutgoingMessage {
  const body = message.secretEnc ? revealSecrets(message.body, parseSecrets(decryptField(keyring, message.secretEnc, NOTIFY_FIELD_CONTEXT.secret))) : message.body;
  return {
    to: decryptField(keyring, message.recipientEnc, NOTIFY_FIELD_CONTEXT.recipient),
    subject: message.subject ?? undefined,
    body,
    templateCode: message.providerTemplate ?? undefined,
    buttons: Array.isArray(message.buttons) ? (message.buttons as unknown as NotifyButton[]) : undefined,
    referenceId: `sunap-notify-${message.id}`,
  };
}

async function sendOne(db: Db, clock: Clock, message: NotifyMessage, token: string, maxAttempts: number, options: DispatchOptions): Promise<"sent" | "failed" | "retrying"> {
  const provider = options.providers[message.channel];
  const mine = { id: message.id, claimToken: token, status: "queued" as const };
  const log = options.log?.child({ messageId: message.id, channel: message.channel, attempt: message.attempts });
  try {
    let toSend: OutgoingMessage;
    try {
      toSend = outgoing(options.keyring, message);
    } catch (error) {
      // A key missing from the configuration: fixable, so retried like a provider outage.
      throw NotifyProviderError.temporary("cannot_decrypt", error instanceof Error ? error.message : "cannot decrypt the recipient");
    }
    const receipt = await provider.send(toSend);
    const { count } = await db.notifyMessage.updateMany({
      where: mine,
      data: {
        status: "sent",
        sentAt: clock.now(),
        provider: provider.name,
        providerMessageId: receipt.providerMessageId,
        deliveredAs: receipt.deliveredAs ?? (message.channel === "email" ? "email" : message.channel === "alimtalk" ? "alimtalk" : "sms"),
        claimedUntil: null,
        claimToken: null,
        updatedAt: clock.now(),
      },
    });
    // Our lease lapsed and the row moved on (cancelled, or claimed again): the provider has it anyway.
    if (count === 0) log?.warn("message sent after its claim lapsed; the outbox was not updated");
    return "sent";
  } catch (error) {
    const failure = classifySendFailure(error);
    const final = failure.kind === "permanent" || message.attempts >= maxAttempts;
    const now = clock.now();
    // Provider messages name reasons, never the recipient; still, keep them short.
    const lastError = `${failure.kind} ${failure.reason}: ${failure.message}`.slice(0, 500);
    await db.notifyMessage.updateMany({
      where: mine,
      data: final
        ? { status: "failed", lastError, claimedUntil: null, claimToken: null, updatedAt: now }
        : { lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)), claimedUntil: null, claimToken: null, updatedAt: now },
    });
    log?.info({ outcome: final ? "failed" : "retrying", kind: failure.kind, reason: failure.reason }, "message not sent");
    return final ? "failed" : "retrying";
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
