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

/** Writes one audit record, masked, in the caller's transaction so it commits with the change. */
export async function recordAudit(db: DbOrTx, actor: Actor, event: AuditEvent): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
      before: event.before === undefined ? undefined : (maskForAudit(event.before) as object),
      after: event.after === undefined ? undefined : (maskForAudit(event.after) as object),
    },
  });
}
