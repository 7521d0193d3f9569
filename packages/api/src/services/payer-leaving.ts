import { businessDateFromDb, businessDateToDb, DomainError, type BusinessDate } from "@sunap/core";
import type { Db, DbOrTx, Keyring, Tx } from "@sunap/db";
import type { Actor } from "../audit.ts";
import type { BillingRegistry } from "../billing-registry.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { ContractService } from "./contract-service.ts";
import { financeWithdrawal, standingConsentWhere, withdrawConsentsInTx } from "./enrollment-service.ts";

export interface LeavePayerInput {
  id: number;
  /** The business day the relationship ended; today when omitted. */
  leftOn?: BusinessDate;
  reason: string;
}

export interface LeaveContext {
  actor: Actor;
  now: Date;
  today: BusinessDate;
  storeScope: readonly number[] | null;
}

/** What leaving will do to a payer, shown before finance confirms it. */
export interface LeavePreview {
  payerId: number;
  status: "active" | "left";
  leftOn: BusinessDate | null;
  /** Standing consents (registration active, not withdrawn): each gets a withdrawal record. */
  consents: { id: number; bankCode: string; accountMasked: string | null }[];
  /** Active contracts: each ends on the day the payer left. */
  contracts: { id: number; pluginId: string; title: string; startsOn: BusinessDate }[];
  /** Open invoices stay owed: leaving does not forgive them, and retention waits until they are settled. */
  openInvoices: { count: number; openWon: bigint };
}

async function payerInScope(db: DbOrTx, id: number, storeScope: readonly number[] | null) {
  const payer = await db.payer.findUnique({ where: { id }, select: { id: true, storeId: true, status: true, leftOn: true } });
  if (!payer) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${id}` });
  if (storeScope && (payer.storeId === null || !storeScope.includes(payer.storeId))) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: payer.storeId ?? "-" });
  return payer;
}

async function standingConsents(db: DbOrTx, payerId: number) {
  return db.consent.findMany({
    where: standingConsentWhere(payerId),
    select: { id: true, bankCode: true, accountMasked: true },
    orderBy: { id: "asc" },
  });
}

async function activeContracts(db: DbOrTx, payerId: number) {
  const rows = await db.contract.findMany({ where: { payerId, status: "active" }, select: { id: true, pluginId: true, title: true, startsOn: true }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, startsOn: businessDateFromDb(r.startsOn) }));
}

export async function leavePreview(db: DbOrTx, payerId: number, storeScope: readonly number[] | null): Promise<LeavePreview> {
  const payer = await payerInScope(db, payerId, storeScope);
  const [consents, contracts, open] = await Promise.all([
    standingConsents(db, payerId),
    activeContracts(db, payerId),
    db.invoice.aggregate({ where: { payerId, openWon: { not: 0n } }, _count: { _all: true }, _sum: { openWon: true } }),
  ]);
  return {
    payerId,
    status: payer.status,
    leftOn: payer.leftOn ? businessDateFromDb(payer.leftOn) : null,
    consents,
    contracts,
    openInvoices: { count: open._count._all, openWon: open._sum.openWon ?? 0n },
  };
}

/**
 * Marks a payer as having left (탈퇴), in one transaction: every standing consent is withdrawn as
 * finance records a withdrawal (a registered account goes to cancel_requested, one not yet sent is
 * cancelled), every active contract ends on the day they left, their unused sign-up and manage
 * links are revoked, and the payer gets status `left` with that date. Open invoices stay owed.
 * One audit record names every consequence; the withdrawal's and the contracts' own records are
 * folded into it. Leaving cannot be undone: a payer who comes back is entered again (a new
 * consent is needed anyway, and retention counts from the day they left).
 */
export async function leavePayer(deps: { db: Db; keyring: Keyring; billing: BillingRegistry }, input: LeavePayerInput, ctx: LeaveContext, audit: AuditSink) {
  const leftOn = input.leftOn ?? ctx.today;
  if (leftOn > ctx.today) throw new DomainError("INVALID", "payer.left_on_future", { leftOn, today: ctx.today }, "leftOn");
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError("INVALID", "payer.leave_reason_required", {}, "reason");
  return deps.db.$transaction(
    async (tx) => {
      // Under the payer's lock: two clicks, or leaving while a consent arrives, cannot interleave.
      await tx.$queryRaw`SELECT "id" FROM "payer" WHERE "id" = ${input.id} FOR UPDATE`;
      const payer = await payerInScope(tx, input.id, ctx.storeScope);
      if (payer.status === "left") throw new DomainError("CONFLICT", "payer.already_left", { leftOn: payer.leftOn ? businessDateFromDb(payer.leftOn) : "-" });
      const contracts = await activeContracts(tx, input.id);
      const startsLater = contracts.find((c) => c.startsOn > leftOn);
      if (startsLater) throw new DomainError("INVALID", "payer.left_before_contract_start", { title: startsLater.title, startsOn: startsLater.startsOn }, "leftOn");

      const withdrawal = (await standingConsents(tx, input.id)).length > 0 ? await withdrawStanding(tx, deps.keyring, input.id, reason, ctx) : null;
      // Each end is named in the leave's record instead of a record of its own.
      const contractService = new ContractService(deps.db, deps.billing, async () => {});
      for (const contract of contracts) await contractService.endInTx(tx, { id: contract.id, endedOn: leftOn, reason }, ctx.actor);
      const links = await tx.enrollmentLink.updateMany({ where: { payerId: input.id, revokedAt: null, usedAt: null }, data: { revokedAt: ctx.now } });
      await tx.payer.update({ where: { id: input.id }, data: { status: "left", leftOn: businessDateToDb(leftOn), updatedAt: ctx.now } });
      const open = await tx.invoice.aggregate({ where: { payerId: input.id, openWon: { not: 0n } }, _count: { _all: true }, _sum: { openWon: true } });

      const result = {
        payerId: input.id,
        status: "left" as const,
        leftOn,
        withdrawnConsentIds: withdrawal?.consentIds ?? [],
        registrations: withdrawal?.registrations ?? [],
        endedContractIds: contracts.map((c) => c.id),
        revokedLinks: links.count,
        openInvoices: { count: open._count._all, openWon: open._sum.openWon ?? 0n },
      };
      await audit(tx, {
        action: "payer.leave",
        entityType: "payer",
        entityId: input.id,
        before: { status: payer.status, leftOn: payer.leftOn ? businessDateFromDb(payer.leftOn) : null },
        after: { ...result, reason },
      });
      return result;
    },
    { timeout: 30_000 },
  );
}

async function withdrawStanding(tx: Tx, keyring: Keyring, payerId: number, reason: string, ctx: LeaveContext) {
  let consentIds: number[] = [];
  const withdrawn = await withdrawConsentsInTx(tx, keyring, {
    payerId,
    ...financeWithdrawal(ctx.actor, ctx, reason),
    // Folded into the leave's own record (one record per request).
    audit: async (_tx, event) => {
      consentIds = (event.after as { consents: number[] }).consents;
    },
  });
  return { consentIds, registrations: withdrawn.registrations };
}
