import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Id } from "../id-input.ts";
import { businessDateFromDb, DomainError, isBusinessDate, ListInput, reversalOf } from "@sunap/core";
import { balanceAsOf, postEntry, trialBalance, type Prisma } from "@sunap/db";
import { assertStoreVisible, procedure, router } from "../trpc.ts";
import { prismaListArgs } from "../list-query.ts";
import { auditSink } from "../procedure-audit.ts";

const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");

const ManualLine = z.object({
  accountCode: z.string().min(1).max(64),
  amountWon: z.bigint().refine((v) => v !== 0n, "input.not_zero"),
  storeId: Id.nullable().default(null),
  payerId: Id.nullable().default(null),
});

type EntryWithLines = Prisma.JournalEntryGetPayload<{ include: { lines: true } }>;

function presentEntry(entry: EntryWithLines) {
  const debitWon = entry.lines.reduce((s, l) => (l.amountWon > 0n ? s + l.amountWon : s), 0n);
  return {
    id: entry.id,
    effectiveOn: businessDateFromDb(entry.effectiveOn),
    postedAt: entry.postedAt,
    kind: entry.kind,
    memo: entry.memo,
    source: entry.source,
    idempotencyKey: entry.idempotencyKey,
    createdById: entry.createdById,
    reversesEntryId: entry.reversesEntryId,
    debitWon,
    lines: entry.lines.map((l) => ({ id: l.id, accountCode: l.accountCode, amountWon: l.amountWon, payerId: l.payerId, invoiceId: l.invoiceId, storeId: l.storeId })),
  };
}

export const ledgerRouter = router({
  /** The chart with each account's balance as of a date (store owners: their stores' lines only). */
  accounts: procedure
    .permission("ledger.read")
    .input(z.object({ asOf: BusinessDateInput.optional() }))
    .query(async ({ ctx, input }) => {
      const asOf = input.asOf ?? ctx.clock.today();
      const [accounts, balances] = await Promise.all([
        ctx.db.ledgerAccount.findMany({ orderBy: [{ type: "asc" }, { code: "asc" }] }),
        trialBalance(ctx.db, { asOf, ...(ctx.storeScope && { storeIds: ctx.storeScope }) }),
      ]);
      const byCode = new Map(balances.map((b) => [b.accountCode, b.balanceWon]));
      return { asOf, data: accounts.map((a) => ({ ...a, balanceWon: byCode.get(a.code) ?? 0n })), total: accounts.length };
    }),

  balance: procedure
    .permission("ledger.read")
    .input(z.object({ asOf: BusinessDateInput.optional(), accountCode: z.string().optional(), payerId: Id.optional(), storeId: Id.optional(), invoiceId: Id.optional() }))
    .query(async ({ ctx, input }) => {
      const asOf = input.asOf ?? ctx.clock.today();
      // A named store must be visible; the scope would otherwise replace it (one storeId filter).
      if (input.storeId !== undefined) assertStoreVisible(ctx.storeScope, input.storeId);
      const filter = { ...input, asOf, ...(ctx.storeScope && input.storeId === undefined && { storeIds: ctx.storeScope }) };
      return { asOf, balanceWon: await balanceAsOf(ctx.db, filter) };
    }),

  entries: procedure
    .permission("ledger.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      // Filters on line fields (account, store, payer) select entries having such a line.
      const lineFields = new Set(["accountCode", "storeId", "payerId", "invoiceId"]);
      const lineFilters = input.filters.filter((f) => lineFields.has(f.field));
      const entryInput = { ...input, filters: input.filters.filter((f) => !lineFields.has(f.field)) };
      const args = prismaListArgs(entryInput, { id: "int", effectiveOn: "date", postedAt: "datetime", kind: "string", source: "string", memo: "string" }, { id: "desc" });
      const lineWhere = prismaListArgs({ ...input, filters: lineFilters, sorters: [] }, { accountCode: "string", storeId: "int", payerId: "int", invoiceId: "int" }, { id: "asc" }).where;
      const scoped = ctx.storeScope ? { AND: [lineWhere, { storeId: { in: ctx.storeScope } }] } : lineWhere;
      const where = { AND: [args.where, lineFilters.length || ctx.storeScope ? { lines: { some: scoped } } : {}] };
      const [rows, total] = await Promise.all([
        ctx.db.journalEntry.findMany({ ...args, where, include: { lines: ctx.storeScope ? { where: { storeId: { in: ctx.storeScope } } } : true } }),
        ctx.db.journalEntry.count({ where }),
      ]);
      return { data: rows.map(presentEntry), total };
    }),

  entry: procedure
    .permission("ledger.read")
    .input(z.object({ id: Id }))
    .query(async ({ ctx, input }) => {
      const entry = await ctx.db.journalEntry.findUnique({ where: { id: input.id }, include: { lines: { orderBy: { id: "asc" } } } });
      if (!entry) throw new DomainError("NOT_FOUND", "not_found", { entity: `entry ${input.id}` });
      if (ctx.storeScope && !entry.lines.some((l) => l.storeId !== null && ctx.storeScope!.includes(l.storeId))) {
        throw new DomainError("FORBIDDEN", "auth.store_forbidden", { storeId: "-" });
      }
      const reversedBy = await ctx.db.journalEntry.findUnique({ where: { reversesEntryId: entry.id }, select: { id: true } });
      const scopedLines = ctx.storeScope ? entry.lines.filter((l) => l.storeId !== null && ctx.storeScope!.includes(l.storeId)) : entry.lines;
      return { ...presentEntry({ ...entry, lines: scopedLines }), reversedById: reversedBy?.id ?? null };
    }),

  /** A manual journal entry (opening balances, adjustments). The client's key makes a double click harmless. */
  post: procedure
    .permission("ledger.post")
    .input(z.object({ effectiveOn: BusinessDateInput, memo: z.string().trim().min(1).max(500), lines: z.array(ManualLine).min(2).max(50), idempotencyKey: z.string().min(8).max(100).default(() => randomUUID()) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      return ctx.db.$transaction(async (tx) => {
        // An unknown store would fail the foreign key as a server error; name the line instead.
        const named = input.lines.flatMap((l) => (l.storeId === null ? [] : [l.storeId]));
        const known = new Set((await tx.store.findMany({ where: { id: { in: named } }, select: { id: true } })).map((s) => s.id));
        const bad = input.lines.findIndex((l) => l.storeId !== null && !known.has(l.storeId));
        if (bad >= 0) throw new DomainError("INVALID", "not_found", { entity: `store ${input.lines[bad]!.storeId}` }, `lines.${bad}.storeId`);
        const posted = await postEntry(tx, { effectiveOn: input.effectiveOn, kind: "manual", memo: input.memo, source: "admin", idempotencyKey: `manual:v1:${input.idempotencyKey}`, lines: input.lines }, ctx.user.id);
        if (posted.created) await audit(tx, { action: "ledger.post", entityType: "journal_entry", entityId: posted.id, after: input });
        else ctx.audit.written = true;
        return posted;
      });
    }),

  /** Corrects an entry by posting its mirror image, dated today (or a given open date). */
  reverse: procedure
    .permission("ledger.post")
    .input(z.object({ id: Id, effectiveOn: BusinessDateInput.optional(), memo: z.string().trim().max(500).default("") }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      return ctx.db.$transaction(async (tx) => {
        const original = await tx.journalEntry.findUnique({ where: { id: input.id }, include: { lines: true } });
        if (!original) throw new DomainError("NOT_FOUND", "not_found", { entity: `entry ${input.id}` });
        const effectiveOn = input.effectiveOn ?? ctx.clock.today();
        const key = `reversal:v1:${original.id}`;
        const already = await tx.journalEntry.findUnique({ where: { reversesEntryId: original.id } });
        if (already) throw new DomainError("CONFLICT", "ledger.already_reversed", { id: original.id });
        const posted = await postEntry(tx, { effectiveOn, kind: "reversal", memo: input.memo || `Reversal of #${original.id}`, source: "admin", idempotencyKey: key, reversesEntryId: original.id, lines: reversalOf(original.lines) }, ctx.user.id);
        await audit(tx, { action: "ledger.reverse", entityType: "journal_entry", entityId: posted.id, after: { reverses: original.id, effectiveOn } });
        return posted;
      });
    }),

  /** Every account's balance as of a date; the total is zero when the books balance. */
  trialBalance: procedure
    .permission("ledger.read")
    .input(z.object({ asOf: BusinessDateInput.optional() }))
    .query(async ({ ctx, input }) => {
      const asOf = input.asOf ?? ctx.clock.today();
      const rows = await trialBalance(ctx.db, { asOf, ...(ctx.storeScope && { storeIds: ctx.storeScope }) });
      return { asOf, rows, totalWon: rows.reduce((s, r) => s + r.balanceWon, 0n) };
    }),
});
