import { businessDateFromDb, businessDateToDb, DomainError, type BusinessDate, type ListInput } from "@sunap/core";
import { decryptField, maskAccountNumber, type DbOrTx, type Keyring, type Prisma } from "@sunap/db";
import { CMS_REASONS, type CmsReason } from "@sunap/rails";
import { prismaListArgs } from "../list-query.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

export type RegistrationStatus = "pending" | "submitted" | "registered" | "rejected" | "cancel_requested" | "cancelled";
export const ACTIVE_REGISTRATION_STATUSES: readonly RegistrationStatus[] = ["pending", "submitted", "registered", "cancel_requested"];

/** The lifecycle: which status may follow which. A same-status "transition" records a history note. */
const NEXT: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  pending: ["submitted", "cancelled"],
  submitted: ["registered", "rejected"],
  registered: ["cancel_requested"],
  cancel_requested: ["cancelled", "cancel_requested"],
  rejected: [],
  cancelled: [],
};

export interface TransitionInput {
  to: RegistrationStatus;
  from: RegistrationStatus;
  at: Date;
  /** The business date of the step (where retention starts for a final one). */
  on?: BusinessDate;
  reason?: string | null;
  fileId?: number | null;
  note?: string | null;
  actor?: { id: number | null; email: string | null } | null;
  data?: Prisma.CmsRegistrationUpdateManyMutationInput;
}

/**
 * Moves a registration from one status to the next, only if it is still in `from` (so a
 * replayed file or a second worker changes nothing), and records the step in its history.
 * Returns false when the registration was not in `from`.
 */
export async function transitionRegistration(tx: DbOrTx, registrationId: number, input: TransitionInput): Promise<boolean> {
  if (!NEXT[input.from].includes(input.to)) throw new Error(`registration ${registrationId}: ${input.from} → ${input.to} is not a step of the lifecycle`);
  const finished = input.to === "rejected" || input.to === "cancelled";
  const { count } = await tx.cmsRegistration.updateMany({
    where: { id: registrationId, status: input.from },
    data: { ...input.data, status: input.to, ...(input.reason !== undefined && input.to !== input.from ? { reason: input.reason } : {}), ...(finished ? { finishedAt: input.at, finishedOn: input.on ? businessDateToDb(input.on) : null } : {}), updatedAt: input.at },
  });
  if (count === 0) return false;
  await tx.cmsRegistrationEvent.create({
    data: {
      registrationId,
      fromStatus: input.from,
      toStatus: input.to,
      reason: input.reason ?? null,
      fileId: input.fileId ?? null,
      note: input.note ?? null,
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      at: input.at,
    },
  });
  return true;
}

/** A new registration, pending, with the first line of its history. */
export async function createRegistration(
  tx: DbOrTx,
  input: { payerId: number; payerAccountId: number; consentId: number; payerNumber: string; at: Date; replacesRegistrationId?: number | null; actor?: { id: number | null; email: string | null } | null; note?: string },
) {
  const row = await tx.cmsRegistration.create({
    data: { payerId: input.payerId, payerAccountId: input.payerAccountId, consentId: input.consentId, payerNumber: input.payerNumber, status: "pending", replacesRegistrationId: input.replacesRegistrationId ?? null, createdAt: input.at, updatedAt: input.at },
  });
  await tx.cmsRegistrationEvent.create({ data: { registrationId: row.id, fromStatus: null, toStatus: "pending", at: input.at, actorId: input.actor?.id ?? null, actorEmail: input.actor?.email ?? null, note: input.note ?? null } });
  return row;
}

/**
 * The registration a debit may be requested on: registered at the bank, and its consent not
 * withdrawn. Null means no debit may be requested for this payer (none yet, withdrawn, cancelled).
 */
export async function activeMandate(db: DbOrTx, payerId: number) {
  return db.cmsRegistration.findFirst({
    where: { payerId, status: "registered", consent: { withdrawal: null } },
    orderBy: { id: "desc" },
    include: { payerAccount: { select: { id: true, bankCode: true } } },
  });
}

export function reasonText(reason: string | null): { code: string; ko: string; en: string } | null {
  if (!reason) return null;
  const known = (CMS_REASONS as Record<string, { code: string; ko: string; en: string } | undefined>)[reason];
  return known ? { code: known.code, ko: known.ko, en: known.en } : { code: reason, ko: reason, en: reason };
}

const include = {
  payer: { select: { id: true, payerCode: true, name: true, storeId: true } },
  payerAccount: { select: { id: true, bankCode: true, accountNumberEnc: true, holderName: true } },
  consent: { select: { id: true, method: true, agreedAt: true, withdrawal: { select: { at: true, via: true } } } },
} as const;

type RegistrationRow = Prisma.CmsRegistrationGetPayload<{ include: typeof include }>;

function safeMask(keyring: Keyring, token: string): string {
  try {
    return maskAccountNumber(decryptField(keyring, token, PAYER_FIELD_CONTEXT.accountNumber));
  } catch {
    return "****";
  }
}

export function presentRegistration(keyring: Keyring, row: RegistrationRow) {
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    reasonText: reasonText(row.reason),
    payer: { id: row.payer.id, payerCode: row.payer.payerCode, name: row.payer.name },
    account: { id: row.payerAccount.id, bankCode: row.payerAccount.bankCode, accountNumberMasked: safeMask(keyring, row.payerAccount.accountNumberEnc), holderName: row.payerAccount.holderName },
    consent: { id: row.consent.id, method: row.consent.method, agreedAt: row.consent.agreedAt, withdrawnAt: row.consent.withdrawal?.at ?? null },
    payerNumber: row.payerNumber,
    cancelReason: row.cancelReason,
    replacesRegistrationId: row.replacesRegistrationId,
    registeredOn: row.registeredOn ? businessDateFromDb(row.registeredOn) : null,
    finishedAt: row.finishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function scopeWhere(storeScope: readonly number[] | null): Prisma.CmsRegistrationWhereInput {
  return storeScope ? { payer: { storeId: { in: [...storeScope] } } } : {};
}

/** Refine's list shape; filters: status, payerId, createdAt (and id, updatedAt). */
export async function listRegistrations(db: DbOrTx, keyring: Keyring, input: ListInput, storeScope: readonly number[] | null) {
  const args = prismaListArgs(input, { id: "int", status: "enum", payerId: "int", createdAt: "datetime", updatedAt: "datetime", consentId: "int" }, { id: "desc" });
  const where: Prisma.CmsRegistrationWhereInput = { AND: [args.where as Prisma.CmsRegistrationWhereInput, scopeWhere(storeScope)] };
  const [rows, total] = await Promise.all([db.cmsRegistration.findMany({ ...args, where, include }), db.cmsRegistration.count({ where })]);
  return { data: rows.map((row) => presentRegistration(keyring, row)), total };
}

export async function getRegistration(db: DbOrTx, keyring: Keyring, id: number, storeScope: readonly number[] | null) {
  const row = await db.cmsRegistration.findFirst({ where: { id, ...scopeWhere(storeScope) }, include: { ...include, events: { orderBy: { id: "asc" } } } });
  if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `registration ${id}` });
  return {
    ...presentRegistration(keyring, row),
    history: row.events.map((e) => ({ id: e.id, from: e.fromStatus, to: e.toStatus, reason: e.reason, reasonText: reasonText(e.reason), fileId: e.fileId, note: e.note, actorEmail: e.actorEmail, at: e.at })),
  };
}

/** History rows after an id, oldest first: the live feed's source (SSE and polling). */
export async function registrationEventsAfter(db: DbOrTx, afterId: number, limit = 100, storeScope: readonly number[] | null = null) {
  const rows = await db.cmsRegistrationEvent.findMany({
    where: { id: { gt: afterId }, ...(storeScope ? { registration: { payer: { storeId: { in: [...storeScope] } } } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
    include: { registration: { select: { payerId: true } } },
  });
  return rows.map((e) => ({ id: e.id, registrationId: e.registrationId, payerId: e.registration.payerId, from: e.fromStatus, to: e.toStatus, reason: e.reason, at: e.at }));
}

export type { CmsReason };
