import { z } from "zod";
import { ListInput } from "@sunap/core";
import { Id } from "../id-input.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import { collectRegistrationResults, submitPendingRegistrations } from "../services/registration-pipeline.ts";
import { loadCmsProvider } from "../services/registration-provider.ts";
import { getRegistration, listRegistrations, registrationEventsAfter } from "../services/registration-service.ts";

export const registrationsRouter = router({
  /** Refine list: pagination, sorters, filters on status, payerId, createdAt. Account numbers masked. */
  list: procedure
    .permission("registration.read")
    .input(ListInput)
    .query(({ ctx, input }) => listRegistrations(ctx.db, ctx.keyring, input, ctx.storeScope)),
  /** One registration with its full history. */
  get: procedure
    .permission("registration.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => getRegistration(ctx.db, ctx.keyring, input.id, ctx.storeScope)),
  /** History rows after `afterId`, oldest first: poll this (or use the SSE feed) to refresh live. */
  events: procedure
    .permission("registration.read")
    .input(z.object({ afterId: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => registrationEventsAfter(ctx.db, input.afterId, input.limit, ctx.storeScope)),
  /** Runs the submit and collect steps now (the same code as the 10-minute jobs; safe to repeat). */
  runNow: procedure.permission("registration.write").mutation(async ({ ctx }) => {
    const deps = { db: ctx.db, keyring: ctx.keyring, clock: ctx.clock, provider: await loadCmsProvider(ctx.db, ctx.keyring, ctx.clock, ctx.settings.cmsProvider) };
    const submitted = await submitPendingRegistrations(deps);
    const collected = await collectRegistrationResults(deps);
    const result = {
      submittedFiles: submitted.files,
      submittedRecords: submitted.records,
      resultFiles: collected.applied.map((a) => a.fileId),
      registered: collected.applied.reduce((n, a) => n + a.registered, 0),
      rejected: collected.applied.reduce((n, a) => n + a.rejected, 0),
      cancelled: collected.applied.reduce((n, a) => n + a.cancelled, 0),
    };
    await auditSink(ctx)(ctx.db, { action: "registration.run_now", entityType: "cms_registration", entityId: null, after: result });
    return result;
  }),
});
