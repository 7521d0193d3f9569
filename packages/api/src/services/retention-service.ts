import { addDays, businessDateAt, businessDateFromDb, businessDateToDb, DomainError, type BusinessDate } from "@sunap/core";
import { encryptField, Prisma, type Db, type DbOrTx, type Keyring, type Tx } from "@sunap/db";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { recordAudit, type Actor } from "../audit.ts";
import type { ServerPlugin } from "../server-plugin.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
import { ACTIVE_REGISTRATION_STATUSES } from "./registration-service.ts";

export const RETENTION_YEARS = { min: 1, max: 20, default: 5 } as const;

export async function retentionSettings(db: DbOrTx) {
  const row = await db.retentionSetting.findUnique({ where: { id: 1 } });
  return { consentEvidenceYears: row?.consentEvidenceYears ?? RETENTION_YEARS.default, updatedAt: row?.updatedAt ?? null };
}

export async function updateRetentionSettings(db: DbOrTx, years: number, audit: AuditSink) {
  if (!Number.isInteger(years) || years < RETENTION_YEARS.min || years > RETENTION_YEARS.max) throw new DomainError("INVALID", "retention.bad_years", { min: RETENTION_YEARS.min, max: RETENTION_YEARS.max }, "consentEvidenceYears");
  const before = await retentionSettings(db);
  const row = await db.retentionSetting.upsert({ where: { id: 1 }, create: { id: 1, consentEvidenceYears: years }, update: { consentEvidenceYears: years } });
  await audit(db, { action: "retention.update", entityType: "retention_setting", entityId: 1, before: { consentEvidenceYears: before.consentEvidenceYears }, after: { consentEvidenceYears: row.consentEvidenceYears } });
  return { consentEvidenceYears: row.consentEvidenceYears, updatedAt: row.updatedAt };
}

/** The same date `years` later (29 February → 28 February in a common year). */
export function addYears(date: BusinessDate, years: number): BusinessDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const candidate = `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return m === 2 && d === 29 && !((y + years) % 4 === 0 && ((y + years) % 100 !== 0 || (y + years) % 400 === 0)) ? addDays(candidate, -1) : candidate;
}

export interface RetentionCandidate {
  payerId: number;
  /**
   * When the relationship ended: the latest of the day the payer left, the day their last
   * registration or contract ended, and the last ledger movement naming them (a debt settled
   * after the contract ended keeps the relationship going until it is settled).
   */
  endedOn: BusinessDate;
  /** The first day the personal data may be destroyed. */
  dueOn: BusinessDate;
}

/** The ledger accounts on which a payer's balance is money owed by them or to them. */
const PAYER_BALANCE_ACCOUNTS = ["receivables", "customer_credits"] as const;
const LEDGER_CHUNK = 1000;

const latest = (dates: readonly (BusinessDate | null)[]): BusinessDate | undefined => dates.filter((d): d is BusinessDate => d !== null).sort().at(-1);

/**
 * Payers whose relationship ended more than the retention period ago and who are not redacted
 * yet, whether or not they ever gave a consent (a payer entered in the admin who paid by bank
 * transfer has personal data too). The relationship has ended when the payer left, or their
 * registrations or contracts ended; it has not while any registration or contract is active, any
 * invoice is open or the ledger holds a balance owed by or to them (customer credit not refunded).
 * `onlyPayerIds` narrows the search (the redaction checks its payer again in its transaction).
 */
export async function retentionCandidates(db: DbOrTx, today: BusinessDate, years: number, timeZone: string, onlyPayerIds?: readonly number[]): Promise<RetentionCandidate[]> {
  const payers = await db.payer.findMany({
    where: {
      ...(onlyPayerIds && { id: { in: [...onlyPayerIds] } }),
      phoneBidx: { not: "redacted" },
      registrations: { none: { status: { in: [...ACTIVE_REGISTRATION_STATUSES] } } },
      contracts: { none: { status: "active" } },
      invoices: { none: { openWon: { not: 0n } } },
      OR: [{ leftOn: { not: null } }, { registrations: { some: {} } }, { contracts: { some: {} } }],
    },
    select: { id: true, leftOn: true, registrations: { select: { finishedAt: true, finishedOn: true } }, contracts: { select: { endedOn: true } } },
    orderBy: { id: "asc" },
  });
  // First without the ledger: a later ledger movement can only push the end further out.
  const ended = new Map<number, BusinessDate>();
  for (const payer of payers) {
    const registrationsEnded = payer.registrations.map((r) => (r.finishedOn ? businessDateFromDb(r.finishedOn) : r.finishedAt ? businessDateAt(r.finishedAt, timeZone) : null));
    const contractsEnded = payer.contracts.map((c) => (c.endedOn ? businessDateFromDb(c.endedOn) : null));
    const endedOn = latest([payer.leftOn ? businessDateFromDb(payer.leftOn) : null, ...registrationsEnded, ...contractsEnded]);
    if (endedOn && addYears(endedOn, years) <= today) ended.set(payer.id, endedOn);
  }
  const due: RetentionCandidate[] = [];
  const ids = [...ended.keys()];
  for (let start = 0; start < ids.length; start += LEDGER_CHUNK) {
    const chunk = ids.slice(start, start + LEDGER_CHUNK);
    const ledger = await db.journalLine.groupBy({ by: ["payerId", "accountCode"], where: { payerId: { in: chunk } }, _sum: { amountWon: true }, _max: { effectiveOn: true } });
    const byPayer = new Map<number, typeof ledger>();
    for (const line of ledger) byPayer.set(line.payerId!, [...(byPayer.get(line.payerId!) ?? []), line]);
    for (const payerId of chunk) {
      const lines = byPayer.get(payerId) ?? [];
      const owes = lines.some((l) => (PAYER_BALANCE_ACCOUNTS as readonly string[]).includes(l.accountCode) && (l._sum.amountWon ?? 0n) !== 0n);
      if (owes) continue;
      const endedOn = latest([ended.get(payerId)!, ...lines.map((l) => (l._max.effectiveOn ? businessDateFromDb(l._max.effectiveOn) : null))])!;
      const dueOn = addYears(endedOn, years);
      if (dueOn <= today) due.push({ payerId, endedOn, dueOn });
    }
  }
  return due;
}

/** What a redacted message shows in the message log instead of its text. */
export const REDACTED_MESSAGE_TEXT = "(보존기간 경과로 파기됨)";
/** What a redacted payment's reference or memo shows (the payer's name gets the same placeholder). */
export const REDACTED_TEXT = "(파기됨)";

export interface RedactPayerOptions {
  actor: string;
  reason: string;
  /** When the relationship ended: the day a payer who never "left" is recorded as having left. */
  endedOn: BusinessDate;
  /** The server's plugins: each erases what it keeps of the payer in its own tables. */
  plugins?: readonly ServerPlugin[];
}

/**
 * Redacts one payer through sunap_redact_payer_personal_data(), the one database function
 * allowed to touch consent evidence; it writes its own audit record. The encrypted columns that
 * may not be empty get an encrypted empty value (the database holds no keys). In the same
 * transaction the payer's messages lose their text, recipient and links (the outbox is not
 * evidence: the app redacts it itself), and any still queued are cancelled; their payments lose
 * the reference and memo typed from the bank statement (often the depositor's name); each plugin
 * erases its own rows' personal data; and the payer is marked as left. What the function does not
 * cover is audited in a second record with counts only.
 */
export async function redactPayer(tx: Tx, keyring: Keyring, payerId: number, options: RedactPayerOptions) {
  const phone = encryptField(keyring, "", PAYER_FIELD_CONTEXT.phone);
  const account = encryptField(keyring, "", PAYER_FIELD_CONTEXT.accountNumber);
  const rows = await tx.$queryRaw<{ result: unknown }[]>`SELECT sunap_redact_payer_personal_data(${payerId}::integer, ${phone}, ${account}, ${options.actor}, ${options.reason}) AS result`;
  await tx.notifyMessage.updateMany({ where: { payerId, status: "queued" }, data: { status: "cancelled", lastError: "retention" } });
  const messages = await tx.notifyMessage.updateMany({
    where: { payerId },
    data: { body: REDACTED_MESSAGE_TEXT, subject: null, recipientEnc: encryptField(keyring, "", NOTIFY_FIELD_CONTEXT.recipient), recipientMasked: REDACTED_MESSAGE_TEXT, recipientBidx: null, secretEnc: null, buttons: Prisma.DbNull },
  });
  // An empty reference or memo stays empty: the placeholder only says something was there.
  const payments = await tx.$executeRaw`
    UPDATE "payment" SET
      "reference" = CASE WHEN "reference" = '' THEN '' ELSE ${REDACTED_TEXT} END,
      "memo" = CASE WHEN "memo" = '' THEN '' ELSE ${REDACTED_TEXT} END
    WHERE "payer_id" = ${payerId} AND ("reference" NOT IN ('', ${REDACTED_TEXT}) OR "memo" NOT IN ('', ${REDACTED_TEXT}))`;
  const pluginRows: Record<string, number> = {};
  for (const plugin of options.plugins ?? []) {
    if (plugin.retention) pluginRows[plugin.manifest.id] = await plugin.retention.redactPayer(tx, payerId);
  }
  const before = await tx.payer.findUniqueOrThrow({ where: { id: payerId }, select: { status: true, leftOn: true } });
  const leftOn = before.leftOn ? businessDateFromDb(before.leftOn) : options.endedOn;
  if (before.status !== "left" || !before.leftOn) await tx.payer.update({ where: { id: payerId }, data: { status: "left", leftOn: businessDateToDb(leftOn) } });
  await recordAudit(tx, { id: null, email: options.actor, ip: null }, {
    action: "retention.redact_related",
    entityType: "payer",
    entityId: payerId,
    before: { status: before.status, leftOn: before.leftOn ? businessDateFromDb(before.leftOn) : null },
    after: { status: "left", leftOn, messages: messages.count, payments, plugins: pluginRows },
  });
  const result = rows[0]!.result as { payerId: number; evidenceFiles: number; consents: number; withdrawals: number; accounts: number; otpChallenges: number };
  return { ...result, messages: messages.count, payments, plugins: pluginRows };
}

/** Who the retention job is in the audit log. */
const RETENTION_ACTOR: Actor = { id: null, email: "retention-job", ip: null };
const MESSAGE_BATCH = 500;

/**
 * Rows created on a business date D (in the organisation's time zone) are due on `addYears(D, years)`,
 * as payers are: this SQL condition holds for those due on or before `today` ($1 today, $2 years, $3
 * time zone, $4 a bound a day or two past the last due instant, so the created_at index narrows first).
 * PostgreSQL's date + years gives 28 February for 29 February in a common year, like `addYears`.
 */
const PAST_RETENTION = `"created_at" < $4 AND ((("created_at" AT TIME ZONE $3)::date + make_interval(years => $2))::date <= $1::date)`;

function retentionBounds(today: BusinessDate, years: number, timeZone: string) {
  return [today, years, timeZone, businessDateToDb(addDays(addYears(today, -years), 2))] as const;
}

/**
 * Messages that name no payer (a one-time code or a sign-up link sent to a phone or an e-mail of
 * someone who never became a payer) lose their text, recipient, secret and links once past the
 * retention period, as a redacted payer's do; the row stays as the record that a message was sent.
 * Batch by batch, each in its own transaction with one audit record holding only ids and counts.
 */
export async function redactMessagesWithoutPayer(db: Db, keyring: Keyring, today: BusinessDate, years: number, timeZone: string): Promise<number> {
  const bounds = retentionBounds(today, years, timeZone);
  let redacted = 0;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
        `SELECT "id" FROM "notify_message" WHERE "payer_id" IS NULL AND "body" <> $5 AND ${PAST_RETENTION} ORDER BY "id" LIMIT ${MESSAGE_BATCH} FOR UPDATE SKIP LOCKED`,
        ...bounds,
        REDACTED_MESSAGE_TEXT,
      );
      if (rows.length === 0) return true;
      const ids = rows.map((r) => r.id);
      const cancelled = await tx.notifyMessage.updateMany({ where: { id: { in: ids }, status: "queued" }, data: { status: "cancelled", lastError: "retention" } });
      await tx.notifyMessage.updateMany({
        where: { id: { in: ids } },
        data: { body: REDACTED_MESSAGE_TEXT, subject: null, recipientEnc: encryptField(keyring, "", NOTIFY_FIELD_CONTEXT.recipient), recipientMasked: REDACTED_MESSAGE_TEXT, recipientBidx: null, secretEnc: null, buttons: Prisma.DbNull },
      });
      await recordAudit(tx, RETENTION_ACTOR, {
        action: "retention.redact_messages",
        entityType: "notify_message",
        after: { messageIds: ids, cancelled: cancelled.count, reason: `no payer; kept ${years} years, due on or before ${today}` },
      });
      redacted += ids.length;
      return rows.length < MESSAGE_BATCH;
    });
    if (done) return redacted;
  }
}

/**
 * One-time-code challenges past retention are deleted: they hold the phone (encrypted, and as a
 * blind index) and the IP it was asked from. A challenge a consent or a withdrawal names is
 * evidence and stays until its payer is redacted (the redaction function deletes it then). The
 * per-phone failure counters untouched for the retention period go too (a lock lasts minutes
 * from the counter's last update, so none of them is still locked).
 */
export async function deleteExpiredOtpData(db: Db, today: BusinessDate, years: number, timeZone: string) {
  const bounds = retentionBounds(today, years, timeZone);
  return db.$transaction(async (tx) => {
    const challenges = await tx.$executeRawUnsafe(
      `DELETE FROM "otp_challenge" c WHERE ${PAST_RETENTION.replaceAll('"created_at"', 'c."created_at"')}
         AND NOT EXISTS (SELECT 1 FROM "consent" WHERE "otp_challenge_id" = c."id")
         AND NOT EXISTS (SELECT 1 FROM "consent_withdrawal" WHERE "otp_challenge_id" = c."id")`,
      ...bounds,
    );
    const guards = await tx.$executeRawUnsafe(
      `DELETE FROM "otp_phone_guard" WHERE ${PAST_RETENTION.replaceAll('"created_at"', '"updated_at"')}`,
      ...bounds,
    );
    if (challenges + guards > 0) {
      await recordAudit(tx, RETENTION_ACTOR, { action: "retention.delete_otp", entityType: "otp_challenge", after: { challenges, phoneGuards: guards, reason: `kept ${years} years, due on or before ${today}` } });
    }
    return { challenges, phoneGuards: guards };
  });
}

/**
 * The daily run: every payer past retention (with or without a consent), each in its own
 * transaction (a failure leaves the rest done), then what names no payer.
 */
export async function runRetention(db: Db, keyring: Keyring, today: BusinessDate, plugins: readonly ServerPlugin[] = []) {
  const org = await db.organization.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  const timeZone = org?.timeZone ?? "Asia/Seoul";
  const { consentEvidenceYears } = await retentionSettings(db);
  const candidates = await retentionCandidates(db, today, consentEvidenceYears, timeZone);
  const redacted: number[] = [];
  for (const { payerId } of candidates) {
    const done = await db.$transaction(async (tx) => {
      // Checked again under the payer's lock: a contract, an invoice or a payment may have come since.
      await tx.$queryRaw`SELECT "id" FROM "payer" WHERE "id" = ${payerId} FOR UPDATE`;
      const [candidate] = await retentionCandidates(tx, today, consentEvidenceYears, timeZone, [payerId]);
      if (!candidate) return false;
      await redactPayer(tx, keyring, payerId, { actor: "retention-job", reason: `relationship ended ${candidate.endedOn}; kept ${consentEvidenceYears} years until ${candidate.dueOn}`, endedOn: candidate.endedOn, plugins });
      return true;
    });
    if (done) redacted.push(payerId);
  }
  const messagesWithoutPayer = await redactMessagesWithoutPayer(db, keyring, today, consentEvidenceYears, timeZone);
  const otp = await deleteExpiredOtpData(db, today, consentEvidenceYears, timeZone);
  return { years: consentEvidenceYears, redacted: redacted.length, messagesWithoutPayer, otpChallenges: otp.challenges, otpPhoneGuards: otp.phoneGuards };
}
