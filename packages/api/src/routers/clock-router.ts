import { z } from "zod";
import { businessDateToDb, DomainError, isBusinessDate } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";

export const clockRouter = router({
  get: procedure.permission("session.self").query(({ ctx }) => ({ today: ctx.clock.today(), pinned: ctx.clock.isPinned(), timeZone: ctx.clock.timeZone, demoMode: ctx.settings.demoMode })),

  /** Demo mode only: move the business date so billing, aging and the sandbox bank can be shown. */
  set: procedure
    .permission("clock.set")
    .input(z.object({ today: z.string().refine(isBusinessDate, "input.date").nullable() }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.settings.demoMode) throw new DomainError("FORBIDDEN", "clock.demo_only");
      const audit = auditSink(ctx);
      const before = ctx.clock.today();
      await ctx.db.$transaction(async (tx) => {
        if (input.today === null) await tx.clockOverride.deleteMany({});
        else await tx.clockOverride.upsert({ where: { id: 1 }, create: { id: 1, today: businessDateToDb(input.today) }, update: { today: businessDateToDb(input.today) } });
        await audit(tx, { action: "clock.set", entityType: "clock", entityId: 1, before: { today: before }, after: input });
      });
      await ctx.clock.refresh(ctx.db);
      return { today: ctx.clock.today(), pinned: ctx.clock.isPinned() };
    }),
});
