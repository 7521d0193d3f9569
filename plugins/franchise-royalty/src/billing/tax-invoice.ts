import { DomainError, isBusinessDate, isValidBusinessNumber, vatOf, type BusinessDate, type ChargeLine, type Won } from "@sunap/core";
import { ROYALTY_ACCOUNT, FRANCHISE_FEES_ACCOUNT } from "./royalty-charges.ts";

/** A party of a tax invoice. The business number arrives decrypted and leaves as `123-45-67890`. */
export interface TaxInvoiceParty {
  businessNumber: string;
  name: string;
  representative: string;
  address?: string;
  /** 업태 and 종목. */
  businessType?: string;
  businessItem?: string;
  email?: string;
}

export interface TaxInvoiceItemInput {
  /** 월일: the supply date of the item. */
  on: BusinessDate;
  name: string;
  supplyWon: Won;
  note?: string;
}

export interface TaxInvoiceItem extends TaxInvoiceItemInput {
  vatWon: Won;
}

/**
 * 세금계산서 data, ready for a tax-invoice provider: who supplies, who buys, the items, and the
 * totals. `purpose` is 청구 (`charge`: payment requested) or 영수 (`receipt`: already paid).
 * It holds business numbers in clear: personal-data handling applies wherever it is kept or sent.
 */
export interface TaxInvoiceData {
  issueOn: BusinessDate;
  purpose: "charge" | "receipt";
  supplier: TaxInvoiceParty;
  buyer: TaxInvoiceParty;
  items: TaxInvoiceItem[];
  supplyTotalWon: Won;
  vatTotalWon: Won;
  totalWon: Won;
}

/** A national e-tax invoice lists at most four items. */
export const MAX_TAX_INVOICE_ITEMS = 4;

/**
 * Builds and checks tax-invoice data: both business numbers must carry a valid check digit and
 * differ, there are one to four items, no amount is negative, and each item's VAT is 10% of its
 * supply, truncated to the won (the same rule as the charge lines, so the invoice's VAT equals
 * what was posted to VAT payable). A reduction (a negative true-up) needs an amended invoice
 * (수정세금계산서) instead.
 */
export function buildTaxInvoice(input: {
  issueOn: BusinessDate;
  purpose?: "charge" | "receipt";
  supplier: TaxInvoiceParty;
  buyer: TaxInvoiceParty;
  items: readonly TaxInvoiceItemInput[];
}): TaxInvoiceData {
  if (!isBusinessDate(input.issueOn)) throw new DomainError("INVALID", "royalty.tax_invoice.bad_date", { value: input.issueOn }, "issueOn");
  const supplier = partyOf(input.supplier, "supplier");
  const buyer = partyOf(input.buyer, "buyer");
  if (supplier.businessNumber === buyer.businessNumber) throw new DomainError("INVALID", "royalty.tax_invoice.same_party", {}, "buyer.businessNumber");
  if (input.items.length === 0) throw new DomainError("INVALID", "royalty.tax_invoice.no_items", {}, "items");
  if (input.items.length > MAX_TAX_INVOICE_ITEMS) throw new DomainError("INVALID", "royalty.tax_invoice.too_many_items", { max: MAX_TAX_INVOICE_ITEMS }, "items");
  const items = input.items.map((item, i) => {
    if (!isBusinessDate(item.on)) throw new DomainError("INVALID", "royalty.tax_invoice.bad_date", { value: item.on }, `items.${i}.on`);
    if (item.supplyWon < 0n) throw new DomainError("INVALID", "royalty.tax_invoice.negative_amount", { item: item.name }, `items.${i}.supplyWon`);
    return { ...item, vatWon: vatOf(item.supplyWon) };
  });
  const supplyTotalWon = items.reduce((sum, i) => sum + i.supplyWon, 0n);
  const vatTotalWon = items.reduce((sum, i) => sum + i.vatWon, 0n);
  if (supplyTotalWon === 0n) throw new DomainError("INVALID", "royalty.tax_invoice.zero_total", {}, "items");
  return { issueOn: input.issueOn, purpose: input.purpose ?? "charge", supplier, buyer, items, supplyTotalWon, vatTotalWon, totalWon: supplyTotalWon + vatTotalWon };
}

function partyOf(party: TaxInvoiceParty, role: "supplier" | "buyer"): TaxInvoiceParty {
  if (!isValidBusinessNumber(party.businessNumber)) {
    throw role === "supplier"
      ? new DomainError("INVALID", "royalty.tax_invoice.bad_supplier_number", {}, "supplier.businessNumber")
      : new DomainError("INVALID", "royalty.tax_invoice.bad_buyer_number", {}, "buyer.businessNumber");
  }
  if (party.name.trim() === "" || party.representative.trim() === "") {
    throw role === "supplier"
      ? new DomainError("INVALID", "royalty.tax_invoice.supplier_incomplete", {}, "supplier.name")
      : new DomainError("INVALID", "royalty.tax_invoice.buyer_incomplete", {}, "buyer.name");
  }
  const digits = party.businessNumber.replace(/-/g, "");
  return { ...party, businessNumber: `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` };
}

/**
 * The tax-invoice items of a month's royalty charges: the royalty with its minimum top-up as one
 * item, each fixed fee as its own — the items the VAT lines were computed on. VAT lines are not
 * items; the invoice recomputes them per item with the same rule.
 */
export function taxInvoiceItemsFromCharges(lines: readonly ChargeLine[], on: BusinessDate): TaxInvoiceItemInput[] {
  const royaltyWon = lines.filter((l) => l.creditAccount === ROYALTY_ACCOUNT).reduce((sum, l) => sum + l.amountWon, 0n);
  const items: TaxInvoiceItemInput[] = royaltyWon !== 0n ? [{ on, name: "로열티", supplyWon: royaltyWon }] : [];
  for (const line of lines.filter((l) => l.creditAccount === FRANCHISE_FEES_ACCOUNT)) items.push({ on, name: line.label.ko, supplyWon: line.amountWon });
  return items;
}
