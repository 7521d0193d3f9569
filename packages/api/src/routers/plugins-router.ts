import { z } from "zod";
import { DomainError } from "@sunap/core";
import { trialBalance } from "@sunap/db";
import { procedure, router } from "../trpc.ts";

export const pluginsRouter = router({
  list: procedure.permission("session.self").query(({ ctx }) => ({ data: ctx.plugins, total: ctx.plugins.length })),

  /** A plugin's manifest and the balances of the accounts it posts to, as of today. */
  overview: procedure
    .permission("report.read")
    .input(z.object({ id: z.string().max(64) }))
    .query(async ({ ctx, input }) => {
      const plugin = ctx.plugins.find((p) => p.id === input.id);
      if (!plugin) throw new DomainError("NOT_FOUND", "not_found", { entity: `plugin ${input.id}` });
      const asOf = ctx.clock.today();
      const codes = new Set(plugin.accounts.map((a) => a.code));
      const balances = (await trialBalance(ctx.db, { asOf, ...(ctx.storeScope && { storeIds: ctx.storeScope }) })).filter((b) => codes.has(b.accountCode));
      return { manifest: plugin, asOf, accounts: plugin.accounts.map((a) => ({ ...a, balanceWon: balances.find((b) => b.accountCode === a.code)?.balanceWon ?? 0n })) };
    }),
});
