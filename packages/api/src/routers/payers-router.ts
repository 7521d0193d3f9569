import { z } from "zod";
import { Id } from "../id-input.ts";
import { isBusinessDate, ListInput, type BusinessDate } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import { PayerService } from "../services/payer-service.ts";
import { exportPayers } from "../services/payer-export.ts";
import { leavePayer, leavePreview } from "../services/payer-leaving.ts";
import { prismaListArgs } from "../list-query.ts";
import type { Context } from "../context.ts";

export const PayerInput = z.object({
  payerCode: z.string().trim().regex(/^[A-Za-z0-9_-]*$/, "input.code_chars").min(1).max(20),
  kind: z.enum(["individual", "business"]),
  name: z.string().trim().min(1).max(50),
  birthDate: z.string().trim().nullable().default(null),
  businessNumber: z.string().trim().nullable().default(null),
  representative: z.string().trim().max(50).nullable().default(null),
  phone: z.string().trim().min(1).max(20),
  email: z.email().max(254).nullable().default(null),
  address: z.string().trim().max(200).nullable().default(null),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  plugins: z.array(z.string()).max(10).default([]),
  storeId: Id.nullable().default(null),
});

/** On update the encrypted fields may be left out (undefined): the stored value is kept, so nobody has to reveal it to save an e-mail change. */
export const PayerUpdateInput = PayerInput.extend({
  birthDate: z.string().trim().nullable().optional(),
  businessNumber: z.string().trim().nullable().optional(),
  phone: z.string().trim().min(1).max(20).optional(),
});

function service(ctx: Context): PayerService {
  return new PayerService(ctx.db, ctx.keyring, ctx.plugins.map((p) => p.id));
}

export const payersRouter = router({
  list: procedure
    .permission("payer.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input, ctx.storeScope)),

  get: procedure
    .permission("payer.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => service(ctx).get(input.id, ctx.storeScope)),

  create: procedure
    .permission("payer.write")
    .input(PayerInput)
    .mutation(({ ctx, input }) => service(ctx).create(input, ctx.clock.today(), auditSink(ctx))),

  update: procedure
    .permission("payer.write")
    .input(z.object({ id: Id, values: PayerUpdateInput }))
    .mutation(({ ctx, input }) => service(ctx).update(input.id, input.values, ctx.clock.today(), auditSink(ctx))),

  /** Unmasked personal data with a reason, logged as PIPA 접속기록; a read, but a mutation audited like a change (both logs in one transaction). */
  reveal: procedure
    .permission("payer.reveal")
    .input(z.object({ id: Id, reason: z.string().max(200) }))
    .mutation(({ ctx, input }) => service(ctx).reveal(input.id, input.reason, ctx.actor, ctx.storeScope, auditSink(ctx))),

  /** The list as CSV or XLSX with the filters and order on screen, masked as on screen; each payer in it is written to the access log. */
  export: procedure
    .permission("payer.export")
    .input(z.object({ filters: ListInput.shape.filters, sorters: ListInput.shape.sorters, format: z.enum(["csv", "xlsx"]), reason: z.string().max(200) }))
    .mutation(({ ctx, input }) => exportPayers(ctx.db, ctx.keyring, ctx.plugins.map((p) => p.id), { ...input, locale: ctx.locale, today: ctx.clock.today() }, ctx.actor, ctx.storeScope, auditSink(ctx))),

  /** What marking the payer as left would do: the consents it withdraws, the contracts it ends, what stays owed. */
  leavePreview: procedure
    .permission("payer.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => leavePreview(ctx.db, input.id, ctx.storeScope)),

  /** 탈퇴: withdraws the standing consents, ends the active contracts on `leftOn` and marks the payer as left, in one transaction. */
  leave: procedure
    .permission("payer.write")
    .input(z.object({ id: Id, leftOn: z.string().refine(isBusinessDate, "input.date").transform((v) => v as BusinessDate).optional(), reason: z.string().max(200) }))
    .mutation(({ ctx, input }) => leavePayer(ctx, input, { actor: ctx.actor, now: ctx.clock.now(), today: ctx.clock.today(), storeScope: ctx.storeScope }, auditSink(ctx))),

  /** The access log (who saw or exported personal data, and why). */
  accessLog: procedure
    .permission("audit.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      const args = prismaListArgs(input, { id: "int", at: "datetime", email: "string", action: "string", payerId: "int" }, { id: "desc" });
      const [data, total] = await Promise.all([ctx.db.personalDataAccess.findMany(args), ctx.db.personalDataAccess.count({ where: args.where })]);
      return { data, total };
    }),
});
