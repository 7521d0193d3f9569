import { addDays, chargeTotal, defineBillingRules, firstDayOf, formatWon, type BillingPeriod, type BusinessDate, type ChargeLine, type CollectionRule } from "@sunap/core";
import { z } from "zod";
import { estimateSales } from "./billing/estimate.ts";
import { formatRate } from "./billing/royalty-rate.ts";
import { royaltyCharges } from "./billing/royalty-charges.ts";
import { royaltyPeriods } from "./billing/royalty-periods.ts";
import { NO_SALES_HISTORY, type MonthSales, type SalesReport } from "./billing/sales.ts";
import { RoyaltyTerms } from "./billing/terms.ts";
import { trueUp } from "./billing/true-up.ts";
import type { Month } from "./billing/inputs.ts";

/**
 * Organisation-wide settings: the defaults a new store's terms start from, and the supplier's
 * 업태/종목 printed on tax invoices.
 */
export const RoyaltySettings = z.object({
  /** The sales report is due on this day of the next month (29–31: that month's last day at most). */
  defaultReportDueDay: z.int().min(1).max(31).default(5),
  defaultPaymentDueDays: z.int().min(0).max(60).default(10),
  /** Tax invoices: the supplier's 업태 and 종목. */
  supplierBusinessType: z.string().trim().max(50).default("서비스"),
  supplierBusinessItem: z.string().trim().max(50).default("가맹사업"),
});
export type RoyaltySettings = z.infer<typeof RoyaltySettings>;

/** An earlier invoice of the contract, as the engine stored it. */
export interface IssuedRoyaltyInvoice {
  periodKey: string;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  voided: boolean;
  lines: readonly ChargeLine[];
}

/** A month's report as stored, with the business day it was last entered or corrected. */
export interface StoredSalesReport extends SalesReport {
  reportedOn: BusinessDate;
}

/** What a run needs from the database for one royalty contract (see `loadRoyaltyInputs`). */
export interface RoyaltyInputs {
  storeOpenedOn: BusinessDate | null;
  storeClosedOn: BusinessDate | null;
  /** The store's sales reports (one per month). */
  reports: readonly StoredSalesReport[];
  /** The contract's earlier invoices, void ones included (their period is spent). */
  issued: readonly IssuedRoyaltyInvoice[];
}

export const NO_ROYALTY_INPUTS: RoyaltyInputs = { storeOpenedOn: null, storeClosedOn: null, reports: [], issued: [] };

const TRUE_UP_SUFFIX = ":true-up";

/** `2026-10` → `2026-10:true-up`: the one adjustment invoice of a month billed on other figures than its report. */
export const trueUpKey = (month: Month): string => `${month}${TRUE_UP_SUFFIX}`;

/** The month and kind of a royalty period key, or null for a key this plugin never makes. */
export function parsePeriodKey(key: string): { month: Month; trueUp: boolean } | null {
  const match = /^(\d{4}-(?:0[1-9]|1[0-2]))(:true-up)?$/.exec(key);
  return match ? { month: match[1]!, trueUp: match[2] !== undefined } : null;
}

/** The sales a month is billed on: its report, else the estimate from the reports before it, else no history. */
export function salesForMonth(reports: readonly SalesReport[], month: Month): MonthSales {
  const report = reports.find((r) => r.month === month);
  if (report) return { reported: true, grossSalesWon: report.grossSalesWon };
  return estimateSales(reports, { before: month }) ?? NO_SALES_HISTORY;
}

/** True for the line of a month billed without its report: the estimated royalty, or the minimum for lack of any report. */
export function isEstimateLine(line: Pick<ChargeLine, "kind" | "label">): boolean {
  return (line.kind === "royalty" && line.label.en === "Royalty (estimated sales)") || (line.kind === "minimum_royalty" && line.label.en === "Minimum royalty (no sales reported)");
}

/** The month's charges as they would be billed now, on the reports as they stand. */
export function monthCharges(terms: RoyaltyTerms, inputs: RoyaltyInputs, month: Month): ChargeLine[] {
  return royaltyCharges(terms, { month, sales: salesForMonth(inputs.reports, month), storeOpenedOn: inputs.storeOpenedOn, storeClosedOn: inputs.storeClosedOn });
}

/**
 * The adjustment a month still needs: its report's charges minus what its invoice billed (an
 * estimate, or a report since corrected). Empty while the month has no report, when its invoice
 * is void or not issued, or when nothing differs.
 */
export function pendingTrueUp(terms: RoyaltyTerms, inputs: RoyaltyInputs, month: Month): ChargeLine[] {
  const billed = inputs.issued.find((i) => i.periodKey === month);
  if (!billed || billed.voided) return [];
  if (!inputs.reports.some((r) => r.month === month)) return [];
  return trueUp(billed.lines, monthCharges(terms, inputs, month));
}

/**
 * Every period issued on or before `through`: each month (catch-up included), and for a month whose
 * invoice billed other figures than its report now gives, one true-up period keyed
 * `YYYY-MM:true-up`, issued on the day the report arrived (or was corrected) and due
 * `paymentDueDays` later. A true-up is
 * issued once; one already issued keeps its dates. A true-up that would lower the bill is not
 * listed: the engine issues no invoice of zero or less; the report that lowers it issues a credit
 * note on the month's invoice instead (see server/true-up-credit.ts).
 */
export function royaltyBillingPeriods(terms: RoyaltyTerms, inputs: RoyaltyInputs, through: BusinessDate): BillingPeriod[] {
  const months = royaltyPeriods(terms, { through, storeOpenedOn: inputs.storeOpenedOn, storeClosedOn: inputs.storeClosedOn });
  const periods: BillingPeriod[] = [...months];
  for (const month of months) {
    const key = trueUpKey(month.key);
    const issued = inputs.issued.find((i) => i.periodKey === key);
    if (issued) {
      if (issued.issueOn <= through) periods.push({ start: month.start, end: month.end, issueOn: issued.issueOn, dueOn: issued.dueOn, key });
      continue;
    }
    if (chargeTotal(pendingTrueUp(terms, inputs, month.key)) <= 0n) continue;
    const reportedOn = inputs.reports.find((r) => r.month === month.key)!.reportedOn;
    const issueOn = reportedOn > month.issueOn ? reportedOn : month.issueOn;
    if (issueOn > through) continue;
    periods.push({ start: month.start, end: month.end, issueOn, dueOn: addDays(issueOn, terms.paymentDueDays), key });
  }
  return periods.sort((a, b) => (a.issueOn === b.issueOn ? a.key.localeCompare(b.key) : a.issueOn < b.issueOn ? -1 : 1));
}

/** What a royalty period bills: the month's charges, or the month's true-up. */
export function royaltyPeriodCharges(terms: RoyaltyTerms, inputs: RoyaltyInputs, period: BillingPeriod): ChargeLine[] {
  const parsed = parsePeriodKey(period.key);
  if (!parsed) return [];
  return parsed.trueUp ? pendingTrueUp(terms, inputs, parsed.month) : monthCharges(terms, inputs, parsed.month);
}

/** `GN01 · 5.5% · 최저 300,000원 · 고정 2건`. */
export function describeTerms(terms: RoyaltyTerms, locale: "ko" | "en"): string {
  const rate =
    terms.royalty.kind === "flat"
      ? formatRate(terms.royalty.rateBp)
      : `${terms.royalty.tiers.map((t) => formatRate(t.rateBp)).join("→")} ${locale === "ko" ? (terms.royalty.mode === "whole" ? "(구간 전체)" : "(누진)") : terms.royalty.mode === "whole" ? "(whole)" : "(marginal)"}`;
  const parts = [terms.storeCode, rate];
  if (terms.minimumRoyaltyWon > 0n) parts.push(locale === "ko" ? `최저 ${formatWon(terms.minimumRoyaltyWon, "ko")}` : `min. ${formatWon(terms.minimumRoyaltyWon, "en")}`);
  if (terms.fixedFees.length > 0) parts.push(locale === "ko" ? `고정 수수료 ${terms.fixedFees.length}건` : `${terms.fixedFees.length} fixed fee${terms.fixedFees.length > 1 ? "s" : ""}`);
  return parts.join(" · ");
}

/** Remind on the due date, resend the invoice after a week, then escalate: a store is a business, not a household. */
export const ROYALTY_COLLECTION_RULES: readonly CollectionRule[] = [
  { afterDays: 0, action: "remind", channel: "alimtalk" },
  { afterDays: 7, action: "resend_invoice", channel: "email" },
  { afterDays: 14, action: "retry_debit" },
  { afterDays: 30, action: "late_fee" },
  { afterDays: 60, action: "suspend" },
];

export const royaltyBillingRules = defineBillingRules<RoyaltyTerms, RoyaltySettings, RoyaltyInputs>({
  settingsSchema: RoyaltySettings,
  contractSchema: RoyaltyTerms,
  startsOn: (terms) => firstDayOf(terms.firstMonth),
  describe: describeTerms,
  periods: ({ terms, inputs }, through) => royaltyBillingPeriods(terms, inputs ?? NO_ROYALTY_INPUTS, through),
  charges: ({ terms, inputs }, period) => royaltyPeriodCharges(terms, inputs ?? NO_ROYALTY_INPUTS, period),
  defaultCollectionRules: ROYALTY_COLLECTION_RULES,
});
