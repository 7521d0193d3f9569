import { z } from "zod";
import { Id } from "../id-input.ts";
import { DomainError, ListInput, ROLES } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { prismaListArgs } from "../list-query.ts";
import { auditSink } from "../procedure-audit.ts";
import { createUser, resetPassword, updateUser } from "../services/user-service.ts";

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  disabledAt: true,
  lockedUntil: true,
  createdAt: true,
  stores: { select: { store: { select: { id: true, code: true, name: true } } } },
} as const;

function present<T extends { stores: { store: { id: number; code: string; name: string } }[] }>(user: T) {
  const { stores, ...rest } = user;
  return { ...rest, stores: stores.map((s) => s.store), storeIds: stores.map((s) => s.store.id) };
}

const Role = z.enum(ROLES);

export const usersRouter = router({
  list: procedure
    .permission("user.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      const args = prismaListArgs(input, { id: "int", email: "string", name: "string", role: "enum", createdAt: "datetime" }, { email: "asc" });
      const [rows, total] = await Promise.all([ctx.db.user.findMany({ ...args, select }), ctx.db.user.count({ where: args.where })]);
      return { data: rows.map(present), total };
    }),

  get: procedure
    .permission("user.read")
    .input(z.object({ id: Id }))
    .query(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUnique({ where: { id: input.id }, select });
      if (!user) throw new DomainError("NOT_FOUND", "not_found", { entity: `user ${input.id}` });
      return present(user);
    }),

  create: procedure
    .permission("user.write")
    .input(z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(50), role: Role, password: z.string().max(256), storeIds: z.array(Id).default([]) }))
    .mutation(async ({ ctx, input }) => {
      const user = await createUser(ctx.db, input, auditSink(ctx));
      return { id: user.id };
    }),

  update: procedure
    .permission("user.write")
    .input(z.object({ id: Id, values: z.object({ name: z.string().trim().min(1).max(50), role: Role, storeIds: z.array(Id).default([]), disabled: z.boolean().default(false) }) }))
    .mutation(async ({ ctx, input }) => {
      const user = await updateUser(ctx.db, input.id, input.values, ctx.user.id, auditSink(ctx));
      return { id: user.id };
    }),

  resetPassword: procedure
    .permission("user.write")
    .input(z.object({ id: Id, password: z.string().max(256) }))
    .mutation(async ({ ctx, input }) => {
      await resetPassword(ctx.db, input.id, input.password, auditSink(ctx));
      return { ok: true };
    }),
});
