import { z } from "zod";
import { isBusinessDate, ListInput, MAX_WON } from "@sunap/core";
import { Id } from "../id-input.ts";
import { procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import type { Context } from "../context.ts";
import { PaymentService, type PaymentOutcome } from "../services/payment-service.ts";

const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
const Amount = z.bigint().positive().max(MAX_WON);
/** One key per opened form (a UUID is fine): a resubmitted form returns the first payment. */
const IdempotencyKey = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9:_-]+$/, "input.key_chars");

/** Oldest due first, or the amounts finance picked per invoice (each > 0 and ≤ the invoice's open amount). */
export const AllocationModeInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("oldest_due") }),
  // Amounts are checked by the allocation itself so that every problem names its row (allocations.N.amountWon).
  z.object({ kind: z.literal("chosen"), allocations: z.array(z.object({ invoiceId: Id, amountWon: z.bigint().max(MAX_WON) })).max(200) }),
]);

export const RecordPaymentInput = z.object({
  payerId: Id,
  receivedOn: BusinessDateInput,
  amountWon: Amount,
  method: z.enum(["bank_transfer", "cash"]),
  reference: z.string().trim().max(200).default(""),
  memo: z.string().trim().max(500).default(""),
  idempotencyKey: IdempotencyKey,
  allocation: AllocationModeInput.default({ kind: "oldest_due" }),
});

export const ApplyCreditInput = z.object({
  payerId: Id,
  appliedOn: BusinessDateInput.optional(),
  amountWon: Amount.optional(),
  memo: z.string().trim().max(500).default(""),
  idempotencyKey: IdempotencyKey,
  allocation: AllocationModeInput.default({ kind: "oldest_due" }),
});

export const PreviewAllocationInput = z.object({
  payerId: Id,
  amountWon: Amount,
  receivedOn: BusinessDateInput.optional(),
  allocation: AllocationModeInput.default({ kind: "oldest_due" }),
});

function service(ctx: Context): PaymentService {
  return new PaymentService(ctx.db, ctx.keyring);
}

/** A replay wrote nothing, so there is nothing to audit; the middleware must not add a generic record either. */
function settled(ctx: { audit: { written: boolean } }, outcome: PaymentOutcome): PaymentOutcome {
  if (outcome.replayed) ctx.audit.written = true;
  return outcome;
}

/**
 * Payments received by hand (bank transfer, cash), customer credit applied to invoices, and voids.
 * Store owners see only payments allocated to their stores' invoices, and only those allocations.
 */
export const paymentsRouter = router({
  /** Filters: payerId, method, receivedOn (gte/lte), voided (true/false), storeId (via allocations), amountWon, reference, id. */
  list: procedure
    .permission("payment.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input, ctx.storeScope)),

  /** One payment with its allocations and invoice numbers: what a receipt is made of. */
  get: procedure
    .permission("payment.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => service(ctx).get(input.id, ctx.storeScope)),

  /** What recording this payment would do (allocations, credit), for the form; writes nothing. */
  previewAllocation: procedure
    .permission("payment.write")
    .input(PreviewAllocationInput)
    .query(({ ctx, input }) => service(ctx).preview(input, ctx.clock.today())),

  /** A payer's open and overdue receivables and customer credit per the ledger, with the open invoices to allocate to. */
  payerSummary: procedure
    .permission("payment.read")
    .input(z.object({ payerId: Id }))
    .query(({ ctx, input }) => service(ctx).payerSummary(input.payerId, ctx.clock.today(), ctx.storeScope)),

  record: procedure
    .permission("payment.write")
    .input(RecordPaymentInput)
    .mutation(async ({ ctx, input }) => settled(ctx, await service(ctx).record(input, ctx.clock.today(), ctx.user.id, auditSink(ctx)))),

  applyCredit: procedure
    .permission("payment.write")
    .input(ApplyCreditInput)
    .mutation(async ({ ctx, input }) => settled(ctx, await service(ctx).applyCredit(input, ctx.clock.today(), ctx.user.id, auditSink(ctx)))),

  void: procedure
    .permission("payment.write")
    .input(z.object({ id: Id, reason: z.string().max(500) }))
    .mutation(({ ctx, input }) => service(ctx).void(input, ctx.clock.today(), ctx.clock.now(), ctx.user.id, auditSink(ctx))),
});
