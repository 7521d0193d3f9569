import { z } from "zod";
import { ListInput } from "@sunap/core";
import { Id } from "../id-input.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import type { Context } from "../context.ts";
import { EnrollmentLinkService } from "../services/enrollment-links.ts";

function service(ctx: Context) {
  return new EnrollmentLinkService(ctx.db, ctx.keyring, ctx.plugins.map((p) => p.id), ctx.clock);
}

export const CreateEnrollmentLinkInput = z.object({
  purpose: z.enum(["single", "campaign"]),
  payerId: Id.nullish(),
  pluginId: z.string().max(40).nullish(),
  storeId: Id.nullish(),
  campaignLabel: z.string().trim().max(60).nullish(),
  amountText: z.string().trim().max(100).nullish(),
  scheduleText: z.string().trim().max(100).nullish(),
  maxUses: z.number().int().min(1).max(1_000_000).nullish(),
  expiresInDays: z.number().int().min(1).max(365).optional(),
});

export const enrollmentLinksRouter = router({
  list: procedure
    .permission("consent.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input)),
  /** A single-use link for a payer, or a reusable campaign link; returns its `url` (and `path` for a QR code). */
  create: procedure
    .permission("consent.write")
    .input(CreateEnrollmentLinkInput)
    .mutation(({ ctx, input }) => service(ctx).create(input, { now: ctx.clock.now(), ip: ctx.ip, userId: ctx.user.id }, auditSink(ctx))),
  revoke: procedure
    .permission("consent.write")
    .input(z.object({ id: Id }))
    .mutation(({ ctx, input }) => service(ctx).revoke(input.id, ctx.clock.now(), auditSink(ctx))),
  /** Queues the link in the notify outbox: to the payer's phone/e-mail, or to `to`. */
  send: procedure
    .permission("consent.write")
    .input(z.object({ id: Id, channel: z.enum(["sms", "alimtalk", "email"]), to: z.string().trim().max(254).nullish() }))
    .mutation(({ ctx, input }) => service(ctx).send(input, { now: ctx.clock.now(), ip: ctx.ip }, auditSink(ctx))),
});
