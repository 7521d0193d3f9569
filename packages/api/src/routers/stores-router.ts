import { z } from "zod";
import { Id } from "../id-input.ts";
import { businessDateFromDb, businessDateToDb, DomainError, isBusinessDate, ListInput } from "@sunap/core";
import type { Prisma } from "@sunap/db";
import { assertStoreVisible, procedure, router } from "../trpc.ts";
import { prismaListArgs } from "../list-query.ts";
import { auditSink } from "../procedure-audit.ts";

const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");

export const StoreInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]*$/, "input.code_chars").min(2).max(20),
  name: z.string().trim().min(1).max(100),
  region: z.string().trim().min(1).max(50),
  openedOn: BusinessDateInput,
  closedOn: BusinessDateInput.nullable().default(null),
});

type StoreRow = Prisma.StoreGetPayload<{ include: { owners: { include: { user: { select: { id: true; name: true; email: true } } } } } }>;

function present(store: StoreRow) {
  return {
    id: store.id,
    code: store.code,
    name: store.name,
    region: store.region,
    openedOn: businessDateFromDb(store.openedOn),
    closedOn: store.closedOn ? businessDateFromDb(store.closedOn) : null,
    owners: store.owners.map((o) => o.user),
  };
}

const ownersInclude = { owners: { include: { user: { select: { id: true, name: true, email: true } } } } } as const;

function toData(input: z.infer<typeof StoreInput>) {
  if (input.closedOn && input.closedOn < input.openedOn) throw new DomainError("INVALID", "store.closed_before_opened", {}, "closedOn");
  return { ...input, code: input.code.toUpperCase(), openedOn: businessDateToDb(input.openedOn), closedOn: input.closedOn ? businessDateToDb(input.closedOn) : null };
}

export const storesRouter = router({
  list: procedure
    .permission("store.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      const args = prismaListArgs(input, { id: "int", code: "string", name: "string", region: "string", openedOn: "date", closedOn: "date" }, { code: "asc" });
      const where = ctx.storeScope ? { AND: [args.where, { id: { in: ctx.storeScope } }] } : args.where;
      const [rows, total] = await Promise.all([ctx.db.store.findMany({ ...args, where, include: ownersInclude }), ctx.db.store.count({ where })]);
      return { data: rows.map(present), total };
    }),

  get: procedure
    .permission("store.read")
    .input(z.object({ id: Id }))
    .query(async ({ ctx, input }) => {
      assertStoreVisible(ctx.storeScope, input.id);
      const store = await ctx.db.store.findUnique({ where: { id: input.id }, include: ownersInclude });
      if (!store) throw new DomainError("NOT_FOUND", "not_found", { entity: `store ${input.id}` });
      return present(store);
    }),

  create: procedure
    .permission("store.write")
    .input(StoreInput)
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const data = toData(input);
      if (await ctx.db.store.findUnique({ where: { code: data.code } })) throw new DomainError("CONFLICT", "store.code_taken", { code: data.code }, "code");
      return ctx.db.$transaction(async (tx) => {
        const store = await tx.store.create({ data, include: ownersInclude });
        await audit(tx, { action: "store.create", entityType: "store", entityId: store.id, after: present(store) });
        return present(store);
      });
    }),

  update: procedure
    .permission("store.write")
    .input(z.object({ id: Id, values: StoreInput }))
    .mutation(async ({ ctx, input }) => {
      const audit = auditSink(ctx);
      const data = toData(input.values);
      const clash = await ctx.db.store.findUnique({ where: { code: data.code } });
      if (clash && clash.id !== input.id) throw new DomainError("CONFLICT", "store.code_taken", { code: data.code }, "code");
      return ctx.db.$transaction(async (tx) => {
        const before = await tx.store.findUnique({ where: { id: input.id }, include: ownersInclude });
        if (!before) throw new DomainError("NOT_FOUND", "not_found", { entity: `store ${input.id}` });
        const store = await tx.store.update({ where: { id: input.id }, data, include: ownersInclude });
        await audit(tx, { action: "store.update", entityType: "store", entityId: store.id, before: present(before), after: present(store) });
        return present(store);
      });
    }),
});
