import { maskForAudit } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";

export interface Actor {
  id: number | null;
  email: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records about a payer and what belongs to them: their names, e-mails, addresses and transfer
 * references are masked as well as their numbers, so the audit log holds nothing retention would
 * have to erase (it is append-only).
 */
const PAYER_RECORDS = new Set(["payer", "consent", "payment", "enrollment_link", "otp_challenge", "notify_message", "cms_registration", "evidence_file", "donor_tax_consent", "donation_receipt", "credit_note", "invoice"]);

/** Writes one audit record, masked, in the caller's transaction so it commits with the change. */
export async function recordAudit(db: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  const masking = { payerRecord: PAYER_RECORDS.has(event.entityType) };
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
      before: event.before === undefined ? undefined : (maskForAudit(event.before, "", masking) as object),
      after: event.after === undefined ? undefined : (maskForAudit(event.after, "", masking) as object),
    },
  });
}
