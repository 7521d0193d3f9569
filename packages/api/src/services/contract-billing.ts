import { addDays, chargeTotal, decodeJson, type BillingContext, type BillingPeriod, type BusinessDate, type ChargeLine, type Won } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import type { BillingRegistry } from "../billing-registry.ts";
import type { LoadedContract, ServerBilling } from "../server-plugin.ts";
import { parseWithSchema } from "./contract-service.ts";

/** What the engine reads of a contract row before asking its plugin. */
export interface ContractBillingRow {
  id: number;
  pluginId: string;
  payerId: number;
  storeId: number | null;
  startsOn: BusinessDate;
  /** As stored (jsonb, bigints as `{"$bigint": …}`). */
  terms: unknown;
}

/** The plugin's settings as saved, or its schema's defaults. */
export async function pluginSettingsOf(db: DbOrTx, pluginId: string, billing: ServerBilling): Promise<unknown> {
  const row = await db.pluginSettings.findUnique({ where: { pluginId } });
  return billing.rules.settingsSchema.parse(row ? decodeJson(row.settings) : {});
}

/** Parses the stored terms and loads the plugin's inputs: everything its rules need for one contract. */
export async function billingContextOf(db: DbOrTx, billing: ServerBilling, row: ContractBillingRow, settings: unknown, through: BusinessDate): Promise<BillingContext<unknown, unknown, unknown>> {
  const terms = parseWithSchema(billing.rules.contractSchema, decodeJson(row.terms), "terms");
  const contract: LoadedContract<unknown> = { id: row.id, payerId: row.payerId, storeId: row.storeId, startsOn: row.startsOn, terms };
  const inputs = billing.loadInputs ? await billing.loadInputs(db, contract, through) : undefined;
  return { contract: { id: row.id, payerId: row.payerId, storeId: row.storeId, startsOn: row.startsOn }, terms, settings, inputs };
}

export interface PreviewedPeriod extends BillingPeriod {
  lines: ChargeLine[];
  totalWon: Won;
}

/** How far ahead the engine and the preview look for a contract's next invoice. */
export const LOOK_AHEAD_DAYS = 400;

/**
 * The next `count` periods of a contract not invoiced yet (missed ones first), with what each
 * would bill — computed by the plugin's rules, nothing issued or saved.
 */
export async function previewContract(db: DbOrTx, registry: BillingRegistry, row: ContractBillingRow, today: BusinessDate, count: number): Promise<PreviewedPeriod[]> {
  const billing = registry.requireBilling(row.pluginId);
  const settings = await pluginSettingsOf(db, row.pluginId, billing);
  const issued = new Set(row.id > 0 ? (await db.invoice.findMany({ where: { contractId: row.id }, select: { periodKey: true } })).map((i) => i.periodKey) : []);
  let periods: BillingPeriod[] = [];
  let context: BillingContext<unknown, unknown, unknown> | undefined;
  // A year ahead is enough for most contracts; a yearly plan or a long first period needs a longer look.
  for (const days of [LOOK_AHEAD_DAYS, LOOK_AHEAD_DAYS * 4]) {
    const through = addDays(today, days);
    context = await billingContextOf(db, billing, row, settings, through);
    periods = billing.rules.periods(context, through).filter((p) => !issued.has(p.key));
    if (periods.length >= count) break;
  }
  return periods.slice(0, count).map((period) => {
    const lines = billing.rules.charges(context!, period);
    return { ...period, lines, totalWon: chargeTotal(lines) };
  });
}
