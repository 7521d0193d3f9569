import { z } from "zod";
import { Id } from "../id-input.ts";
import { DomainError, ListInput } from "@sunap/core";
import { procedure, router } from "../trpc.ts";
import { prismaListArgs } from "../list-query.ts";

export const auditRouter = router({
  list: procedure
    .permission("audit.read")
    .input(ListInput)
    .query(async ({ ctx, input }) => {
      const args = prismaListArgs(input, { id: "int", at: "datetime", actorEmail: "string", actorId: "int", action: "string", entityType: "string", entityId: "string", ip: "string" }, { id: "desc" });
      const [data, total] = await Promise.all([ctx.db.auditLog.findMany(args), ctx.db.auditLog.count({ where: args.where })]);
      return { data, total };
    }),

  get: procedure
    .permission("audit.read")
    .input(z.object({ id: Id }))
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.auditLog.findUnique({ where: { id: input.id } });
      if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `audit ${input.id}` });
      return row;
    }),
});
