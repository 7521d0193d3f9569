import type { DbOrTx } from "@sunap/db";
import { recordAudit, type Actor, type AuditEvent } from "./audit.ts";

export type AuditSink = (db: DbOrTx, event: AuditEvent) => Promise<void>;

/** What a service uses to audit inside its own transaction; tells the middleware it was done. */
export function auditSink(ctx: { actor: Actor; audit: { written: boolean } }): AuditSink {
  return async (db, event) => {
    await recordAudit(db, ctx.actor, event);
    ctx.audit.written = true;
  };
}
