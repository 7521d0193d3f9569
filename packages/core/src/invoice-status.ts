import type { BusinessDate } from "./business-date.ts";
import type { Won } from "./money.ts";

export type InvoiceStatus = "open" | "partially_paid" | "paid" | "void";

export interface InvoiceStatusInput {
  totalWon: Won;
  /** What the ledger says is still owed (the sum of the receivable lines naming the invoice). */
  openWon: Won;
  voided: boolean;
  dueOn?: BusinessDate;
  /** Without it (or without dueOn) nothing is called overdue. */
  today?: BusinessDate;
}

/**
 * An invoice's status derived from what the ledger says is open: nothing is stored, so a
 * payment, a void or a reversal changes the status by itself. Overdue means still owed after the
 * due date (the due date itself is not late).
 */
export function invoiceStatus(input: InvoiceStatusInput): { status: InvoiceStatus; overdue: boolean } {
  if (input.voided) return { status: "void", overdue: false };
  if (input.openWon <= 0n) return { status: "paid", overdue: false };
  const status: InvoiceStatus = input.openWon >= input.totalWon ? "open" : "partially_paid";
  const overdue = input.dueOn !== undefined && input.today !== undefined && input.today > input.dueOn;
  return { status, overdue };
}
