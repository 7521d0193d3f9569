import { z } from "zod";
import { isBusinessDate, ListInput, MAX_WON } from "@sunap/core";
import { Id } from "../id-input.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import type { Context } from "../context.ts";
import { CreditNoteService, type CreditNoteOutcome } from "../services/credit-note-service.ts";

const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
/** One key per opened form: a resubmitted form returns the first note. */
const IdempotencyKey = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9:_-]+$/, "input.key_chars");

// Amounts and labels are checked by the plan itself so that every problem names its row (lines.N.amountWon).
const LineInput = z.object({
  invoiceLinePosition: z.number().int().min(1).max(10_000).nullish(),
  labelKo: z.string().trim().max(120),
  labelEn: z.string().trim().max(120),
  amountWon: z.bigint().max(MAX_WON),
  debitAccount: z.string().trim().max(64).nullish(),
});
const Lines = z.array(LineInput).max(50);

export const IssueCreditNoteInput = z.object({
  invoiceId: Id,
  lines: Lines,
  reason: z.string().max(200),
  /** Default: today. */
  issueOn: BusinessDateInput.optional(),
  idempotencyKey: IdempotencyKey,
});

const service = (ctx: Context) => new CreditNoteService(ctx.db);

/** A replay wrote nothing, so there is nothing to audit; the middleware must not add a generic record either. */
function settled(ctx: { audit: { written: boolean } }, outcome: CreditNoteOutcome): CreditNoteOutcome {
  if (outcome.replayed) ctx.audit.written = true;
  return outcome;
}

/** Credit notes (감액 청구서): part of an issued invoice taken back. Store owners read their stores' and issue none. */
export const creditNotesRouter = router({
  /** Filters: number, payer (name or code), payerId, invoiceId, storeId, issueOn range, totalWon. Sorts: number, issueOn, totalWon, createdAt. */
  list: procedure
    .permission("invoice.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input, ctx.storeScope)),

  get: procedure
    .permission("invoice.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => service(ctx).get(input.id, ctx.storeScope)),

  /** Each line of an invoice with what earlier notes took back and what is left (the form's limits). */
  creditable: procedure
    .permission("invoice.read")
    .input(z.object({ invoiceId: Id }))
    .query(({ ctx, input }) => service(ctx).creditable(input.invoiceId, ctx.storeScope)),

  /** What issuing would post, written nowhere: lines as checked, receivable vs customer credit, the open amount after. */
  preview: procedure
    .permission("invoice.write")
    .input(z.object({ invoiceId: Id, lines: Lines }))
    .query(({ ctx, input }) => service(ctx).preview(input, ctx.storeScope)),

  issue: procedure
    .permission("invoice.write")
    .input(IssueCreditNoteInput)
    .mutation(async ({ ctx, input }) => {
      const today = ctx.clock.today();
      const outcome = await service(ctx).issue({ ...input, issueOn: input.issueOn ?? today, today, userId: ctx.user.id, storeScope: ctx.storeScope }, auditSink(ctx));
      return settled(ctx, outcome);
    }),
});
