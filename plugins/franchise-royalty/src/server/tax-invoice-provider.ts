import { createHash } from "node:crypto";
import { DomainError, isValidBusinessNumber } from "@sunap/core";
import type { TaxInvoiceData } from "../billing/tax-invoice.ts";

/** What a tax-invoice provider (an e-tax invoice ASP, or the national service) answers. */
export interface TaxInvoiceReceipt {
  /** The provider's reference: for a real issue, the 24-digit NTS approval number (승인번호). */
  providerRef: string;
}

/**
 * Issues 세금계산서 to the national e-tax invoice system. Real providers are ASPs with their own
 * APIs; the plugin only needs this one call. `idempotencyKey` is the same for a retried issue of
 * the same invoice, so a provider that supports it issues once.
 */
export interface TaxInvoiceProvider {
  readonly id: string;
  issue(data: TaxInvoiceData, idempotencyKey: string): Promise<TaxInvoiceReceipt>;
}

const digitsOf = (businessNumber: string) => businessNumber.replace(/-/g, "");

/**
 * The sandbox: checks what the national system checks before it approves (both business numbers'
 * check digits, the totals adding up, VAT at 10% of each item truncated to the won) and answers an
 * approval number shaped like the real one — `YYYYMMDD` of the issue date, then 16 digits derived
 * from the idempotency key, so a retry gets the same number. It sends nothing anywhere.
 */
export class SandboxTaxInvoiceProvider implements TaxInvoiceProvider {
  readonly id = "sandbox";

  async issue(data: TaxInvoiceData, idempotencyKey: string): Promise<TaxInvoiceReceipt> {
    if (!isValidBusinessNumber(digitsOf(data.supplier.businessNumber))) throw new DomainError("INVALID", "royalty.tax_invoice.bad_supplier_number", {}, "supplier.businessNumber");
    if (!isValidBusinessNumber(digitsOf(data.buyer.businessNumber))) throw new DomainError("INVALID", "royalty.tax_invoice.bad_buyer_number", {}, "buyer.businessNumber");
    const supply = data.items.reduce((sum, i) => sum + i.supplyWon, 0n);
    const vat = data.items.reduce((sum, i) => sum + i.vatWon, 0n);
    const vatRuleHolds = data.items.every((i) => i.vatWon === (i.supplyWon * 10n) / 100n);
    if (supply !== data.supplyTotalWon || vat !== data.vatTotalWon || supply + vat !== data.totalWon || !vatRuleHolds) {
      throw new DomainError("INVALID", "royalty.tax_invoice.totals_mismatch", {}, "items");
    }
    const digest = createHash("sha256").update(`sandbox-tax-invoice:${idempotencyKey}`).digest();
    const serial = (digest.readBigUInt64BE(0) % 10n ** 16n).toString().padStart(16, "0");
    return { providerRef: `${data.issueOn.replace(/-/g, "")}-${serial.slice(0, 8)}-${serial.slice(8)}` };
  }
}
