import { businessDateFromDb, businessDateToDb, DomainError, invoiceStatus, reversalOf, type BusinessDate, type InvoiceStatus, type ListInput, type Posting } from "@sunap/core";
import { postEntries, refreshInvoiceOpenAmounts, type Db, type Keyring, type Prisma } from "@sunap/db";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { presentPayer } from "./payer-service.ts";

export const INVOICE_STATUS_FILTERS = ["open", "partially_paid", "paid", "credited", "void", "overdue"] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

const LIST_SPEC = {
  id: "int",
  number: "string",
  pluginId: "string",
  payerId: "int",
  storeId: "int",
  contractId: "int",
  periodKey: "string",
  issueOn: "date",
  dueOn: "date",
  totalWon: "int",
  openWon: "int",
  createdAt: "datetime",
} as const;

const listInclude = {
  payer: { select: { id: true, payerCode: true, name: true } },
  store: { select: { id: true, code: true, name: true } },
  contract: { select: { id: true, title: true } },
  creditNotes: { select: { id: true, number: true, issueOn: true, totalWon: true, toCustomerCreditWon: true, reason: true }, orderBy: { id: "asc" } },
} as const;
type InvoiceListRow = Prisma.InvoiceGetPayload<{ include: typeof listInclude }>;

/**
 * The SQL twin of `invoiceStatus` (packages/core): the same rules as a filter, so lists filter on
 * the server. `open_won` is the ledger's figure, cached in the transaction of every posting. An
 * invoice with credit notes compares its open amount with total − credited, which Prisma cannot
 * express: those (few) invoices are classified by the core function itself and named by id.
 */
export function invoiceStatusWhere(db: Db, status: InvoiceStatusFilter, today: BusinessDate, creditedIds: readonly number[] = []): Prisma.InvoiceWhereInput {
  const live = { voidedAt: null };
  const uncredited = { ...live, creditedWon: 0n };
  const orCredited = (where: Prisma.InvoiceWhereInput): Prisma.InvoiceWhereInput => (creditedIds.length > 0 ? { OR: [where, { id: { in: [...creditedIds] } }] } : where);
  switch (status) {
    case "void":
      return { voidedAt: { not: null } };
    case "credited":
      return { id: { in: [...creditedIds] } };
    case "paid":
      return orCredited({ ...uncredited, openWon: { lte: 0n } });
    case "partially_paid":
      return orCredited({ ...uncredited, openWon: { gt: 0n, lt: db.invoice.fields.totalWon } });
    case "open":
      return orCredited({ ...uncredited, openWon: { gt: 0n, gte: db.invoice.fields.totalWon } });
    case "overdue":
      return { ...live, openWon: { gt: 0n }, dueOn: { lt: businessDateToDb(today) } };
  }
}

/** The ids of the invoices with credit notes whose status (by `invoiceStatus`) is the one asked for. */
async function creditedInvoicesIn(db: Db, status: InvoiceStatusFilter, today: BusinessDate): Promise<number[]> {
  if (status === "void" || status === "overdue") return [];
  const rows = await db.invoice.findMany({ where: { creditedWon: { gt: 0n }, voidedAt: null }, select: { id: true, totalWon: true, openWon: true, creditedWon: true } });
  return rows.filter((r) => invoiceStatus({ totalWon: r.totalWon, openWon: r.openWon, creditedWon: r.creditedWon, voided: false, today }).status === status).map((r) => r.id);
}

function present(row: InvoiceListRow, today: BusinessDate) {
  const dueOn = businessDateFromDb(row.dueOn);
  const { status, overdue } = invoiceStatus({ totalWon: row.totalWon, openWon: row.openWon, creditedWon: row.creditedWon, voided: row.voidedAt !== null, dueOn, today });
  // Collected = what is no longer open, less what credit notes took off the receivable.
  const creditedOffReceivableWon = row.creditNotes.reduce((sum, n) => sum + n.totalWon - n.toCustomerCreditWon, 0n);
  return {
    id: row.id,
    number: row.number,
    pluginId: row.pluginId,
    contract: row.contract,
    payer: row.payer,
    store: row.store,
    periodKey: row.periodKey,
    periodStart: businessDateFromDb(row.periodStart),
    periodEnd: businessDateFromDb(row.periodEnd),
    issueOn: businessDateFromDb(row.issueOn),
    dueOn,
    totalWon: row.totalWon,
    openWon: row.openWon,
    paidWon: row.voidedAt ? 0n : row.totalWon - row.openWon - creditedOffReceivableWon,
    creditedWon: row.creditedWon,
    status: status as InvoiceStatus,
    overdue,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    createdAt: row.createdAt,
  };
}

export type InvoiceListItem = ReturnType<typeof present>;

/** Invoices as the admin reads them, and voiding one. Issuing is the billing engine's. */
export class InvoiceService {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
  ) {}

  /**
   * Filters: pluginId, payerId, storeId, contractId, number (contains), issueOn and dueOn ranges
   * (gte/lte), and `status` (open, partially_paid, paid, credited, void, overdue; eq or in). Sorts by number,
   * issueOn, dueOn, totalWon, openWon.
   */
  async list(input: ListInput, storeScope: readonly number[] | null, today: BusinessDate): Promise<{ data: InvoiceListItem[]; total: number }> {
    const statusFilters = input.filters.filter((f) => f.field === "status");
    const args = prismaListArgs({ ...input, filters: input.filters.filter((f) => f.field !== "status") }, LIST_SPEC, { id: "desc" });
    const and: Prisma.InvoiceWhereInput[] = [args.where as Prisma.InvoiceWhereInput];
    for (const filter of statusFilters) {
      const values = (Array.isArray(filter.value) ? filter.value : filter.value === undefined || filter.value === null || filter.value === "" ? [] : [filter.value]).map(String);
      if (values.length === 0) continue;
      const unknown = values.find((v) => !(INVOICE_STATUS_FILTERS as readonly string[]).includes(v));
      if (unknown) throw new DomainError("INVALID", "input.invalid", { detail: `status ${unknown}` }, "status");
      const ors: Prisma.InvoiceWhereInput[] = [];
      for (const v of values) ors.push(invoiceStatusWhere(this.db, v as InvoiceStatusFilter, today, await creditedInvoicesIn(this.db, v as InvoiceStatusFilter, today)));
      and.push({ OR: ors });
    }
    if (storeScope) and.push({ storeId: { in: [...storeScope] } });
    const where: Prisma.InvoiceWhereInput = { AND: and };
    const [rows, total] = await Promise.all([this.db.invoice.findMany({ ...args, where, include: listInclude }), this.db.invoice.count({ where })]);
    return { data: rows.map((row) => present(row, today)), total };
  }

  /** One invoice with its lines, the ledger entries naming it (with their lines), its allocations, contract and payer (masked). */
  async get(id: number, storeScope: readonly number[] | null, today: BusinessDate) {
    const row = await this.db.invoice.findUnique({
      where: { id },
      include: {
        ...listInclude,
        lines: { orderBy: { position: "asc" } },
        allocations: { orderBy: { id: "asc" }, include: { payment: { select: { id: true, receivedOn: true, method: true, amountWon: true, reference: true, voidedAt: true } } } },
        contract: { select: { id: true, title: true, pluginId: true, status: true, startsOn: true } },
      },
    });
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `invoice ${id}` });
    if (storeScope && (row.storeId === null || !storeScope.includes(row.storeId))) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: row.storeId ?? "-" });
    const [payer, entries] = await Promise.all([
      this.db.payer.findUniqueOrThrow({ where: { id: row.payerId }, include: { accounts: true, store: { select: { id: true, code: true, name: true } } } }),
      this.db.journalEntry.findMany({ where: { lines: { some: { invoiceId: id } } }, orderBy: { id: "asc" }, include: { lines: { orderBy: { id: "asc" } } } }),
    ]);
    return {
      ...present(row, today),
      contract: { ...row.contract, startsOn: businessDateFromDb(row.contract.startsOn) },
      payer: presentPayer(this.keyring, payer),
      lines: row.lines.map((l) => ({ position: l.position, kind: l.kind, label: { ko: l.labelKo, en: l.labelEn }, amountWon: l.amountWon, creditAccount: l.creditAccount, basis: l.basisKo || l.basisEn ? { ko: l.basisKo ?? "", en: l.basisEn ?? "" } : null })),
      entries: entries.map((e) => ({
        id: e.id,
        effectiveOn: businessDateFromDb(e.effectiveOn),
        kind: e.kind,
        memo: e.memo,
        idempotencyKey: e.idempotencyKey,
        reversesEntryId: e.reversesEntryId,
        lines: e.lines.map((l) => ({ accountCode: l.accountCode, amountWon: l.amountWon, payerId: l.payerId, invoiceId: l.invoiceId, storeId: l.storeId })),
      })),
      allocations: row.allocations.map((a) => ({ id: a.id, amountWon: a.amountWon, payment: { ...a.payment, receivedOn: businessDateFromDb(a.payment.receivedOn) } })),
      creditNotes: row.creditNotes.map((n) => ({ ...n, issueOn: businessDateFromDb(n.issueOn), receivableWon: n.totalWon - n.toCustomerCreditWon })),
    };
  }

  /**
   * Voids an invoice: the reversal of its issue entry, dated today. What was already paid on it
   * moves to the payer's customer credit (debit receivables naming the invoice, credit customer
   * credits), so the invoice ends with nothing open and the money is kept for the payer.
   */
  async void(input: { id: number; reason: string }, today: BusinessDate, now: Date, actorId: number | null, audit: AuditSink, storeScope: readonly number[] | null = null) {
    const reason = input.reason.trim();
    if (reason.length < 2) throw new DomainError("INVALID", "invoice.void_reason_required", {}, "reason");
    return this.db.$transaction(async (tx) => {
      // The row lock orders a void after a payment being allocated to the same invoice, and vice versa.
      const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM invoice WHERE id = ${input.id} FOR UPDATE`;
      if (!locked) throw new DomainError("NOT_FOUND", "not_found", { entity: `invoice ${input.id}` });
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: input.id } });
      if (storeScope && (invoice.storeId === null || !storeScope.includes(invoice.storeId))) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: invoice.storeId ?? "-" });
      if (invoice.voidedAt) throw new DomainError("CONFLICT", "invoice.already_voided", { number: invoice.number });
      // A void reverses the issue entry whole; after a credit note that would reverse twice what the
      // note took back. The honest rule: credit what is left with another note instead.
      const creditNotes = await tx.creditNote.count({ where: { invoiceId: invoice.id } });
      if (creditNotes > 0) throw new DomainError("CONFLICT", "invoice.void_has_credit_notes", { number: invoice.number, count: creditNotes });
      const issue = await tx.journalEntry.findUniqueOrThrow({ where: { id: invoice.entryId }, include: { lines: true } });
      const openBefore = (await tx.journalLine.aggregate({ where: { invoiceId: invoice.id, accountCode: "receivables" }, _sum: { amountWon: true } }))._sum.amountWon ?? 0n;
      const paidWon = invoice.totalWon - openBefore;

      const postings: Posting[] = [
        {
          effectiveOn: today,
          kind: "invoice_void",
          source: "invoices.void",
          memo: `청구서 ${invoice.number} 취소`,
          idempotencyKey: `invoice-void:v1:${invoice.id}`,
          reversesEntryId: issue.id,
          lines: reversalOf(issue.lines.map((l) => ({ accountCode: l.accountCode, amountWon: l.amountWon, payerId: l.payerId, invoiceId: l.invoiceId, storeId: l.storeId }))),
        },
      ];
      if (paidWon > 0n) {
        postings.push({
          effectiveOn: today,
          kind: "invoice_void_credit",
          source: "invoices.void",
          memo: `청구서 ${invoice.number} 취소: 납부액을 선수금으로`,
          idempotencyKey: `invoice-void-credit:v1:${invoice.id}`,
          lines: [
            { accountCode: "receivables", amountWon: paidWon, payerId: invoice.payerId, invoiceId: invoice.id, storeId: invoice.storeId },
            { accountCode: "customer_credits", amountWon: -paidWon, payerId: invoice.payerId, storeId: invoice.storeId },
          ],
        });
      }
      const [reversal] = await postEntries(tx, postings, actorId);
      await tx.invoice.update({ where: { id: invoice.id }, data: { voidEntryId: reversal!.id, voidedAt: now, voidReason: reason.slice(0, 200) } });
      await refreshInvoiceOpenAmounts(tx, [invoice.id]);
      const result = { id: invoice.id, number: invoice.number, voidEntryId: reversal!.id, creditedWon: paidWon > 0n ? paidWon : 0n };
      await audit(tx, { action: "invoice.void", entityType: "invoice", entityId: invoice.id, before: { number: invoice.number, totalWon: invoice.totalWon, openWon: openBefore, voided: false }, after: { ...result, reason } });
      return result;
    });
  }
}
