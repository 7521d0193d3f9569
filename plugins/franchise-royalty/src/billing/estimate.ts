import { DomainError } from "@sunap/core";
import type { Month } from "./inputs.ts";
import type { EstimatedSales, SalesReport } from "./sales.ts";

/**
 * The estimate for a month without a report: the average of the last (most recent) up to three
 * reported months, truncated to the won — gaps between them do not matter. Null when there is no
 * report at all (the month is then billed at the minimum royalty). `before` leaves out reports of
 * that month and later.
 */
export function estimateSales(previousReports: readonly SalesReport[], options: { before?: Month } = {}): EstimatedSales | null {
  const months = new Set<string>();
  for (const report of previousReports) {
    if (months.has(report.month)) throw new DomainError("INVALID", "royalty.duplicate_report", { month: report.month });
    months.add(report.month);
  }
  const usable = previousReports.filter((r) => options.before === undefined || r.month < options.before);
  const latest = [...usable].sort((a, b) => (a.month < b.month ? 1 : -1)).slice(0, 3);
  if (latest.length === 0) return null;
  const totalWon = latest.reduce((sum, r) => sum + r.grossSalesWon, 0n);
  return { estimated: true, grossSalesWon: totalWon / BigInt(latest.length), basisMonths: latest.map((r) => r.month).reverse() };
}
