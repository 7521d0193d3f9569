import { z } from "zod";
import { ListInput } from "@sunap/core";
import { Id } from "../id-input.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import type { Context } from "../context.ts";
import { InvoiceService } from "../services/invoice-service.ts";

const service = (ctx: Context) => new InvoiceService(ctx.db, ctx.keyring);

export const invoicesRouter = router({
  /**
   * Filters: pluginId, status (open, partially_paid, paid, void, overdue), dueOn and issueOn
   * ranges, payerId, storeId, number, contractId. Sorts: number, issueOn, dueOn, totalWon, openWon.
   */
  list: procedure
    .permission("invoice.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input, ctx.storeScope, ctx.clock.today())),

  /** Lines, the ledger entries naming it, allocations, contract, payer (masked). */
  get: procedure
    .permission("invoice.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => service(ctx).get(input.id, ctx.storeScope, ctx.clock.today())),

  /** A reversing entry of the issue entry; a part already paid moves to the payer's customer credit. */
  void: procedure
    .permission("invoice.write")
    .input(z.object({ id: Id, reason: z.string().max(200) }))
    .mutation(({ ctx, input }) => service(ctx).void(input, ctx.clock.today(), ctx.clock.now(), ctx.user.id, auditSink(ctx), ctx.storeScope)),
});
