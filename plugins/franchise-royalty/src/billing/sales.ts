import type { Won } from "@sunap/core";
import type { Month } from "./inputs.ts";

/** A store's own report of a month's gross sales. */
export interface ReportedSales {
  reported: true;
  grossSalesWon: Won;
}

/** Sales estimated for a month without a report: flagged, and trued up when the report arrives. */
export interface EstimatedSales {
  estimated: true;
  /** Null when the store has never reported: the month is billed at the minimum royalty. */
  grossSalesWon: Won | null;
  /** The reported months the estimate averages, oldest first. */
  basisMonths: readonly Month[];
}

export type MonthSales = ReportedSales | EstimatedSales;

/** A month's report as stored. */
export interface SalesReport {
  month: Month;
  grossSalesWon: Won;
}

/** An estimate when the store has no report at all. */
export const NO_SALES_HISTORY: EstimatedSales = { estimated: true, grossSalesWon: null, basisMonths: [] };
