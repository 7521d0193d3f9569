import { z } from "zod";
import { businessDateFromDb, businessDateToDb, DomainError, ListInput } from "@sunap/core";
import type { BillingRunModel as BillingRun } from "@sunap/db";
import { Id } from "../id-input.ts";
import { prismaListArgs } from "../list-query.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import { runBilling } from "../services/billing-engine.ts";

function present(run: BillingRun) {
  const failures = Array.isArray(run.failures) ? (run.failures as { contractId: number; periodKey: string | null; message: string }[]) : [];
  return { ...run, runOn: businessDateFromDb(run.runOn), running: run.finishedAt === null, failureCount: failures.length, failures };
}

export const billingRouter = router({
  /**
   * Starts a billing run now and returns its id at once; the admin polls `run`. With `wait`, returns
   * when the run is done. Safe beside the scheduled run: the engine issues each invoice once.
   */
  runNow: procedure
    .permission("invoice.write")
    .input(z.object({ wait: z.boolean().default(false) }).default({ wait: false }))
    .mutation(async ({ ctx, input }) => {
      const today = ctx.clock.today();
      const run = await ctx.db.billingRun.create({ data: { runOn: businessDateToDb(today), trigger: "manual" } });
      await auditSink(ctx)(ctx.db, { action: "billing.run_now", entityType: "billing_run", entityId: run.id, after: { runOn: today } });
      const running = runBilling({ db: ctx.db, registry: ctx.billing, keyring: ctx.keyring, clock: ctx.clock, trigger: "manual", runId: run.id, log: ctx.log });
      if (input.wait) {
        const result = await running;
        return { runId: run.id, issued: result.issued, failures: result.failures.length };
      }
      running.catch((error: unknown) => ctx.log.error({ err: error, runId: run.id }, "billing run failed"));
      return { runId: run.id, issued: null, failures: null };
    }),

  runs: procedure
    .permission("invoice.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      const args = prismaListArgs(input, { id: "int", runOn: "date", startedAt: "datetime", trigger: "string", issued: "int", contracts: "int" }, { id: "desc" });
      const [rows, total] = await Promise.all([ctx.db.billingRun.findMany(args), ctx.db.billingRun.count({ where: args.where })]);
      return { data: rows.map(present), total };
    }),

  run: procedure
    .permission("invoice.read")
    .input(z.object({ id: Id }))
    .query(async ({ ctx, input }) => {
      const run = await ctx.db.billingRun.findUnique({ where: { id: input.id } });
      if (!run) throw new DomainError("NOT_FOUND", "not_found", { entity: `billing run ${input.id}` });
      return present(run);
    }),
});
