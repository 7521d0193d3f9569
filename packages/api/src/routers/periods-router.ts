import { z } from "zod";
import { addDays, businessDateFromDb, businessDateToDb, DomainError, lastDayOf, monthStart } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "input.month");

export const periodsRouter = router({
  /** The last 24 months with their status, newest first. */
  list: procedure.permission("period.read").query(async ({ ctx }) => {
    const today = ctx.clock.today();
    const rows = await ctx.db.accountingPeriod.findMany();
    const byMonth = new Map(rows.map((r) => [businessDateFromDb(r.month).slice(0, 7), r]));
    const months: string[] = [];
    let cursor = monthStart(today);
    for (let i = 0; i < 24; i += 1) {
      months.push(cursor.slice(0, 7));
      cursor = monthStart(addDays(cursor, -1));
    }
    const counts = await ctx.db.$queryRaw<{ month: string; entries: bigint }[]>`
      SELECT to_char(date_trunc('month', effective_on), 'YYYY-MM') AS month, count(*) AS entries
      FROM journal_entry WHERE effective_on >= ${businessDateToDb(`${months.at(-1)}-01`)} GROUP BY 1`;
    const entriesByMonth = new Map(counts.map((c) => [c.month, Number(c.entries)]));
    const data = months.map((month) => {
      const row = byMonth.get(month);
      return { month, closed: Boolean(row?.closedAt), closedAt: row?.closedAt ?? null, closedById: row?.closedById ?? null, entries: entriesByMonth.get(month) ?? 0, ended: lastDayOf(month) < today };
    });
    return { data, total: data.length };
  }),

  close: procedure
    .permission("period.close")
    .input(z.object({ month: Month }))
    .mutation(async ({ ctx, input }) => {
      if (lastDayOf(input.month) >= ctx.clock.today()) throw new DomainError("INVALID", "period.future", { month: input.month }, "month");
      const audit = auditSink(ctx);
      const key = businessDateToDb(`${input.month}-01`);
      await ctx.db.$transaction(async (tx) => {
        const existing = await tx.accountingPeriod.findUnique({ where: { month: key } });
        if (existing?.closedAt) throw new DomainError("CONFLICT", "period.already_closed", { month: input.month });
        await tx.accountingPeriod.upsert({ where: { month: key }, create: { month: key, closedAt: ctx.clock.now(), closedById: ctx.user.id }, update: { closedAt: ctx.clock.now(), closedById: ctx.user.id } });
        await audit(tx, { action: "period.close", entityType: "accounting_period", entityId: input.month });
      });
      return { ok: true };
    }),

  /** Reopening lets entries be dated in the month again; it is audited like every change. */
  reopen: procedure
    .permission("period.reopen")
    .input(z.object({ month: Month, reason: z.string().trim().min(3).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const key = businessDateToDb(`${input.month}-01`);
      await ctx.db.$transaction(async (tx) => {
        const existing = await tx.accountingPeriod.findUnique({ where: { month: key } });
        if (!existing?.closedAt) throw new DomainError("CONFLICT", "period.not_closed", { month: input.month });
        await tx.accountingPeriod.update({ where: { month: key }, data: { closedAt: null, closedById: null } });
        await audit(tx, { action: "period.reopen", entityType: "accounting_period", entityId: input.month, before: { closedAt: existing.closedAt, closedById: existing.closedById }, after: { reason: input.reason } });
      });
      return { ok: true };
    }),
});
