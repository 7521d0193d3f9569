import {
  businessDateFromDb,
  businessDateToDb,
  creditNoteIdempotencyKey,
  creditNoteNumber,
  DomainError,
  isBusinessDate,
  monthStart,
  planCreditNote,
  type BusinessDate,
  type CreditNoteInvoice,
  type CreditNoteLineRequest,
  type CreditNotePlan,
  type ListInput,
  type PostingLine,
} from "@sunap/core";
import { postEntry, refreshInvoiceOpenAmounts, type Db, type Prisma, type Tx } from "@sunap/db";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";

/** The payer's credit account: where what was paid and is no longer owed goes (as payment-service does with an overpayment). */
const CUSTOMER_CREDITS = "customer_credits";
const RECEIVABLES = "receivables";

export interface IssueCreditNoteInput {
  invoiceId: number;
  lines: readonly CreditNoteLineRequest[];
  reason: string;
  /** The note's date; a closed month moves it to `today` (as the billing engine dates a catch-up). */
  issueOn: BusinessDate;
  /** Unique per invoice: a plugin's derived key (`pause:2026-03`) or the clerk's form key. */
  idempotencyKey: string;
  userId: number | null;
  /** Today's business date (default: issueOn): no note dated after it, and the date used when issueOn's month is closed. */
  today?: BusinessDate;
  /** A store owner's stores: they may not issue, whatever their role allows. */
  storeScope?: readonly number[] | null;
}

export interface CreditNoteOutcome {
  creditNote: CreditNoteDetail;
  /** True when the key had been used: the first note is returned and nothing is written. */
  replayed: boolean;
}

const detailInclude = {
  lines: { orderBy: { position: "asc" } },
  payer: { select: { id: true, payerCode: true, name: true } },
  invoice: { select: { id: true, number: true, totalWon: true, openWon: true, creditedWon: true, storeId: true } },
} as const satisfies Prisma.CreditNoteInclude;
type CreditNoteRow = Prisma.CreditNoteGetPayload<{ include: typeof detailInclude }>;

function presentDetail(row: CreditNoteRow) {
  return {
    id: row.id,
    number: row.number,
    invoice: row.invoice,
    payer: row.payer,
    storeId: row.storeId,
    issueOn: businessDateFromDb(row.issueOn),
    totalWon: row.totalWon,
    toCustomerCreditWon: row.toCustomerCreditWon,
    receivableWon: row.totalWon - row.toCustomerCreditWon,
    reason: row.reason,
    idempotencyKey: row.idempotencyKey,
    entryId: row.entryId,
    createdById: row.createdById,
    createdAt: row.createdAt,
    lines: row.lines.map((l) => ({ position: l.position, invoiceLinePosition: l.invoiceLinePosition, label: { ko: l.labelKo, en: l.labelEn }, amountWon: l.amountWon, debitAccount: l.debitAccount })),
  };
}
export type CreditNoteDetail = ReturnType<typeof presentDetail>;

/** The audit record of a note: amounts as strings, nothing personal. */
function auditView(note: CreditNoteDetail) {
  return {
    number: note.number,
    invoiceId: note.invoice.id,
    invoiceNumber: note.invoice.number,
    issueOn: note.issueOn,
    totalWon: note.totalWon.toString(),
    toCustomerCreditWon: note.toCustomerCreditWon.toString(),
    reason: note.reason,
    entryId: note.entryId,
    lines: note.lines.map((l) => ({ invoiceLinePosition: l.invoiceLinePosition, amountWon: l.amountWon.toString(), debitAccount: l.debitAccount })),
  };
}

/** The invoice as a credit note sees it: its lines, what earlier notes took from each, what is open. */
async function creditableInvoice(db: Db | Tx, invoiceId: number) {
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, include: { lines: { orderBy: { position: "asc" } } } });
  if (!invoice) throw new DomainError("NOT_FOUND", "not_found", { entity: `invoice ${invoiceId}` }, "invoiceId");
  const taken = await db.creditNoteLine.groupBy({ by: ["invoiceLinePosition"], where: { creditNote: { invoiceId } }, _sum: { amountWon: true } });
  const creditedByPosition = new Map<number, bigint>();
  for (const row of taken) if (row.invoiceLinePosition !== null) creditedByPosition.set(row.invoiceLinePosition, row._sum.amountWon ?? 0n);
  const view: CreditNoteInvoice = {
    totalWon: invoice.totalWon,
    openWon: invoice.openWon,
    creditedWon: invoice.creditedWon,
    lines: invoice.lines.map((l) => ({ position: l.position, labelKo: l.labelKo, labelEn: l.labelEn, amountWon: l.amountWon, creditAccount: l.creditAccount })),
    creditedByPosition,
  };
  return { invoice, view };
}

function assertCreditable(invoice: { number: string; voidedAt: Date | null; storeId: number | null }, storeScope: readonly number[] | null | undefined): void {
  if (storeScope) throw new DomainError("FORBIDDEN", "credit_note.store_owner");
  if (invoice.voidedAt) throw new DomainError("CONFLICT", "credit_note.invoice_void", { number: invoice.number }, "invoiceId");
}

/** The ledger lines of a planned note: each line's account debited, the receivable and the payer's credit credited. */
export function creditNotePostingLines(plan: CreditNotePlan, invoice: { id: number; payerId: number; storeId: number | null }): PostingLine[] {
  const named = { payerId: invoice.payerId, invoiceId: invoice.id, storeId: invoice.storeId };
  const lines: PostingLine[] = plan.lines.map((l) => ({ accountCode: l.debitAccount, amountWon: l.amountWon, ...named }));
  if (plan.receivableWon > 0n) lines.push({ accountCode: RECEIVABLES, amountWon: -plan.receivableWon, ...named });
  if (plan.toCustomerCreditWon > 0n) lines.push({ accountCode: CUSTOMER_CREDITS, amountWon: -plan.toCustomerCreditWon, payerId: invoice.payerId, storeId: invoice.storeId });
  return lines;
}

/**
 * Issues a credit note in the caller's transaction: locks the invoice, checks the lines against
 * what is left of it, takes the year's next gapless number, posts one entry, saves the note and
 * refreshes the invoice's open and credited amounts. A key used before returns its note and writes
 * nothing. A note dated in a closed month is dated `today` instead (audited history does not move).
 */
export async function issueCreditNoteInTx(tx: Tx, input: IssueCreditNoteInput, audit: AuditSink): Promise<CreditNoteOutcome> {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError("INVALID", "credit_note.reason_required", {}, "reason");
  if (!isBusinessDate(input.issueOn)) throw new DomainError("INVALID", "ledger.bad_date", { value: input.issueOn }, "issueOn");
  const key = creditNoteIdempotencyKey(input.invoiceId, input.idempotencyKey);
  if (input.storeScope) throw new DomainError("FORBIDDEN", "credit_note.store_owner");
  // The row lock orders notes, payments and a void of the same invoice: each sees what the other left open.
  const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM invoice WHERE id = ${input.invoiceId} FOR UPDATE`;
  if (!locked) throw new DomainError("NOT_FOUND", "not_found", { entity: `invoice ${input.invoiceId}` }, "invoiceId");
  const replay = await tx.creditNote.findUnique({ where: { idempotencyKey: key }, include: detailInclude });
  if (replay) return { creditNote: presentDetail(replay), replayed: true };

  const { invoice, view } = await creditableInvoice(tx, input.invoiceId);
  assertCreditable(invoice, input.storeScope);
  const today = input.today ?? input.issueOn;
  if (input.issueOn > today) throw new DomainError("INVALID", "credit_note.date_in_future", { date: input.issueOn, today }, "issueOn");
  const invoiceIssueOn = businessDateFromDb(invoice.issueOn);
  if (input.issueOn < invoiceIssueOn) throw new DomainError("INVALID", "credit_note.before_invoice", { issueOn: invoiceIssueOn }, "issueOn");
  const plan = planCreditNote(view, input.lines);
  const closed = await tx.accountingPeriod.findUnique({ where: { month: businessDateToDb(monthStart(input.issueOn)) } });
  const issueOn = closed?.closedAt ? today : input.issueOn;

  // The year's counter moves in this transaction: a rollback gives the number back, so there are no gaps.
  const year = Number(issueOn.slice(0, 4));
  const [sequence] = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO credit_note_sequence (year, last_number) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_number = credit_note_sequence.last_number + 1
    RETURNING last_number`;
  const number = creditNoteNumber(year, sequence!.last_number);
  const entry = await postEntry(
    tx,
    { effectiveOn: issueOn, kind: "credit_note", source: "credit-notes.issue", memo: `감액 청구서 ${number} (청구서 ${invoice.number})`, idempotencyKey: key, lines: creditNotePostingLines(plan, invoice) },
    input.userId,
  );
  if (!entry.created) throw new Error(`ledger entry ${key} exists without its credit note`);
  const created = await tx.creditNote.create({
    data: {
      number,
      invoiceId: invoice.id,
      payerId: invoice.payerId,
      storeId: invoice.storeId,
      issueOn: businessDateToDb(issueOn),
      totalWon: plan.totalWon,
      toCustomerCreditWon: plan.toCustomerCreditWon,
      reason: reason.slice(0, 200),
      idempotencyKey: key,
      entryId: entry.id,
      createdById: input.userId,
      lines: { create: plan.lines.map((l) => ({ position: l.position, invoiceLinePosition: l.invoiceLinePosition, labelKo: l.labelKo, labelEn: l.labelEn, amountWon: l.amountWon, debitAccount: l.debitAccount })) },
    },
  });
  await refreshInvoiceOpenAmounts(tx, [invoice.id]);
  await tx.$executeRaw`UPDATE invoice SET credited_won = (SELECT COALESCE(SUM(total_won), 0) FROM credit_note WHERE invoice_id = ${invoice.id}) WHERE id = ${invoice.id}`;
  const note = presentDetail(await tx.creditNote.findUniqueOrThrow({ where: { id: created.id }, include: detailInclude }));
  await audit(tx, {
    action: "credit_note.issue",
    entityType: "credit_note",
    entityId: note.id,
    before: { invoiceNumber: invoice.number, openWon: invoice.openWon.toString(), creditedWon: invoice.creditedWon.toString() },
    after: auditView(note),
  });
  return { creditNote: note, replayed: false };
}

const LIST_SPEC = { id: "int", number: "string", invoiceId: "int", payerId: "int", storeId: "int", issueOn: "date", totalWon: "int", toCustomerCreditWon: "int", createdAt: "datetime" } as const;
const listInclude = { payer: { select: { id: true, payerCode: true, name: true } }, invoice: { select: { id: true, number: true } } } as const;

/** Credit notes as the admin reads them, and issuing one through its own transaction. */
export class CreditNoteService {
  constructor(private readonly db: Db) {}

  issue(input: IssueCreditNoteInput, audit: AuditSink): Promise<CreditNoteOutcome> {
    return this.db.$transaction((tx) => issueCreditNoteInTx(tx, input, audit));
  }

  /** What issuing would post, without writing: the lines as checked and the receivable / customer credit split. */
  async preview(input: { invoiceId: number; lines: readonly CreditNoteLineRequest[] }, storeScope: readonly number[] | null) {
    const { invoice, view } = await creditableInvoice(this.db, input.invoiceId);
    assertCreditable(invoice, storeScope);
    const plan = planCreditNote(view, input.lines);
    return {
      lines: plan.lines,
      totalWon: plan.totalWon,
      receivableWon: plan.receivableWon,
      toCustomerCreditWon: plan.toCustomerCreditWon,
      openBeforeWon: invoice.openWon,
      openAfterWon: invoice.openWon - plan.receivableWon,
      entry: creditNotePostingLines(plan, invoice),
    };
  }

  /** What is left to take back from each line of an invoice (for the form). */
  async creditable(invoiceId: number, storeScope: readonly number[] | null) {
    const { invoice, view } = await creditableInvoice(this.db, invoiceId);
    if (storeScope && (invoice.storeId === null || !storeScope.includes(invoice.storeId))) throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: invoice.storeId ?? "-" });
    return view.lines.map((l) => ({ ...l, creditedWon: view.creditedByPosition.get(l.position) ?? 0n, leftWon: l.amountWon - (view.creditedByPosition.get(l.position) ?? 0n) > 0n ? l.amountWon - (view.creditedByPosition.get(l.position) ?? 0n) : 0n }));
  }

  async get(id: number, storeScope: readonly number[] | null): Promise<CreditNoteDetail> {
    const row = await this.db.creditNote.findUnique({ where: { id }, include: detailInclude });
    if (!row || (storeScope && (row.storeId === null || !storeScope.includes(row.storeId)))) throw new DomainError("NOT_FOUND", "not_found", { entity: `credit note ${id}` });
    return presentDetail(row);
  }

  /**
   * Filters: number (contains), payer (name or payer code, contains), payerId, invoiceId, storeId,
   * issueOn range, totalWon. Sorts: number, issueOn, totalWon, createdAt. Store owners see their stores'.
   */
  async list(input: ListInput, storeScope: readonly number[] | null) {
    const payerFilters = input.filters.filter((f) => f.field === "payer");
    const args = prismaListArgs({ ...input, filters: input.filters.filter((f) => f.field !== "payer") }, LIST_SPEC, { id: "desc" });
    const and: Prisma.CreditNoteWhereInput[] = [args.where as Prisma.CreditNoteWhereInput];
    for (const filter of payerFilters) {
      const text = String(filter.value ?? "").trim();
      if (text !== "") and.push({ payer: { OR: [{ name: { contains: text, mode: "insensitive" } }, { payerCode: { contains: text, mode: "insensitive" } }] } });
    }
    if (storeScope) and.push({ storeId: { in: [...storeScope] } });
    const where: Prisma.CreditNoteWhereInput = { AND: and };
    const [rows, total] = await Promise.all([this.db.creditNote.findMany({ ...args, where, include: listInclude }), this.db.creditNote.count({ where })]);
    return {
      data: rows.map((r) => ({
        id: r.id,
        number: r.number,
        invoice: r.invoice,
        payer: r.payer,
        storeId: r.storeId,
        issueOn: businessDateFromDb(r.issueOn),
        totalWon: r.totalWon,
        toCustomerCreditWon: r.toCustomerCreditWon,
        reason: r.reason,
        createdAt: r.createdAt,
      })),
      total,
    };
  }
}
