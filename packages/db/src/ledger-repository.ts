import { businessDateFromDb, businessDateToDb, DomainError, monthStart, validatePosting, type BusinessDate, type Posting, type Won } from "@sunap/core";
import { Prisma } from "./generated/prisma/client.ts";
import type { DbOrTx, Tx } from "./prisma-client.ts";
import { sqlArray } from "./sql-array.ts";

export interface PostedEntry {
  id: number;
  idempotencyKey: string;
  effectiveOn: BusinessDate;
  /** False when the key had been posted before: the first entry is returned, nothing new is written. */
  created: boolean;
}

/** Turns the database's own refusals (see the foundation migration) into domain errors. */
export function ledgerErrorFromDb(error: unknown): DomainError | undefined {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  const closed = /accounting period (\d{4}-\d{2}) is closed/.exec(text);
  if (closed) return new DomainError("CONFLICT", "ledger.period_closed", { month: closed[1] ?? "" }, "effectiveOn");
  if (/is unbalanced by/.test(text)) return new DomainError("INVALID", "ledger.unbalanced", {}, "lines");
  if (/is append-only/.test(text)) return new DomainError("FORBIDDEN", "ledger.append_only");
  return undefined;
}

// The chart changes only when the app starts (sync) or an admin adds an account, so it is read
// once and read again only when a posting names a code not seen yet.
let knownAccounts: Set<string> | undefined;

async function accountCodesIncluding(tx: DbOrTx, codes: readonly string[]): Promise<Set<string>> {
  if (!knownAccounts || codes.some((code) => !knownAccounts!.has(code))) {
    const rows = await tx.ledgerAccount.findMany({ select: { code: true } });
    knownAccounts = new Set(rows.map((r) => r.code));
  }
  return knownAccounts;
}

/**
 * Posts one entry in the caller's transaction. The idempotency key is a UNIQUE column:
 * a second post with the same key returns the first entry and writes nothing.
 */
export async function postEntry(tx: Tx, posting: Posting, createdById: number | null): Promise<PostedEntry> {
  const replayed = await tx.journalEntry.findUnique({ where: { idempotencyKey: posting.idempotencyKey } });
  if (replayed) return { id: replayed.id, idempotencyKey: replayed.idempotencyKey, effectiveOn: businessDateFromDb(replayed.effectiveOn), created: false };
  validatePosting(posting, await accountCodesIncluding(tx, posting.lines.map((l) => l.accountCode)));
  const period = await tx.accountingPeriod.findUnique({ where: { month: businessDateToDb(monthStart(posting.effectiveOn)) } });
  if (period?.closedAt) throw new DomainError("CONFLICT", "ledger.period_closed", { month: posting.effectiveOn.slice(0, 7) }, "effectiveOn");
  // ON CONFLICT covers a concurrent post of the same key between the look-up and here.
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "journal_entry" ("effective_on", "kind", "memo", "source", "idempotency_key", "created_by_id", "reverses_entry_id")
    VALUES (${posting.effectiveOn}::date, ${posting.kind}, ${posting.memo ?? ""}, ${posting.source}, ${posting.idempotencyKey}, ${createdById}, ${posting.reversesEntryId ?? null})
    ON CONFLICT ("idempotency_key") DO NOTHING
    RETURNING "id"`;
  const first = inserted[0];
  if (!first) {
    const existing = await tx.journalEntry.findUniqueOrThrow({ where: { idempotencyKey: posting.idempotencyKey } });
    return { id: existing.id, idempotencyKey: existing.idempotencyKey, effectiveOn: businessDateFromDb(existing.effectiveOn), created: false };
  }
  await tx.journalLine.createMany({
    data: posting.lines.map((line) => ({
      entryId: first.id,
      accountCode: line.accountCode,
      amountWon: line.amountWon,
      payerId: line.payerId ?? null,
      invoiceId: line.invoiceId ?? null,
      storeId: line.storeId ?? null,
      effectiveOn: businessDateToDb(posting.effectiveOn),
    })),
  });
  return { id: first.id, idempotencyKey: posting.idempotencyKey, effectiveOn: posting.effectiveOn, created: true };
}

/**
 * Posts many entries in the caller's transaction with a few statements instead of a few per entry
 * (the billing engine issues thousands at a time). Same rules as `postEntry`: each posting is
 * validated, a closed month is refused, and a key posted before — earlier, concurrently, or twice
 * in the batch — returns the first entry and writes nothing. Results come back in input order.
 */
export async function postEntries(tx: Tx, postings: readonly Posting[], createdById: number | null): Promise<PostedEntry[]> {
  if (postings.length === 0) return [];
  const known = await accountCodesIncluding(tx, [...new Set(postings.flatMap((p) => p.lines.map((l) => l.accountCode)))]);
  for (const posting of postings) validatePosting(posting, known);

  const byKey = new Map<string, PostedEntry>();
  const keys = [...new Set(postings.map((p) => p.idempotencyKey))];
  const replayed = await tx.journalEntry.findMany({ where: { idempotencyKey: { in: keys } }, select: { id: true, idempotencyKey: true, effectiveOn: true } });
  for (const row of replayed) byKey.set(row.idempotencyKey, { id: row.id, idempotencyKey: row.idempotencyKey, effectiveOn: businessDateFromDb(row.effectiveOn), created: false });

  const fresh: Posting[] = [];
  const firstOfKey = new Map<string, Posting>();
  for (const posting of postings) {
    if (firstOfKey.has(posting.idempotencyKey)) continue;
    firstOfKey.set(posting.idempotencyKey, posting);
    if (!byKey.has(posting.idempotencyKey)) fresh.push(posting);
  }
  if (fresh.length > 0) {
    const months = [...new Set(fresh.map((p) => monthStart(p.effectiveOn)))];
    const closed = await tx.accountingPeriod.findFirst({ where: { month: { in: months.map(businessDateToDb) }, closedAt: { not: null } }, orderBy: { month: "asc" } });
    if (closed) throw new DomainError("CONFLICT", "ledger.period_closed", { month: businessDateFromDb(closed.month).slice(0, 7) }, "effectiveOn");

    // One INSERT for every header; ON CONFLICT covers a concurrent post of the same key.
    const inserted = await tx.$queryRaw<{ id: number; idempotency_key: string }[]>`
      INSERT INTO "journal_entry" ("effective_on", "kind", "memo", "source", "idempotency_key", "created_by_id", "reverses_entry_id")
      SELECT * FROM unnest(
        ${sqlArray(fresh.map((p) => p.effectiveOn))}::date[], ${sqlArray(fresh.map((p) => p.kind))}::text[], ${sqlArray(fresh.map((p) => p.memo ?? ""))}::text[],
        ${sqlArray(fresh.map((p) => p.source))}::text[], ${sqlArray(fresh.map((p) => p.idempotencyKey))}::text[],
        ${sqlArray(fresh.map(() => createdById))}::int[], ${sqlArray(fresh.map((p) => p.reversesEntryId ?? null))}::int[])
      ON CONFLICT ("idempotency_key") DO NOTHING
      RETURNING "id", "idempotency_key"`;
    const newIds = new Map(inserted.map((row) => [row.idempotency_key, row.id]));
    // Every line in one INSERT of column arrays: Prisma's createMany costs a fraction of a millisecond per row, this a few microseconds.
    const lines = { entryId: [] as number[], accountCode: [] as string[], amountWon: [] as string[], payerId: [] as (number | null)[], invoiceId: [] as (number | null)[], storeId: [] as (number | null)[], effectiveOn: [] as string[] };
    for (const posting of fresh) {
      const id = newIds.get(posting.idempotencyKey);
      if (id === undefined) continue;
      byKey.set(posting.idempotencyKey, { id, idempotencyKey: posting.idempotencyKey, effectiveOn: posting.effectiveOn, created: true });
      for (const line of posting.lines) {
        lines.entryId.push(id);
        lines.accountCode.push(line.accountCode);
        lines.amountWon.push(line.amountWon.toString());
        lines.payerId.push(line.payerId ?? null);
        lines.invoiceId.push(line.invoiceId ?? null);
        lines.storeId.push(line.storeId ?? null);
        lines.effectiveOn.push(posting.effectiveOn);
      }
    }
    if (lines.entryId.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "journal_line" ("entry_id", "account_code", "amount_won", "payer_id", "invoice_id", "store_id", "effective_on")
        SELECT * FROM unnest(
          ${sqlArray(lines.entryId)}::int[], ${sqlArray(lines.accountCode)}::text[], ${sqlArray(lines.amountWon)}::bigint[], ${sqlArray(lines.payerId)}::int[],
          ${sqlArray(lines.invoiceId)}::int[], ${sqlArray(lines.storeId)}::int[], ${sqlArray(lines.effectiveOn)}::date[])`;
    }
    const raced = fresh.filter((p) => !newIds.has(p.idempotencyKey)).map((p) => p.idempotencyKey);
    if (raced.length > 0) {
      for (const row of await tx.journalEntry.findMany({ where: { idempotencyKey: { in: raced } }, select: { id: true, idempotencyKey: true, effectiveOn: true } })) {
        byKey.set(row.idempotencyKey, { id: row.id, idempotencyKey: row.idempotencyKey, effectiveOn: businessDateFromDb(row.effectiveOn), created: false });
      }
    }
  }
  return postings.map((posting) => {
    const entry = byKey.get(posting.idempotencyKey)!;
    // Only the first posting of a key in the batch created it; a repeat is a replay.
    return entry.created && firstOfKey.get(posting.idempotencyKey) !== posting ? { ...entry, created: false } : entry;
  });
}

export interface BalanceFilter {
  asOf: BusinessDate;
  accountCode?: string;
  payerId?: number;
  storeId?: number;
  invoiceId?: number;
  /** Store owners: only lines naming one of these stores. */
  storeIds?: readonly number[];
}

function lineWhere(filter: BalanceFilter): Prisma.JournalLineWhereInput {
  return {
    effectiveOn: { lte: businessDateToDb(filter.asOf) },
    ...(filter.accountCode !== undefined && { accountCode: filter.accountCode }),
    ...(filter.payerId !== undefined && { payerId: filter.payerId }),
    ...(filter.invoiceId !== undefined && { invoiceId: filter.invoiceId }),
    ...(filter.storeId !== undefined && { storeId: filter.storeId }),
    ...(filter.storeIds !== undefined && { storeId: { in: [...filter.storeIds] } }),
  };
}

/** Signed balance (debit positive) of whatever the filter names, as of a business date. */
export async function balanceAsOf(db: DbOrTx, filter: BalanceFilter): Promise<Won> {
  const result = await db.journalLine.aggregate({ where: lineWhere(filter), _sum: { amountWon: true } });
  return result._sum.amountWon ?? 0n;
}

export interface AccountBalance {
  accountCode: string;
  balanceWon: Won;
}

/** Every account's balance as of a date; the balances of a whole ledger sum to zero. */
export async function trialBalance(db: DbOrTx, filter: BalanceFilter): Promise<AccountBalance[]> {
  const groups = await db.journalLine.groupBy({ by: ["accountCode"], where: lineWhere(filter), _sum: { amountWon: true }, orderBy: { accountCode: "asc" } });
  return groups.map((g) => ({ accountCode: g.accountCode, balanceWon: g._sum.amountWon ?? 0n }));
}

/** Open amount of an invoice: the sum of the receivable lines that name it. */
export function invoiceOpenAmount(db: DbOrTx, invoiceId: number, asOf: BusinessDate): Promise<Won> {
  return balanceAsOf(db, { asOf, invoiceId, accountCode: "receivables" });
}
