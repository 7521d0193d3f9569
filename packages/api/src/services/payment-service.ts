import {
  allocatePayment,
  businessDateFromDb,
  businessDateToDb,
  DomainError,
  groupedWon,
  invoiceStatus,
  monthStart,
  reversalOf,
  type Allocation,
  type AllocationMode,
  type BusinessDate,
  type ListInput,
  type OpenInvoice,
  type PostingLine,
  type Won,
} from "@sunap/core";
import { decryptField, maskBusinessNumber, postEntry, refreshInvoiceOpenAmounts, type Db, type Keyring, type Prisma, type Tx } from "@sunap/db";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

/** Money received by hand; `allocation` says which invoices it pays, the rest is kept as customer credit. */
export interface RecordPaymentInput {
  payerId: number;
  receivedOn: BusinessDate;
  amountWon: Won;
  method: "bank_transfer" | "cash";
  /** The bank's transaction reference or the depositor name; free text. */
  reference: string;
  memo: string;
  /** Chosen by the client once per form, so a double submit records one payment. */
  idempotencyKey: string;
  allocation: AllocationMode;
}

/** Customer credit applied to invoices: a payment of method customer_credit. */
export interface ApplyCreditInput {
  payerId: number;
  /** Defaults to today. */
  appliedOn?: BusinessDate;
  /** Oldest-due mode: how much credit to apply (default: as much as the credit and the open invoices allow). Chosen mode: the sum of the choice. */
  amountWon?: Won;
  memo: string;
  idempotencyKey: string;
  allocation: AllocationMode;
}

export interface PreviewInput {
  payerId: number;
  amountWon: Won;
  receivedOn?: BusinessDate;
  allocation: AllocationMode;
}

/** What a mutation returns: the payment, and whether this call only replayed an earlier one. */
export interface PaymentOutcome {
  payment: PaymentDetail;
  replayed: boolean;
}

type StoreScope = readonly number[] | null;

const detailInclude = {
  payer: { select: { id: true, payerCode: true, name: true, kind: true, businessNumberEnc: true } },
  allocations: {
    orderBy: { id: "asc" },
    include: { invoice: { select: { id: true, number: true, pluginId: true, issueOn: true, dueOn: true, periodStart: true, periodEnd: true, totalWon: true, openWon: true, voidedAt: true, store: { select: { id: true, code: true, name: true } } } } },
  },
} as const satisfies Prisma.PaymentInclude;
type PaymentRow = Prisma.PaymentGetPayload<{ include: typeof detailInclude }>;

const listInclude = {
  payer: { select: { id: true, payerCode: true, name: true } },
  allocations: { select: { amountWon: true, invoice: { select: { storeId: true } } } },
} as const satisfies Prisma.PaymentInclude;
type PaymentListRow = Prisma.PaymentGetPayload<{ include: typeof listInclude }>;

const LEDGER_MEMO = { bank_transfer: "입금 (계좌이체) · payment by bank transfer", cash: "입금 (현금) · payment in cash", customer_credit: "선수금 충당 · customer credit applied" } as const;

const LIST_SPEC = { id: "int", payerId: "int", method: "enum", receivedOn: "date", amountWon: "int", reference: "string", memo: "string", createdAt: "datetime", voidedAt: "datetime" } as const;

function visibleTo(scope: StoreScope, storeId: number | null): boolean {
  return scope === null || (storeId !== null && scope.includes(storeId));
}

function presentListRow(row: PaymentListRow, scope: StoreScope) {
  const allocatedWon = row.allocations.reduce((s, a) => s + a.amountWon, 0n);
  const visible = row.allocations.filter((a) => visibleTo(scope, a.invoice.storeId));
  return {
    id: row.id,
    payerId: row.payerId,
    payer: row.payer,
    receivedOn: businessDateFromDb(row.receivedOn),
    amountWon: row.amountWon,
    method: row.method,
    reference: row.reference,
    memo: row.memo,
    /** Of the payment, what went to invoices (for a store owner: to their stores' invoices). */
    allocatedWon: visible.reduce((s, a) => s + a.amountWon, 0n),
    /** What the payment left as customer credit (always 0 for a credit application). */
    creditWon: row.method === "customer_credit" ? 0n : row.amountWon - allocatedWon,
    allocationCount: visible.length,
    voided: row.voidedAt !== null,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    createdAt: row.createdAt,
  };
}

/** Everything a payment screen or a receipt needs; personal numbers masked, other stores' invoices hidden from store owners. */
function presentDetail(row: PaymentRow, keyring: Keyring, scope: StoreScope) {
  const base = presentListRow({ ...row, allocations: row.allocations.map((a) => ({ amountWon: a.amountWon, invoice: { storeId: a.invoice.store?.id ?? null } })) }, scope);
  const businessNumber = row.payer.businessNumberEnc ? decryptField(keyring, row.payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber) : null;
  return {
    ...base,
    payer: { id: row.payer.id, payerCode: row.payer.payerCode, name: row.payer.name, kind: row.payer.kind, businessNumberMasked: businessNumber ? maskBusinessNumber(businessNumber) : null },
    idempotencyKey: row.idempotencyKey,
    entryId: row.entryId,
    voidEntryId: row.voidEntryId,
    createdById: row.createdById,
    allocations: row.allocations
      .filter((a) => visibleTo(scope, a.invoice.store?.id ?? null))
      .map((a) => ({
        invoiceId: a.invoiceId,
        invoiceNumber: a.invoice.number,
        pluginId: a.invoice.pluginId,
        issueOn: businessDateFromDb(a.invoice.issueOn),
        dueOn: businessDateFromDb(a.invoice.dueOn),
        periodStart: businessDateFromDb(a.invoice.periodStart),
        periodEnd: businessDateFromDb(a.invoice.periodEnd),
        store: a.invoice.store,
        invoiceTotalWon: a.invoice.totalWon,
        /** The invoice's open amount now (not at the time of the payment). */
        invoiceOpenWon: a.invoice.openWon,
        amountWon: a.amountWon,
      })),
  };
}

export type PaymentDetail = ReturnType<typeof presentDetail>;
export type PaymentListItem = ReturnType<typeof presentListRow>;

interface LockedInvoice extends OpenInvoice {
  storeId: number | null;
  totalWon: Won;
}

/**
 * A serialisation point per payer: payments, credit applications and voids of one payer never
 * interleave. NO KEY UPDATE conflicts with itself but not with the key-share locks that inserting
 * an invoice or contract for the payer takes, so billing is not held up.
 */
async function lockPayer(tx: Tx, payerId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM payer WHERE id = ${payerId} FOR NO KEY UPDATE`;
  if (rows.length === 0) throw new DomainError("INVALID", "payment.unknown_payer", { payerId }, "payerId");
}

/**
 * The payer's invoices with something open on a date, locked so that nothing else (a debit
 * result, a void) changes their open amount until this transaction ends. An invoice issued after
 * the date was not owed yet then, so money received that day cannot go to it.
 */
async function openInvoicesForUpdate(tx: Tx, payerId: number, onDate: BusinessDate): Promise<LockedInvoice[]> {
  const rows = await tx.$queryRaw<{ id: number; number: string; issue_on: Date; due_on: Date; open_won: bigint; total_won: bigint; store_id: number | null }[]>`
    SELECT id, number, issue_on, due_on, open_won, total_won, store_id
      FROM invoice
     WHERE payer_id = ${payerId} AND open_won > 0 AND voided_at IS NULL AND issue_on <= ${onDate}::date
     ORDER BY due_on, issue_on, number, id
       FOR UPDATE`;
  return rows.map((r) => ({ id: r.id, number: r.number, issueOn: businessDateFromDb(r.issue_on), dueOn: businessDateFromDb(r.due_on), openWon: r.open_won, totalWon: r.total_won, storeId: r.store_id }));
}

/** The payer's customer credit per the ledger (credit balance of `customer_credits` naming them), as of a date or over all dates. */
async function creditBalance(db: Db | Tx, payerId: number, asOf?: BusinessDate): Promise<Won> {
  const sum = await db.journalLine.aggregate({
    where: { accountCode: "customer_credits", payerId, ...(asOf !== undefined && { effectiveOn: { lte: businessDateToDb(asOf) } }) },
    _sum: { amountWon: true },
  });
  return -(sum._sum.amountWon ?? 0n);
}

/** A clear refusal before the ledger's own: no date after today, none in a closed month. */
async function assertPostableDate(tx: Tx, date: BusinessDate, today: BusinessDate, field: string): Promise<void> {
  if (date > today) throw new DomainError("INVALID", "payment.date_in_future", { date, today }, field);
  const period = await tx.accountingPeriod.findUnique({ where: { month: businessDateToDb(monthStart(date)) } });
  if (period?.closedAt) throw new DomainError("CONFLICT", "payment.period_closed", { month: date.slice(0, 7) }, field);
}

function receivableLines(payerId: number, allocations: readonly Allocation[], invoices: readonly LockedInvoice[]): PostingLine[] {
  const storeOf = new Map(invoices.map((i) => [i.id, i.storeId]));
  return allocations.map((a) => ({ accountCode: "receivables", amountWon: -a.amountWon, payerId, invoiceId: a.invoiceId, storeId: storeOf.get(a.invoiceId) ?? null }));
}

/** The audit record of a payment: what was received and where it went (bigints as strings, nothing personal). */
function auditView(detail: PaymentDetail) {
  return {
    payerId: detail.payerId,
    receivedOn: detail.receivedOn,
    amountWon: detail.amountWon,
    method: detail.method,
    reference: detail.reference,
    memo: detail.memo,
    creditWon: detail.creditWon,
    entryId: detail.entryId,
    allocations: detail.allocations.map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: a.invoiceNumber, amountWon: a.amountWon })),
    voided: detail.voided,
    voidReason: detail.voidReason,
  };
}

export class PaymentService {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
  ) {}

  /** Records money received, allocates it and posts one entry: cash debit; receivable credits per invoice; customer credit for the rest. */
  async record(input: RecordPaymentInput, today: BusinessDate, userId: number | null, audit: AuditSink): Promise<PaymentOutcome> {
    return this.db.$transaction(async (tx) => {
      await lockPayer(tx, input.payerId);
      const replay = await this.replayOf(tx, input.idempotencyKey, { payerId: input.payerId, amountWon: input.amountWon, method: input.method, receivedOn: input.receivedOn });
      if (replay) return { payment: replay, replayed: true };
      await assertPostableDate(tx, input.receivedOn, today, "receivedOn");
      const invoices = await openInvoicesForUpdate(tx, input.payerId, input.receivedOn);
      const { allocations, creditWon } = allocatePayment({ amountWon: input.amountWon, invoices, mode: input.allocation });
      const lines: PostingLine[] = [{ accountCode: "cash", amountWon: input.amountWon, payerId: input.payerId }, ...receivableLines(input.payerId, allocations, invoices)];
      if (creditWon > 0n) lines.push({ accountCode: "customer_credits", amountWon: -creditWon, payerId: input.payerId });
      const detail = await this.insert(tx, { ...input, allocations, lines, userId, kind: "payment" });
      await audit(tx, { action: "payment.record", entityType: "payment", entityId: detail.id, after: auditView(detail) });
      return { payment: detail, replayed: false };
    });
  }

  /** Applies the payer's customer credit to open invoices: customer_credits debit, receivable credits. */
  async applyCredit(input: ApplyCreditInput, today: BusinessDate, userId: number | null, audit: AuditSink): Promise<PaymentOutcome> {
    const appliedOn = input.appliedOn ?? today;
    return this.db.$transaction(async (tx) => {
      await lockPayer(tx, input.payerId);
      // A retry on a later day without a date still means the same application: compare only what was given.
      const replay = await this.replayOf(tx, input.idempotencyKey, {
        payerId: input.payerId,
        method: "customer_credit",
        ...(input.appliedOn !== undefined && { receivedOn: input.appliedOn }),
        ...(input.amountWon !== undefined && { amountWon: input.amountWon }),
      });
      if (replay) return { payment: replay, replayed: true };
      await assertPostableDate(tx, appliedOn, today, "appliedOn");
      // Credit must exist on the date it is applied and still exist now (a later application may have used it).
      const [creditNow, creditThen] = await Promise.all([creditBalance(tx, input.payerId), creditBalance(tx, input.payerId, appliedOn)]);
      const available = creditNow < creditThen ? creditNow : creditThen;
      if (available <= 0n) throw new DomainError("CONFLICT", "payment.no_credit", {}, "payerId");
      const invoices = await openInvoicesForUpdate(tx, input.payerId, appliedOn);
      if (invoices.length === 0) throw new DomainError("CONFLICT", "payment.nothing_open", {}, "payerId");
      const openWon = invoices.reduce((s, i) => s + i.openWon, 0n);
      const amountWon =
        input.amountWon ??
        (input.allocation.kind === "chosen" ? input.allocation.allocations.reduce((s, a) => s + a.amountWon, 0n) : available < openWon ? available : openWon);
      if (amountWon > available) {
        throw new DomainError("CONFLICT", "payment.credit_insufficient", { creditWon: groupedWon(available), amountWon: groupedWon(amountWon) }, input.amountWon === undefined ? "allocations" : "amountWon");
      }
      const { allocations, creditWon } = allocatePayment({ amountWon, invoices, mode: input.allocation });
      // Credit taken out of the credit account must land on invoices, or it would only move in a circle.
      if (creditWon > 0n) throw new DomainError("INVALID", "payment.credit_not_fully_allocated", { amountWon: groupedWon(amountWon), creditWon: groupedWon(creditWon) }, "amountWon");
      const lines: PostingLine[] = [{ accountCode: "customer_credits", amountWon, payerId: input.payerId }, ...receivableLines(input.payerId, allocations, invoices)];
      const detail = await this.insert(tx, { payerId: input.payerId, receivedOn: appliedOn, amountWon, method: "customer_credit", reference: "", memo: input.memo, idempotencyKey: input.idempotencyKey, allocations, lines, userId, kind: "credit_application" });
      await audit(tx, { action: "payment.apply_credit", entityType: "payment", entityId: detail.id, after: auditView(detail) });
      return { payment: detail, replayed: false };
    });
  }

  /**
   * Undoes a payment by posting the reversal of its entry (dated today) and marking it voided;
   * its invoices are owed again. Refused when the credit it created has been used since.
   */
  async void(input: { id: number; reason: string }, today: BusinessDate, now: Date, userId: number | null, audit: AuditSink): Promise<PaymentDetail> {
    const reason = input.reason.trim();
    if (reason.length < 2) throw new DomainError("INVALID", "payment.reason_required", {}, "reason");
    return this.db.$transaction(async (tx) => {
      const found = await tx.payment.findUnique({ where: { id: input.id }, select: { payerId: true } });
      if (!found) throw new DomainError("NOT_FOUND", "not_found", { entity: `payment ${input.id}` });
      await lockPayer(tx, found.payerId);
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.id }, include: detailInclude });
      if (payment.voidedAt) throw new DomainError("CONFLICT", "payment.already_voided", { id: payment.id });
      const before = presentDetail(payment, this.keyring, null);
      const original = await tx.journalLine.findMany({ where: { entryId: payment.entryId }, orderBy: { id: "asc" } });
      const creditCreated = -original.filter((l) => l.accountCode === "customer_credits").reduce((s, l) => s + l.amountWon, 0n);
      if (creditCreated > 0n) {
        const balance = await creditBalance(tx, payment.payerId);
        if (balance < creditCreated) throw new DomainError("CONFLICT", "payment.credit_already_used", { creditWon: groupedWon(creditCreated), balanceWon: groupedWon(balance) }, "id");
      }
      await assertPostableDate(tx, today, today, "id");
      const posted = await postEntry(
        tx,
        {
          effectiveOn: today,
          kind: payment.method === "customer_credit" ? "credit_application_void" : "payment_void",
          source: "admin",
          memo: `Void of payment #${payment.id}: ${reason}`,
          idempotencyKey: `payment-void:v1:${payment.id}`,
          reversesEntryId: payment.entryId,
          lines: reversalOf(original.map((l) => ({ accountCode: l.accountCode, amountWon: l.amountWon, payerId: l.payerId, invoiceId: l.invoiceId, storeId: l.storeId }))),
        },
        userId,
      );
      await tx.payment.update({ where: { id: payment.id }, data: { voidedAt: now, voidEntryId: posted.id, voidReason: reason } });
      await refreshInvoiceOpenAmounts(tx, payment.allocations.map((a) => a.invoiceId));
      const after = presentDetail(await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, include: detailInclude }), this.keyring, null);
      await audit(tx, { action: "payment.void", entityType: "payment", entityId: payment.id, before: auditView(before), after: { ...auditView(after), voidEntryId: posted.id } });
      return after;
    });
  }

  async get(id: number, scope: StoreScope): Promise<PaymentDetail> {
    const row = await this.db.payment.findUnique({ where: { id }, include: detailInclude });
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `payment ${id}` });
    if (scope !== null && !row.allocations.some((a) => visibleTo(scope, a.invoice.store?.id ?? null))) {
      throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: "-" });
    }
    return presentDetail(row, this.keyring, scope);
  }

  /** Filters besides the columns: `voided` (true/false) and `storeId` (payments allocated to that store's invoices). */
  async list(input: ListInput, scope: StoreScope): Promise<{ data: PaymentListItem[]; total: number }> {
    const special = new Set(["voided", "storeId"]);
    const args = prismaListArgs({ ...input, filters: input.filters.filter((f) => !special.has(f.field)) }, LIST_SPEC, { id: "desc" });
    const extra: Prisma.PaymentWhereInput[] = [];
    for (const filter of input.filters.filter((f) => special.has(f.field))) {
      const values = (Array.isArray(filter.value) ? filter.value : [filter.value]).filter((v) => v !== undefined && v !== null && v !== "");
      if (values.length === 0) continue;
      if (filter.field === "voided") {
        const voided = values[0] === true || values[0] === "true";
        if (!voided && values[0] !== false && values[0] !== "false") throw new DomainError("INVALID", "input.invalid", { detail: `voided: ${String(values[0])}` }, "voided");
        extra.push({ voidedAt: voided ? { not: null } : null });
      } else {
        const ids = values.map(Number);
        if (ids.some((n) => !Number.isInteger(n))) throw new DomainError("INVALID", "input.invalid", { detail: `storeId: ${String(filter.value)}` }, "storeId");
        extra.push({ allocations: { some: { invoice: { storeId: { in: ids } } } } });
      }
    }
    if (scope !== null) extra.push({ allocations: { some: { invoice: { storeId: { in: [...scope] } } } } });
    const where: Prisma.PaymentWhereInput = { AND: [args.where as Prisma.PaymentWhereInput, ...extra] };
    const [rows, total] = await Promise.all([
      this.db.payment.findMany({ where, orderBy: args.orderBy as Prisma.PaymentOrderByWithRelationInput[], skip: args.skip, take: args.take, include: listInclude }),
      this.db.payment.count({ where }),
    ]);
    return { data: rows.map((row) => presentListRow(row, scope)), total };
  }

  /** What recording a payment would do now, for the form: nothing is locked or written. */
  async preview(input: PreviewInput, today: BusinessDate) {
    const receivedOn = input.receivedOn ?? today;
    const payer = await this.db.payer.findUnique({ where: { id: input.payerId }, select: { id: true } });
    if (!payer) throw new DomainError("INVALID", "payment.unknown_payer", { payerId: input.payerId }, "payerId");
    const rows = await this.db.invoice.findMany({
      where: { payerId: input.payerId, openWon: { gt: 0n }, voidedAt: null, issueOn: { lte: businessDateToDb(receivedOn) } },
      select: { id: true, number: true, issueOn: true, dueOn: true, openWon: true, totalWon: true },
    });
    const invoices = rows.map((r) => ({ ...r, issueOn: businessDateFromDb(r.issueOn), dueOn: businessDateFromDb(r.dueOn) }));
    const { allocations, creditWon } = allocatePayment({ amountWon: input.amountWon, invoices, mode: input.allocation });
    const byId = new Map(invoices.map((i) => [i.id, i]));
    return {
      receivedOn,
      amountWon: input.amountWon,
      allocations: allocations.map((a) => {
        const invoice = byId.get(a.invoiceId)!;
        return { invoiceId: a.invoiceId, invoiceNumber: invoice.number, issueOn: invoice.issueOn, dueOn: invoice.dueOn, openWon: invoice.openWon, amountWon: a.amountWon, openAfterWon: invoice.openWon - a.amountWon };
      }),
      creditWon,
      customerCreditWon: await creditBalance(this.db, input.payerId),
    };
  }

  /** A payer's position per the ledger as of today: open and overdue receivables, customer credit, and the open invoices. */
  async payerSummary(payerId: number, today: BusinessDate, scope: StoreScope) {
    const payer = await this.db.payer.findUnique({ where: { id: payerId }, select: { id: true, payerCode: true, name: true, storeId: true } });
    if (!payer) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${payerId}` });
    if (scope !== null && !visibleTo(scope, payer.storeId) && (await this.db.invoice.count({ where: { payerId, storeId: { in: [...scope] } } })) === 0) {
      throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: payer.storeId ?? "-" });
    }
    const asOf = businessDateToDb(today);
    const storeFilter = scope === null ? {} : { storeId: { in: [...scope] } };
    const [receivable, overdueRows, invoices, credit] = await Promise.all([
      this.db.journalLine.aggregate({ where: { accountCode: "receivables", payerId, effectiveOn: { lte: asOf }, ...storeFilter }, _sum: { amountWon: true } }),
      this.db.$queryRaw<{ overdue: bigint | null }[]>`
        SELECT SUM(l.amount_won)::bigint AS overdue
          FROM journal_line l JOIN invoice i ON i.id = l.invoice_id
         WHERE l.account_code = 'receivables' AND l.payer_id = ${payerId} AND l.effective_on <= ${today}::date
           AND i.due_on < ${today}::date AND i.voided_at IS NULL
           AND (${scope === null} OR i.store_id = ANY(${[...(scope ?? [])]}::int[]))`,
      this.db.invoice.findMany({
        where: { payerId, openWon: { gt: 0n }, voidedAt: null, ...storeFilter },
        orderBy: [{ dueOn: "asc" }, { issueOn: "asc" }, { number: "asc" }],
        select: { id: true, number: true, pluginId: true, issueOn: true, dueOn: true, totalWon: true, openWon: true, creditedWon: true, storeId: true },
      }),
      // Credit belongs to the payer, not to a store: store owners are not shown it.
      scope === null ? creditBalance(this.db, payerId, today) : Promise.resolve(null),
    ]);
    const overdueWon = overdueRows[0]?.overdue ?? 0n;
    return {
      payer: { id: payer.id, payerCode: payer.payerCode, name: payer.name },
      asOf: today,
      openReceivablesWon: receivable._sum.amountWon ?? 0n,
      overdueWon: overdueWon > 0n ? overdueWon : 0n,
      customerCreditWon: credit,
      openInvoices: invoices.map((i) => {
        const dueOn = businessDateFromDb(i.dueOn);
        return { id: i.id, number: i.number, pluginId: i.pluginId, issueOn: businessDateFromDb(i.issueOn), dueOn, totalWon: i.totalWon, openWon: i.openWon, storeId: i.storeId, ...invoiceStatus({ totalWon: i.totalWon, openWon: i.openWon, creditedWon: i.creditedWon, voided: false, dueOn, today }) };
      }),
    };
  }

  /** The earlier payment under this key when the request repeats it; a different request under the same key is refused. */
  private async replayOf(tx: Tx, idempotencyKey: string, expected: { payerId: number; method: string; receivedOn?: BusinessDate; amountWon?: Won }): Promise<PaymentDetail | null> {
    const earlier = await tx.payment.findUnique({ where: { idempotencyKey }, include: detailInclude });
    if (!earlier) return null;
    const same =
      earlier.payerId === expected.payerId &&
      earlier.method === expected.method &&
      (expected.receivedOn === undefined || businessDateFromDb(earlier.receivedOn) === expected.receivedOn) &&
      (expected.amountWon === undefined || earlier.amountWon === expected.amountWon);
    if (!same) throw new DomainError("CONFLICT", "payment.idempotency_key_reused", {}, "idempotencyKey");
    return presentDetail(earlier, this.keyring, null);
  }

  private async insert(
    tx: Tx,
    p: { payerId: number; receivedOn: BusinessDate; amountWon: Won; method: "bank_transfer" | "cash" | "customer_credit"; reference: string; memo: string; idempotencyKey: string; allocations: Allocation[]; lines: PostingLine[]; userId: number | null; kind: string },
  ): Promise<PaymentDetail> {
    // The ledger is permanent, so its memo names the kind of receipt, never the clerk's free text
    // (often the depositor's name): that stays on the payment, which retention can erase.
    const posted = await postEntry(tx, { effectiveOn: p.receivedOn, kind: p.kind, source: "admin", memo: LEDGER_MEMO[p.method], idempotencyKey: `payment:v1:${p.idempotencyKey}`, lines: p.lines }, p.userId);
    // The payment row is checked under the payer's lock; a ledger entry under the key without one is another payer's concurrent use of it.
    if (!posted.created) throw new DomainError("CONFLICT", "payment.idempotency_key_reused", {}, "idempotencyKey");
    const payment = await tx.payment.create({
      data: {
        payerId: p.payerId,
        receivedOn: businessDateToDb(p.receivedOn),
        amountWon: p.amountWon,
        method: p.method,
        reference: p.reference,
        memo: p.memo,
        idempotencyKey: p.idempotencyKey,
        entryId: posted.id,
        createdById: p.userId,
        allocations: { create: p.allocations.map((a) => ({ invoiceId: a.invoiceId, amountWon: a.amountWon })) },
      },
      include: detailInclude,
    });
    await refreshInvoiceOpenAmounts(tx, p.allocations.map((a) => a.invoiceId));
    // Read again so the allocations show the invoices' refreshed open amounts.
    return presentDetail(await tx.payment.findUniqueOrThrow({ where: { id: payment.id }, include: detailInclude }), this.keyring, null);
  }
}
