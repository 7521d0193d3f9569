import type { BusinessDate } from "./business-date.ts";
import type { Won } from "./money.ts";

export type InvoiceStatus = "open" | "partially_paid" | "paid" | "credited" | "void";

export interface InvoiceStatusInput {
  totalWon: Won;
  /** What the ledger says is still owed (the sum of the receivable lines naming the invoice). */
  openWon: Won;
  voided: boolean;
  /** Taken back by its credit notes (`invoice.credited_won`); 0 when it has none. */
  creditedWon?: Won;
  dueOn?: BusinessDate;
  /** Without it (or without dueOn) nothing is called overdue. */
  today?: BusinessDate;
}

/**
 * An invoice's status derived from what the ledger says is open: nothing is stored, so a
 * payment, a void or a reversal changes the status by itself. Overdue means still owed after the
 * due date (the due date itself is not late).
 *
 * Credit notes lower what is owed: an invoice counts as open while nothing was collected on what
 * is left of it (open ≥ total − credited), and an invoice that credit notes took back whole reads
 * `credited`, not `paid`; one part credited and the rest paid reads `paid`.
 */
export function invoiceStatus(input: InvoiceStatusInput): { status: InvoiceStatus; overdue: boolean } {
  if (input.voided) return { status: "void", overdue: false };
  const netWon = input.totalWon - (input.creditedWon ?? 0n);
  if (input.openWon <= 0n) return { status: (input.creditedWon ?? 0n) > 0n && netWon <= 0n ? "credited" : "paid", overdue: false };
  const status: InvoiceStatus = input.openWon >= netWon ? "open" : "partially_paid";
  const overdue = input.dueOn !== undefined && input.today !== undefined && input.today > input.dueOn;
  return { status, overdue };
}
