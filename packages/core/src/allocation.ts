import type { BusinessDate } from "./business-date.ts";
import { DomainError } from "./domain-error.ts";
import { formatWon, type Won } from "./money.ts";

/** An invoice of the payer as allocation sees it: what is still owed and when it fell due. */
export interface OpenInvoice {
  id: number;
  dueOn: BusinessDate;
  issueOn: BusinessDate;
  number: string;
  openWon: Won;
}

export interface Allocation {
  invoiceId: number;
  amountWon: Won;
}

/** Oldest due first, or exactly the amounts finance chose. */
export type AllocationMode = { kind: "oldest_due" } | { kind: "chosen"; allocations: Allocation[] };

export interface AllocationResult {
  allocations: Allocation[];
  /** What is left of the payment once the invoices are served: kept as customer credit. */
  creditWon: Won;
}

/** The order money is applied in: due date, then issue date, then invoice number (then id, for a total order). */
export function compareByDue(a: OpenInvoice, b: OpenInvoice): number {
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  if (a.issueOn !== b.issueOn) return a.issueOn < b.issueOn ? -1 : 1;
  if (a.number !== b.number) return a.number < b.number ? -1 : 1;
  return a.id - b.id;
}

/**
 * Splits a payment over a payer's open invoices. Invoices with nothing open are passed over in
 * oldest-due mode and refused in chosen mode; whatever no invoice takes becomes customer credit.
 */
export function allocatePayment(input: { amountWon: Won; invoices: readonly OpenInvoice[]; mode: AllocationMode }): AllocationResult {
  const { amountWon, invoices, mode } = input;
  if (amountWon <= 0n) throw new DomainError("INVALID", "payment.amount_not_positive", {}, "amountWon");
  return mode.kind === "oldest_due" ? allocateOldestDue(amountWon, invoices) : allocateChosen(amountWon, invoices, mode.allocations);
}

/** `1,234,567`: amounts in error parameters read the same in both languages' messages. */
export function groupedWon(amountWon: Won): string {
  return formatWon(amountWon, "ko").replace(/원$/, "");
}

function allocateOldestDue(amountWon: Won, invoices: readonly OpenInvoice[]): AllocationResult {
  let left = amountWon;
  const allocations: Allocation[] = [];
  for (const invoice of invoices.filter((i) => i.openWon > 0n).sort(compareByDue)) {
    if (left === 0n) break;
    const take = invoice.openWon < left ? invoice.openWon : left;
    allocations.push({ invoiceId: invoice.id, amountWon: take });
    left -= take;
  }
  return { allocations, creditWon: left };
}

function allocateChosen(amountWon: Won, invoices: readonly OpenInvoice[], chosen: readonly Allocation[]): AllocationResult {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const seen = new Set<number>();
  let total = 0n;
  chosen.forEach((allocation, index) => {
    const field = `allocations.${index}`;
    const invoice = byId.get(allocation.invoiceId);
    if (!invoice || invoice.openWon <= 0n) throw new DomainError("INVALID", "payment.allocation_not_open", { invoiceId: allocation.invoiceId }, `${field}.invoiceId`);
    if (seen.has(allocation.invoiceId)) throw new DomainError("INVALID", "payment.allocation_duplicate", { number: invoice.number }, `${field}.invoiceId`);
    seen.add(allocation.invoiceId);
    if (allocation.amountWon <= 0n) throw new DomainError("INVALID", "payment.allocation_not_positive", { number: invoice.number }, `${field}.amountWon`);
    if (allocation.amountWon > invoice.openWon) {
      throw new DomainError("INVALID", "payment.allocation_over_open", { number: invoice.number, openWon: groupedWon(invoice.openWon) }, `${field}.amountWon`);
    }
    total += allocation.amountWon;
    if (total > amountWon) throw new DomainError("INVALID", "payment.allocation_over_payment", { amountWon: groupedWon(amountWon), allocatedWon: groupedWon(total) }, `${field}.amountWon`);
  });
  return { allocations: chosen.map((a) => ({ invoiceId: a.invoiceId, amountWon: a.amountWon })), creditWon: amountWon - total };
}
