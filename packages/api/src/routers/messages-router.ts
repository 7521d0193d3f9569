import { z } from "zod";
import { ListInput } from "@sunap/core";
import { Id } from "../id-input.ts";
import { auditSink } from "../procedure-audit.ts";
import { getMessage, listMessages, resendMessage, sandboxInbox } from "../services/notify-messages.ts";
import { procedure, router } from "../trpc.ts";

/** The message log (the notify outbox): recipients masked, one-time codes masked. */
export const messagesRouter = router({
  list: procedure
    .permission("message.read")
    .input(ListInput)
    .query(({ ctx, input }) => listMessages(ctx.db, ctx.keyring, input)),

  get: procedure
    .permission("message.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => getMessage(ctx.db, input.id)),

  /** Queues a failed message again; audited. */
  resend: procedure
    .permission("message.write")
    .input(z.object({ id: Id }))
    .mutation(({ ctx, input }) => resendMessage(ctx.db, input.id, ctx.clock.now(), auditSink(ctx))),

  /** Demo mode only: what the sandbox sent to a phone or e-mail, one-time codes in the clear. */
  sandboxInbox: procedure
    .permission("message.read")
    .input(z.object({ to: z.string().trim().min(1).max(254), limit: z.number().int().min(1).max(50).default(10), includeQueued: z.boolean().default(false) }))
    .query(({ ctx, input }) => sandboxInbox(ctx.db, ctx.keyring, { ...input, demoMode: ctx.settings.demoMode })),
});
