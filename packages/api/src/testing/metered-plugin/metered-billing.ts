import { z } from "zod";
import { addMonths, defineBillingRules, firstDayOf, formatWon, isBusinessDate, lastDayOf, monthOf, vatOf, addDays, type BillingPeriod, type ChargeLine } from "@sunap/core";

/**
 * A fifth industry the core has never heard of, for the test suite only: a metered utility
 * (a base fee plus usage read from a meter each month). No tables of its own: its readings live
 * in the contract's terms. It posts to its own revenue account and keys periods its own way.
 */
export const METERED_REVENUE_ACCOUNT = "revenue_metered";

const BusinessDateString = z.string().refine(isBusinessDate, "input.date");

export const MeteredTerms = z.object({
  meterCode: z.string().trim().min(1).max(20),
  startOn: BusinessDateString,
  baseFeeWon: z.bigint().min(0n),
  unitPriceWon: z.bigint().min(1n),
  /** Units used per month (`2026-02`: 120). A month without a reading bills the base fee only. */
  readings: z.record(z.string().regex(/^\d{4}-\d{2}$/), z.number().int().min(0)).default({}),
});
export type MeteredTerms = z.infer<typeof MeteredTerms>;

export const MeteredSettings = z.object({ dueAfterDays: z.number().int().min(0).max(60).default(14) });
export type MeteredSettings = z.infer<typeof MeteredSettings>;

/** Month by month from the start: each month is billed on the 1st of the next. Key: `meter:<month>`. */
function meteredPeriods(terms: MeteredTerms, settings: MeteredSettings, through: string): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  for (let month = monthOf(terms.startOn); ; month = addMonths(month, 1)) {
    const issueOn = firstDayOf(addMonths(month, 1));
    if (issueOn > through) break;
    const start = month === monthOf(terms.startOn) ? terms.startOn : firstDayOf(month);
    periods.push({ key: `meter:${month}`, start, end: lastDayOf(month), issueOn, dueOn: addDays(issueOn, settings.dueAfterDays) });
  }
  return periods;
}

function meteredCharges(terms: MeteredTerms, period: BillingPeriod): ChargeLine[] {
  const month = period.key.slice("meter:".length);
  const units = BigInt(terms.readings[month] ?? 0);
  const lines: ChargeLine[] = [];
  if (terms.baseFeeWon > 0n) lines.push({ kind: "base_fee", label: { ko: "기본요금", en: "Base fee" }, amountWon: terms.baseFeeWon, creditAccount: METERED_REVENUE_ACCOUNT });
  if (units > 0n) {
    lines.push({
      kind: "usage",
      label: { ko: "사용요금", en: "Usage" },
      amountWon: units * terms.unitPriceWon,
      creditAccount: METERED_REVENUE_ACCOUNT,
      basis: { ko: `${units} × ${formatWon(terms.unitPriceWon, "ko")}`, en: `${units} × ${formatWon(terms.unitPriceWon, "en")}` },
    });
  }
  const supplyWon = lines.reduce((sum, line) => sum + line.amountWon, 0n);
  if (supplyWon > 0n) lines.push({ kind: "vat", label: { ko: "부가세", en: "VAT" }, amountWon: vatOf(supplyWon), creditAccount: "vat_payable" });
  return lines;
}

export const meteredRules = defineBillingRules<MeteredTerms, MeteredSettings>({
  settingsSchema: MeteredSettings,
  contractSchema: MeteredTerms,
  startsOn: (terms) => terms.startOn,
  describe: (terms, locale) => (locale === "ko" ? `계량기 ${terms.meterCode} 기본 ${formatWon(terms.baseFeeWon, "ko")}` : `Meter ${terms.meterCode}, base ${formatWon(terms.baseFeeWon, "en")}`),
  periods: (context, through) => meteredPeriods(context.terms, context.settings, through),
  charges: (context, period) => meteredCharges(context.terms, period),
  defaultCollectionRules: [{ afterDays: 3, action: "remind", channel: "sms" }],
});
