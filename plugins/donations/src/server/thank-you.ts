import { businessDateFromDb, DomainError, type Clock } from "@sunap/core";
import { decryptField, type Keyring, type Tx } from "@sunap/db";
import { enqueueMessage, manageUrlsFor, PAYER_FIELD_CONTEXT } from "@sunap/api";
import { donationsManifest } from "../manifest.ts";
import { creditorName, loadDonationSettings } from "./settings.ts";

/** The outbox's `related` entity of a thank-you: the donor. Its presence means "thanked already". */
export const THANK_YOU_RELATED_TYPE = "donations.donor";
export const THANK_YOU_TEMPLATE = "donation_thank_you";

export interface ThankYouRun {
  queued: number;
  /** Donors with a collection but no way to reach them (no phone or e-mail for the channel). */
  unreachable: number;
}

/**
 * Queues a thank-you to every donor whose first gift has been collected and who has not been
 * thanked yet — found by the outbox row whose related entity is the donor. Idempotent twice
 * over: the search skips thanked donors, and the message key `donation-thank-you:v1:<payer>`
 * makes a concurrent second run queue nothing more. The amount and day are the donor's first
 * collection (the first ledger entry that paid one of their donation invoices and was not
 * voided). Runs in the
 * caller's transaction, which records the run in the audit log.
 */
export async function queueThankYouMessages(db: Tx, keyring: Keyring, input: { clock: Clock; payerIds?: readonly number[] }): Promise<ThankYouRun> {
  const today = input.clock.today();
  const settings = await loadDonationSettings(db);
  const firsts = await db.$queryRaw<{ payer_id: number; on: Date; amount: bigint }[]>`
    WITH collected AS (
      SELECT i.payer_id, l.entry_id, l.effective_on, -SUM(l.amount_won)::bigint AS amount
        FROM journal_line l
        JOIN invoice i ON i.id = l.invoice_id
        JOIN journal_entry e ON e.id = l.entry_id
       WHERE i.plugin_id = ${donationsManifest.id}
         AND l.account_code = 'receivables'
         AND l.entry_id <> i.entry_id
         AND (i.void_entry_id IS NULL OR l.entry_id <> i.void_entry_id)
         AND e.kind NOT LIKE 'write_off%'
         AND NOT EXISTS (SELECT 1 FROM journal_entry v WHERE v.reverses_entry_id = l.entry_id)
         AND l.effective_on <= ${today}::date
       GROUP BY i.payer_id, l.entry_id, l.effective_on
      HAVING SUM(l.amount_won) < 0
    )
    SELECT DISTINCT ON (c.payer_id) c.payer_id, c.effective_on AS "on", c.amount
      FROM collected c
     WHERE NOT EXISTS (
             SELECT 1 FROM notify_message m
              WHERE m.template_code = ${THANK_YOU_TEMPLATE} AND m.related_type = ${THANK_YOU_RELATED_TYPE} AND m.related_id = c.payer_id::text)
     ORDER BY c.payer_id, c.effective_on, c.entry_id`;
  const wanted = input.payerIds ? new Set(input.payerIds) : null;
  const candidates = firsts.filter((f) => !wanted || wanted.has(f.payer_id));
  if (candidates.length === 0) return { queued: 0, unreachable: 0 };

  const signature = await creditorName(db, settings);
  const payers = await db.payer.findMany({ where: { id: { in: candidates.map((c) => c.payer_id) } }, select: { id: true, name: true, phoneEnc: true, email: true } });
  const payerById = new Map(payers.map((p) => [p.id, p]));
  const manageUrls = await manageUrlsFor(db, keyring, input.clock, candidates.map((c) => c.payer_id));
  const run: ThankYouRun = { queued: 0, unreachable: 0 };
  for (const first of candidates) {
    const payer = payerById.get(first.payer_id)!;
    const byEmail = settings.thankYouChannel === "email" && payer.email;
    const to = byEmail ? payer.email! : decryptField(keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone);
    const channel = byEmail ? "email" : settings.thankYouChannel === "email" ? "sms" : settings.thankYouChannel;
    try {
      // enqueueMessage checks the recipient before writing, so a refusal leaves the transaction usable.
      const message = await enqueueMessage(db, keyring, {
          channel,
          to,
          template: THANK_YOU_TEMPLATE,
          variables: { creditorName: signature.slice(0, 50), payerName: payer.name.slice(0, 50), amountWon: first.amount, paidOn: businessDateFromDb(first.on), ...(manageUrls.has(payer.id) ? { manageUrl: manageUrls.get(payer.id)! } : {}) },
          idempotencyKey: `donation-thank-you:v1:${payer.id}`,
          now: input.clock.now(),
          payerId: payer.id,
          related: { type: THANK_YOU_RELATED_TYPE, id: payer.id },
      });
      if (message.created) run.queued++;
    } catch (error) {
      // A phone the outbox refuses (a landline for Alimtalk, say) must not stop the other donors' thanks.
      if (error instanceof DomainError && error.code === "notify.bad_recipient") run.unreachable++;
      else throw error;
    }
  }
  return run;
}
