import { z } from "zod";
import { isBusinessDate, type BusinessDate } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import { calendarYear, closeBankingDay, cmsSettings, debitTimingNow, removeCalendarAdjustment, reopenBankingDay, updateCmsSettings } from "../services/banking-calendar-service.ts";

const DateInput = z.string().refine(isBusinessDate).transform((v) => v as BusinessDate);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** The banking-day calendar (shipped data plus the admin's closures and reopened days) and the debit cut-off. */
export const bankingCalendarRouter = router({
  year: procedure
    .permission("registration.read")
    .input(z.object({ year: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => calendarYear(ctx.db, input.year)),

  close: procedure
    .permission("org.update")
    .input(z.object({ date: DateInput, nameKo: Text(50), nameEn: Text(80), reason: Text(200) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      await ctx.db.$transaction((tx) => closeBankingDay(tx, input, ctx.user.id, audit));
      return { ok: true };
    }),

  reopen: procedure
    .permission("org.update")
    .input(z.object({ date: DateInput, reason: Text(200) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      await ctx.db.$transaction((tx) => reopenBankingDay(tx, input, ctx.user.id, audit));
      return { ok: true };
    }),

  undo: procedure
    .permission("org.update")
    .input(z.object({ date: DateInput }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      await ctx.db.$transaction((tx) => removeCalendarAdjustment(tx, input.date, audit));
      return { ok: true };
    }),

  settings: procedure.permission("registration.read").query(({ ctx }) => cmsSettings(ctx.db)),

  updateSettings: procedure
    .permission("org.update")
    .input(z.object({ debitCutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      return ctx.db.$transaction((tx) => updateCmsSettings(tx, input, audit));
    }),

  /** When a debit requested now would be sent and debited, with the cut-off that decides it. */
  debitTiming: procedure.permission("registration.read").query(({ ctx }) => debitTimingNow(ctx.db, ctx.clock, ctx.clock.timeZone)),
});
