import { z } from "zod";
import { businessDateFromDb, DomainError, isBusinessDate, ListInput } from "@sunap/core";
import { Id } from "../id-input.ts";
import { assertStoreVisible, procedure, router } from "../trpc.ts";
import { auditSink } from "../procedure-audit.ts";
import type { Context } from "../context.ts";
import { ContractService, parseWithSchema } from "../services/contract-service.ts";
import type { Actor } from "../audit.ts";
import { previewContract } from "../services/contract-billing.ts";

const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
const PluginId = z.string().min(1).max(64);

export const CreateContractInput = z.object({
  pluginId: PluginId,
  payerId: Id,
  /** Omitted: the payer's store. */
  storeId: Id.nullable().optional(),
  terms: z.unknown(),
});

/** A signed-in procedure's context: the actor and the flag the audit middleware reads. */
export type AuthedContext = Context & { actor: Actor; audit: { written: boolean } };

export function contractService(ctx: AuthedContext): ContractService {
  return new ContractService(ctx.db, ctx.billing, auditSink(ctx));
}
const service = contractService;

/**
 * A plugin that checks more than its terms schema when contracts change (one set of royalty terms per
 * store, a loan's disbursement entry, a subscription's lifecycle) creates and changes them through its
 * own router; the generic create and updateTerms would bypass those checks, so they refuse its
 * contracts. Ending (which only stops billing) stays generic.
 */
function assertGenericChangesAllowed(ctx: Context, pluginId: string): void {
  if (ctx.billing.plugin(pluginId)?.billing?.changesThroughOwnRouter) throw new DomainError("CONFLICT", "contract.changed_through_plugin", { plugin: pluginId }, "pluginId");
}

export const contractsRouter = router({
  /** Filters: pluginId, payerId, storeId, status, title, startsOn, nextIssueOn, and `search` (title, payer name or code). */
  list: procedure
    .permission("contract.read")
    .input(ListInput)
    .query(({ ctx, input }) => service(ctx).list(input, ctx.storeScope)),

  get: procedure
    .permission("contract.read")
    .input(z.object({ id: Id }))
    .query(({ ctx, input }) => service(ctx).get(input.id, ctx.storeScope)),

  create: procedure
    .permission("contract.write")
    .input(CreateContractInput)
    .mutation(async ({ ctx, input }) => {
      if (input.storeId !== undefined) assertStoreVisible(ctx.storeScope, input.storeId);
      assertGenericChangesAllowed(ctx, input.pluginId);
      return service(ctx).create(input, ctx.actor);
    }),

  updateTerms: procedure
    .permission("contract.write")
    .input(z.object({ id: Id, version: z.number().int().min(1), terms: z.unknown(), reason: z.string().trim().max(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      assertGenericChangesAllowed(ctx, (await service(ctx).get(input.id, ctx.storeScope)).pluginId);
      return service(ctx).updateTerms(input, ctx.actor);
    }),

  end: procedure
    .permission("contract.write")
    .input(z.object({ id: Id, endedOn: BusinessDateInput, reason: z.string().trim().max(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      await service(ctx).get(input.id, ctx.storeScope);
      return service(ctx).end(input, ctx.actor);
    }),

  /**
   * The next `count` periods not invoiced yet with their charges, computed by the plugin's rules
   * without issuing anything: of a saved contract (`id`), or of a draft the create form holds.
   */
  preview: procedure
    .permission("contract.read")
    .input(
      z.object({
        id: Id.optional(),
        draft: z.object({ pluginId: PluginId, payerId: Id.optional(), storeId: Id.nullable().optional(), terms: z.unknown() }).optional(),
        count: z.number().int().min(1).max(36).default(6),
      }),
    )
    .query(async ({ ctx, input }) => {
      const today = ctx.clock.today();
      if (input.id !== undefined) {
        const row = await ctx.db.contract.findUnique({ where: { id: input.id } });
        if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `contract ${input.id}` });
        assertStoreVisible(ctx.storeScope, row.storeId);
        return previewContract(ctx.db, ctx.billing, { ...row, startsOn: businessDateFromDb(row.startsOn) }, today, input.count);
      }
      if (!input.draft) throw new DomainError("INVALID", "input.invalid", { detail: "id or draft" }, "id");
      const { rules } = ctx.billing.requireBilling(input.draft.pluginId);
      const draft = input.draft;
      const storeId = draft.storeId ?? null;
      if (ctx.storeScope) assertStoreVisible(ctx.storeScope, storeId);
      // A draft has no id yet: its plugin's loader finds nothing of its own, which is what a new contract has.
      const parsed = parseWithSchema(rules.contractSchema, draft.terms, "terms");
      return previewContract(ctx.db, ctx.billing, { id: 0, pluginId: draft.pluginId, payerId: draft.payerId ?? 0, storeId, startsOn: rules.startsOn(parsed), terms: draft.terms }, today, input.count);
    }),
});
