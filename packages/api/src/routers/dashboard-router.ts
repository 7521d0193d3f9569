import { addDays, monthStart } from "@sunap/core";
import { balanceAsOf } from "@sunap/db";
import { procedure, router } from "../trpc.ts";

export const dashboardRouter = router({
  /** The figures that exist so far: stores, users, receivables open today, and their last 12 month-ends. */
  summary: procedure.permission("report.read").query(async ({ ctx }) => {
    const today = ctx.clock.today();
    const storeScope = ctx.storeScope;
    const scope = storeScope ? { storeIds: storeScope } : {};
    const monthEnds: string[] = [];
    let cursor = today;
    for (let i = 0; i < 12; i += 1) {
      monthEnds.unshift(cursor);
      cursor = addDays(monthStart(cursor), -1);
    }
    const [stores, users, openReceivablesWon, entriesThisMonth, history] = await Promise.all([
      ctx.db.store.count({ where: storeScope ? { id: { in: storeScope } } : { closedOn: null } }),
      storeScope ? Promise.resolve(null) : ctx.db.user.count({ where: { disabledAt: null } }),
      balanceAsOf(ctx.db, { asOf: today, accountCode: "receivables", ...scope }),
      ctx.db.journalEntry.count({ where: { effectiveOn: { gte: new Date(`${monthStart(today)}T00:00:00Z`) }, ...(storeScope && { lines: { some: { storeId: { in: storeScope } } } }) } }),
      Promise.all(monthEnds.map(async (asOf) => ({ asOf, receivablesWon: await balanceAsOf(ctx.db, { asOf, accountCode: "receivables", ...scope }) }))),
    ]);
    return { today, stores, users, openReceivablesWon, entriesThisMonth, receivablesHistory: history };
  }),
});
