import { z } from "zod";
import { definePluginManifest, isMonth } from "@sunap/core";
import { Id } from "../../id-input.ts";
import { procedure, router } from "../../trpc.ts";
import { contractService } from "../../routers/contracts-router.ts";
import { defineServerBilling, defineServerPlugin } from "../../server-plugin.ts";
import { METERED_REVENUE_ACCOUNT, meteredRules, type MeteredTerms } from "./metered-billing.ts";

export { MeteredTerms, MeteredSettings, meteredRules, METERED_REVENUE_ACCOUNT } from "./metered-billing.ts";

export const meteredManifest = definePluginManifest({
  id: "metered",
  name: { ko: "계량 요금", en: "Metered billing" },
  description: { ko: "테스트 전용: 기본요금과 사용량을 매월 청구합니다.", en: "Tests only: a base fee plus monthly usage." },
  icon: "DashboardOutlined",
  accounts: [{ code: METERED_REVENUE_ACCOUNT, name: { ko: "계량 매출", en: "Metered revenue" }, type: "revenue" }],
  reportDimensions: ["meter"],
});

/** Its own procedures, mounted under `metered.*`: a meter reading is a change of the contract's terms. */
const meteredRouter = router({
  recordReading: procedure
    .permission("contract.write")
    .input(z.object({ contractId: Id, month: z.string().refine(isMonth, "input.month"), units: z.number().int().min(0) }))
    .mutation(async ({ ctx, input }) => {
      const service = contractService(ctx);
      const contract = await service.get(input.contractId, ctx.storeScope);
      const terms = contract.terms as MeteredTerms;
      return service.updateTerms({ id: contract.id, version: contract.version, terms: { ...terms, readings: { ...terms.readings, [input.month]: input.units } }, reason: `reading ${input.month}` }, ctx.actor);
    }),
  meters: procedure
    .permission("contract.read")
    .query(async ({ ctx }) => (await contractService(ctx).list({ pagination: { current: 1, pageSize: 200 }, sorters: [], filters: [{ field: "pluginId", operator: "eq", value: "metered" }] }, ctx.storeScope)).data.map((c) => ({ contractId: c.id, meterCode: (c.terms as MeteredTerms).meterCode }))),
});

/** The whole plugin: one folder, one line in a registry. */
export const meteredPlugin = defineServerPlugin({
  manifest: meteredManifest,
  router: meteredRouter,
  jobs: [],
  billing: defineServerBilling({ rules: meteredRules }),
});
