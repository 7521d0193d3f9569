import type { BusinessDate } from "./business-date.ts";
import type { Won } from "./money.ts";

/** One billing period of a contract: the days it covers (both inclusive) and when its invoice is issued and due. */
export interface BillingPeriod {
  start: BusinessDate;
  end: BusinessDate;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  /** Stable within the contract, e.g. `2026-11` or `installment-3`: part of the invoice's idempotency key. */
  key: string;
}

/**
 * One line of what a contract owes for a period. The invoice debits receivables with the total and
 * credits each line's `creditAccount`: revenue, VAT payable, interest income — or loans receivable
 * for a loan's principal, which is not revenue.
 */
export interface ChargeLine {
  /** Machine-readable kind, e.g. `royalty`, `marketing_fund`, `vat`, `principal`, `interest`, `proration`. */
  kind: string;
  label: { ko: string; en: string };
  amountWon: Won;
  creditAccount: string;
  /** How the amount was computed, in words a clerk can check (shown on the statement). */
  basis?: { ko: string; en: string };
}

export function chargeTotal(lines: readonly ChargeLine[]): Won {
  return lines.reduce((sum, line) => sum + line.amountWon, 0n);
}

/** VAT of 10%, truncated to the won (the named rounding rule for supply amounts in won). */
export function vatOf(supplyWon: Won): Won {
  return (supplyWon * 10n) / 100n;
}
