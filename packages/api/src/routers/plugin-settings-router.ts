import { z } from "zod";
import { procedure, router } from "../trpc.ts";
import { contractService } from "./contracts-router.ts";

const PluginId = z.string().min(1).max(64);

/** Each billing plugin's organisation-wide settings, validated by its settings schema. */
export const pluginSettingsRouter = router({
  get: procedure
    .permission("contract.read")
    .input(z.object({ pluginId: PluginId }))
    .query(async ({ ctx, input }) => ({ pluginId: input.pluginId, settings: await contractService(ctx).getSettings(input.pluginId) })),

  /** Bad settings name their field (`settings.dueDay`); saving makes the engine look at the plugin's contracts again. */
  update: procedure
    .permission("contract.write")
    .input(z.object({ pluginId: PluginId, settings: z.unknown() }))
    .mutation(async ({ ctx, input }) => ({ pluginId: input.pluginId, settings: await contractService(ctx).updateSettings(input.pluginId, input.settings, ctx.actor) })),
});
