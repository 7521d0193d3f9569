import { z } from "zod";
import { isBusinessDate, type BusinessDate } from "@sunap/core";
import { assertStoreVisible, auditSink, ContractService, procedure, router, runBilling, type Actor, type BillingRegistry, type Context } from "@sunap/api";
import type { Db } from "@sunap/db";
import { loanSchedule } from "./loan-schedule.ts";
import { parseOrThrow, wonField } from "./loan-terms.ts";
import { createLoanInTx, loanPayoff, loanSettings, loanStatement, recordPrepaymentInTx } from "./loan-service.ts";
import type { PrepaymentMethod } from "./loan-schedule.ts";

const Id = z.number().int().min(1).max(2_147_483_647);
/** Dates are checked by the loan mathematics, which names the field in its own words. */
const DateText = z.string().max(10);

/** What these procedures use of a signed-in context. */
interface Ctx {
  db: Db;
  billing: BillingRegistry;
  actor: Actor;
  audit: { written: boolean };
  storeScope: readonly number[] | null;
  clock: { today(): BusinessDate };
}

const contracts = (ctx: Ctx) => new ContractService(ctx.db, ctx.billing, auditSink(ctx));

/** The preview form: a loan not made yet. Terms are passed through to the loan mathematics, which names the bad field. */
const PreviewInput = z.object({
  principalWon: z.unknown(),
  annualRatePercent: z.unknown(),
  termMonths: z.unknown(),
  method: z.unknown(),
  disbursedOn: z.string().max(10).optional(),
  repaymentDay: z.unknown().optional(),
});

const PrepayAmount = z.object({ amountWon: wonField("loan.prepay_amount_invalid") });

/**
 * Loans (대출): `loan-repayment.*`. Listing and ending use the core's `contracts.*`; this router
 * adds what only a loan has — the schedule preview, creation with its disbursement, the statement
 * of installments against their invoices, the payoff quote and prepayments.
 */
export const loanRouter = router({
  /** The repayment schedule of a loan not made yet, with the legal maximum of the settings. */
  preview: procedure
    .permission("contract.read")
    .input(PreviewInput)
    .query(async ({ ctx, input }) => {
      const settings = await loanSettings(contracts(ctx));
      const disbursedOn = input.disbursedOn === "" ? undefined : input.disbursedOn;
      return loanSchedule(
        {
          principalWon: input.principalWon as never,
          annualRatePercent: input.annualRatePercent as never,
          termMonths: input.termMonths as never,
          method: input.method as never,
          ...(disbursedOn !== undefined && { disbursedOn }),
          ...(input.repaymentDay !== undefined && input.repaymentDay !== null && { repaymentDay: input.repaymentDay as never }),
        },
        { legalMaxPercent: settings.legalMaxRatePercent },
      );
    }),

  /**
   * Makes a loan and posts its disbursement in one transaction, then bills what is already due (a
   * loan disbursed in the past gets its missed installments at once); later installments come
   * with the daily billing run.
   */
  create: procedure
    .permission("contract.write")
    .input(z.object({ payerId: Id, storeId: Id.nullable().optional(), terms: z.unknown() }))
    .mutation(async ({ ctx, input }) => {
      if (input.storeId !== undefined) assertStoreVisible(ctx.storeScope, input.storeId);
      const service = contracts(ctx);
      const created = await ctx.db.$transaction(async (tx) => {
        const loan = await createLoanInTx(tx, service, input, ctx.actor, auditSink(ctx));
        assertStoreVisible(ctx.storeScope, loan.storeId);
        return { loan };
      });
      // A loan disbursed in the past owes its missed installments now.
      await issueNow(ctx, created.loan.id, "loan-create");
      return created;
    }),

  /** The schedule beside the invoices: paid, partly paid or open per installment; prepayments; overdue interest. */
  statement: procedure
    .permission("contract.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => loanStatement(ctx.db, contracts(ctx), input.id, ctx.storeScope, ctx.clock.today())),

  /** What closes the loan on a day (완제금액): today or later. */
  payoff: procedure
    .permission("contract.read")
    .input(z.object({ id: Id, asOf: DateText, feePercent: z.string().max(10).optional() }))
    .query(({ ctx, input }) => loanPayoff(ctx.db, contracts(ctx), input.id, ctx.storeScope, input.asOf, ctx.clock.today(), input.feePercent)),

  /**
   * A prepayment (중도상환) on a day up to today: recorded in the loan's terms (the schedule is
   * recalculated from it) and billed at once as `prepayment-K` — principal, accrued interest, fee.
   */
  prepay: procedure
    .permission("contract.write")
    .input(
      z.object({
        id: Id,
        version: z.number().int().min(1),
        date: DateText,
        amountWon: z.unknown(),
        feePercent: z.string().max(10).optional(),
        method: z.string().max(32),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { amountWon } = parseOrThrow(PrepayAmount, { amountWon: input.amountWon });
      const today = ctx.clock.today();
      if (!isBusinessDate(input.date)) parseOrThrow(z.object({ date: z.string().refine(isBusinessDate, { error: "loan.date_invalid" }) }), { date: input.date });
      const service = contracts(ctx);
      const recorded = await ctx.db.$transaction((tx) =>
        recordPrepaymentInTx(
          tx,
          service,
          { id: input.id, version: input.version, date: input.date, amountWon, method: input.method as PrepaymentMethod, ...(input.feePercent !== undefined && input.feePercent !== "" && { feePercent: input.feePercent }) },
          ctx.storeScope,
          today,
          ctx.actor,
          auditSink(ctx),
        ),
      );
      // The payer owes the prepayment now: issue its invoice at once rather than at the next daily run.
      await issueNow(ctx, input.id, "loan-prepayment");
      return recorded;
    }),
});

/** Bills one loan now (the engine's run limited to it): what a change made due is invoiced without waiting for the daily run. */
async function issueNow(ctx: Context, contractId: number, trigger: string): Promise<void> {
  await runBilling({ db: ctx.db, registry: ctx.billing, keyring: ctx.keyring, clock: ctx.clock, trigger, contractIds: [contractId], log: ctx.log });
}
export type LoanRouter = typeof loanRouter;
