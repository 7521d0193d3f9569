import { z } from "zod";
import { DomainError, ListInput } from "@sunap/core";
import { auditSink, prismaListArgs, procedure, router } from "@sunap/api";
import { Prisma, type DbOrTx } from "@sunap/db";
import { PlanInput, planColumns, presentPlan } from "./plan-input.ts";

const Id = z.number().int().min(1).max(2_147_483_647);
const LIST_SPEC = { id: "int", code: "string", nameKo: "string", nameEn: "string", interval: "enum", priceWon: "int", trialDays: "int", active: "bool", updatedAt: "datetime" } as const;

async function findPlan(db: DbOrTx, id: number) {
  const row = await db.subscriptionPlan.findUnique({ where: { id } });
  if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `subscription plan ${id}` });
  return row;
}

/** The unique index is the last word on a code race: turn its violation into the same specific error. */
async function uniqueCode<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError("CONFLICT", "subscription.plan_code_taken", { code }, "code");
    throw error;
  }
}

/**
 * The plan catalogue. Subscriptions copy their plan into their terms, so updating or deactivating a
 * plan here changes only what new subscriptions and new plan changes get.
 */
export const plansRouter = router({
  /** Filters: code, nameKo, nameEn, interval, active, and `search` (code or either name). */
  list: procedure
    .permission("contract.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      const search = input.filters.find((f) => f.field === "search");
      const args = prismaListArgs({ ...input, filters: input.filters.filter((f) => f.field !== "search") }, LIST_SPEC, { code: "asc" });
      const term = typeof search?.value === "string" ? search.value.trim() : "";
      const and: Prisma.SubscriptionPlanWhereInput[] = [args.where as Prisma.SubscriptionPlanWhereInput];
      if (term) and.push({ OR: [{ code: { contains: term, mode: "insensitive" } }, { nameKo: { contains: term, mode: "insensitive" } }, { nameEn: { contains: term, mode: "insensitive" } }] });
      const where = { AND: and };
      const [rows, total] = await Promise.all([ctx.db.subscriptionPlan.findMany({ ...args, where }), ctx.db.subscriptionPlan.count({ where })]);
      return { data: rows.map(presentPlan), total };
    }),

  get: procedure
    .permission("contract.read")
    .input(z.object({ id: Id }))
    .query(async ({ ctx, input }) => presentPlan(await findPlan(ctx.db, input.id))),

  create: procedure
    .permission("contract.write")
    .input(PlanInput)
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const data = planColumns(input);
      if (await ctx.db.subscriptionPlan.findUnique({ where: { code: data.code } })) throw new DomainError("CONFLICT", "subscription.plan_code_taken", { code: data.code }, "code");
      return uniqueCode(data.code, () =>
        ctx.db.$transaction(async (tx) => {
          const plan = presentPlan(await tx.subscriptionPlan.create({ data }));
          await audit(tx, { action: "subscription.plan.create", entityType: "subscription_plan", entityId: plan.id, after: plan });
          return plan;
        }),
      );
    }),

  update: procedure
    .permission("contract.write")
    .input(z.object({ id: Id, values: PlanInput }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const data = planColumns(input.values);
      const clash = await ctx.db.subscriptionPlan.findUnique({ where: { code: data.code } });
      if (clash && clash.id !== input.id) throw new DomainError("CONFLICT", "subscription.plan_code_taken", { code: data.code }, "code");
      return uniqueCode(data.code, () =>
        ctx.db.$transaction(async (tx) => {
          const before = presentPlan(await findPlan(tx, input.id));
          const plan = presentPlan(await tx.subscriptionPlan.update({ where: { id: input.id }, data }));
          await audit(tx, { action: "subscription.plan.update", entityType: "subscription_plan", entityId: plan.id, before, after: plan });
          return plan;
        }),
      );
    }),

  /** A deactivated plan is kept (subscriptions on it go on as before) but offered to no new subscription. */
  setActive: procedure
    .permission("contract.write")
    .input(z.object({ id: Id, active: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      return ctx.db.$transaction(async (tx) => {
        const before = await findPlan(tx, input.id);
        const plan = presentPlan(await tx.subscriptionPlan.update({ where: { id: input.id }, data: { active: input.active } }));
        await audit(tx, { action: input.active ? "subscription.plan.activate" : "subscription.plan.deactivate", entityType: "subscription_plan", entityId: plan.id, before: { active: before.active }, after: { active: plan.active } });
        return plan;
      });
    }),
});
