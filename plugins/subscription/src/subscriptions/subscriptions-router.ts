import { z } from "zod";
import { addDays, businessDateFromDb, DomainError, isBusinessDate, type BusinessDate } from "@sunap/core";
import { assertStoreVisible, auditSink, ContractService, procedure, router, type Actor, type BillingRegistry } from "@sunap/api";
import type { Db, Tx } from "@sunap/db";
import { dateParts } from "../billing/calendar.ts";
import { Cancellation, Discount } from "../billing/subscription.ts";
import { addDiscount, cancel, changePlan, pause, resume, stateOn } from "../contract/lifecycle.ts";
import { SubscriptionSettings } from "../contract/settings.ts";
import { planOn, SubscriptionTerms } from "../contract/terms.ts";
import { subscriptionManifest } from "../manifest.ts";
import { planCopy, presentPlan } from "../plans/plan-input.ts";
import { upcomingPeriods } from "./upcoming-periods.ts";
import { creditUnusedInvoicedDays } from "./unused-days-credit.ts";

const PLUGIN_ID = subscriptionManifest.id;
const Id = z.number().int().min(1).max(2_147_483_647);
const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
const Reason = z.string().trim().max(200).optional();
/** The contract and the version the admin loaded: a change made meanwhile by someone else is refused. */
const Target = { id: Id, version: z.number().int().min(1), reason: Reason };

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

/** A subscription contract with its parsed terms, visible to the caller; anything else is refused. */
async function loadSubscription(tx: Tx, ctx: Ctx, id: number) {
  const view = await contracts(ctx).get(id, ctx.storeScope, tx);
  if (view.pluginId !== PLUGIN_ID) throw new DomainError("INVALID", "subscription.not_a_subscription", { id }, "id");
  return { view, terms: SubscriptionTerms.parse(view.terms) };
}

async function activePlanByCode(tx: Tx, code: string, field: string) {
  const row = await tx.subscriptionPlan.findUnique({ where: { code: code.trim().toUpperCase() } });
  if (!row) throw new DomainError("NOT_FOUND", "subscription.plan_not_found", { planCode: code }, field);
  if (!row.active) throw new DomainError("INVALID", "subscription.plan_inactive", { planCode: row.code }, field);
  return row;
}

/** The start of the latest regular period already invoiced (upgrade invoices are keyed `<key>:upgrade:<date>`). */
async function lastInvoicedPeriodStart(tx: Tx, contractId: number): Promise<BusinessDate | null> {
  const invoice = await tx.invoice.findFirst({ where: { contractId, NOT: { periodKey: { contains: ":upgrade:" } } }, orderBy: { periodStart: "desc" }, select: { periodStart: true } });
  return invoice ? businessDateFromDb(invoice.periodStart) : null;
}

/**
 * Runs a change of terms in one transaction: loads the subscription, applies the pure lifecycle
 * step (which refuses impossible transitions), saves through the contract service (versioned,
 * audited with the reason).
 */
function changeTerms(
  ctx: Ctx,
  target: { id: number; version: number; reason?: string | undefined },
  action: string,
  step: (terms: SubscriptionTerms, tx: Tx) => Promise<SubscriptionTerms> | SubscriptionTerms,
  /** Runs after the save in the same transaction, with the terms as they were (e.g. crediting unused days). */
  after?: (tx: Tx, before: SubscriptionTerms) => Promise<unknown>,
) {
  return ctx.db.$transaction(async (tx) => {
    const { terms } = await loadSubscription(tx, ctx, target.id);
    const next = await step(terms, tx);
    const saved = await contracts(ctx).updateTermsInTx(tx, { id: target.id, version: target.version, terms: next, reason: target.reason ? `${action}: ${target.reason}` : action }, ctx.actor);
    if (after) await after(tx, terms);
    return saved;
  });
}

/** A stop dated inside a period already invoiced takes the unused days back with a credit note. */
function creditUnused(ctx: Ctx, contractId: number, kind: "pause" | "cancel", stop: { from: BusinessDate; resumeOn: BusinessDate | null }) {
  return (tx: Tx, before: SubscriptionTerms) => creditUnusedInvoicedDays(tx, { contractId, before, stop, kind, today: ctx.clock.today(), userId: ctx.actor.id }, auditSink(ctx));
}

export const StartInput = z.object({
  payerId: Id,
  /** Omitted: the payer's store. */
  storeId: Id.nullable().optional(),
  planCode: z.string().trim().min(1, "input.required").max(40),
  startOn: BusinessDateInput,
  /** Omitted: by the plugin's anchor policy (the day billing starts, or the 1st). */
  anchorDay: z.int().min(1).max(31).optional(),
  discount: Discount.optional(),
});

export const subscriptionsRouter = router({
  /** Starts a subscription on a catalogue plan: its terms keep a copy of the plan. */
  start: procedure
    .permission("contract.write")
    .input(StartInput)
    .mutation(async ({ ctx, input }) => {
      if (input.storeId !== undefined) assertStoreVisible(ctx.storeScope, input.storeId);
      return ctx.db.$transaction(async (tx) => {
        const service = contracts(ctx);
        const plan = planCopy(await activePlanByCode(tx, input.planCode, "planCode"));
        const settings = SubscriptionSettings.parse(await service.getSettings(PLUGIN_ID, tx));
        const billingStart = addDays(input.startOn, plan.trialDays);
        const anchorDay = input.anchorDay ?? (settings.anchorPolicy === "first_of_month" ? 1 : dateParts(billingStart).day);
        if (input.discount?.startsOn && input.discount.startsOn < input.startOn) {
          throw new DomainError("INVALID", "subscription.discount_before_start", { startOn: input.startOn }, "discount.startsOn");
        }
        const terms = SubscriptionTerms.parse({
          planCode: plan.code,
          plan,
          startOn: input.startOn,
          anchorDay,
          status: "active",
          discounts: input.discount ? [input.discount] : [],
        });
        return service.createInTx(tx, { pluginId: PLUGIN_ID, payerId: input.payerId, storeId: input.storeId, terms }, ctx.actor);
      });
    }),

  pause: procedure
    .permission("contract.write")
    .input(z.object({ ...Target, from: BusinessDateInput, until: BusinessDateInput.nullish() }))
    .mutation(({ ctx, input }) => changeTerms(ctx, input, "pause", (terms) => pause(terms, input), creditUnused(ctx, input.id, "pause", { from: input.from, resumeOn: input.until ?? null }))),

  resume: procedure
    .permission("contract.write")
    .input(z.object({ ...Target, on: BusinessDateInput }))
    .mutation(({ ctx, input }) => changeTerms(ctx, input, "resume", (terms) => resume(terms, input))),

  cancel: procedure
    .permission("contract.write")
    .input(z.object({ ...Target, on: BusinessDateInput, mode: Cancellation.shape.mode }))
    .mutation(({ ctx, input }) =>
      changeTerms(ctx, input, `cancel (${input.mode})`, (terms) => cancel(terms, { on: input.on, mode: input.mode }), input.mode === "now" ? creditUnused(ctx, input.id, "cancel", { from: input.on, resumeOn: null }) : undefined),
    ),

  /** A plan change may not reach back into a period already invoiced: that would re-price a billed period. */
  changePlan: procedure
    .permission("contract.write")
    .input(z.object({ ...Target, planCode: z.string().trim().min(1, "input.required").max(40), effectiveOn: BusinessDateInput }))
    .mutation(({ ctx, input }) =>
      changeTerms(ctx, input, "change plan", async (terms, tx) => {
        const invoicedFrom = await lastInvoicedPeriodStart(tx, input.id);
        if (invoicedFrom && input.effectiveOn <= invoicedFrom) {
          throw new DomainError("CONFLICT", "subscription.change_in_billed_period", { periodStart: invoicedFrom }, "effectiveOn");
        }
        const plan = planCopy(await activePlanByCode(tx, input.planCode, "planCode"));
        return changePlan(terms, { effectiveOn: input.effectiveOn, plan });
      }),
    ),

  /** A discount added later counts its N periods from today (or the start, if later) unless told otherwise. */
  addDiscount: procedure
    .permission("contract.write")
    .input(z.object({ ...Target, discount: Discount }))
    .mutation(({ ctx, input }) =>
      changeTerms(ctx, input, "add discount", (terms) => {
        const today = ctx.clock.today();
        const startsOn = input.discount.startsOn ?? (today > terms.startOn ? today : terms.startOn);
        try {
          return addDiscount(terms, { ...input.discount, startsOn });
        } catch (error) {
          // The input nests the discount: name the field as the form does (`discount.startsOn`).
          if (error instanceof DomainError && error.field) throw new DomainError(error.kind, error.code, error.params, `discount.${error.field}`);
          throw error;
        }
      }),
    ),

  /**
   * A subscription as its detail page shows it: the state today, the plan in force, the invoices
   * issued so far and the next periods with their charges (what the engine will bill).
   */
  schedule: procedure
    .permission("contract.read")
    .input(z.object({ id: Id, count: z.number().int().min(1).max(24).default(6) }))
    .query(async ({ ctx, input }) => {
      const today = ctx.clock.today();
      return ctx.db.$transaction(async (tx) => {
        const { view, terms } = await loadSubscription(tx, ctx, input.id);
        const settings = SubscriptionSettings.parse(await contracts(ctx).getSettings(PLUGIN_ID, tx));
        const invoices = await tx.invoice.findMany({
          where: { contractId: input.id },
          orderBy: [{ periodStart: "asc" }, { id: "asc" }],
          select: { id: true, number: true, periodKey: true, periodStart: true, periodEnd: true, issueOn: true, dueOn: true, totalWon: true, openWon: true, voidedAt: true },
        });
        const catalogue = await tx.subscriptionPlan.findUnique({ where: { code: planOn(terms, today).code } });
        return {
          contract: view,
          terms,
          state: stateOn(terms, today),
          planToday: planOn(terms, today),
          /** The catalogue's current version of that plan: may differ from the copy, which is what bills. */
          cataloguePlan: catalogue ? presentPlan(catalogue) : null,
          invoices: invoices.map((i) => ({ ...i, periodStart: businessDateFromDb(i.periodStart), periodEnd: businessDateFromDb(i.periodEnd), issueOn: businessDateFromDb(i.issueOn), dueOn: businessDateFromDb(i.dueOn) })),
          upcoming: upcomingPeriods(terms, settings, { issuedKeys: new Set(invoices.map((i) => i.periodKey)), today, count: input.count, contractId: input.id }),
        };
      });
    }),
});
