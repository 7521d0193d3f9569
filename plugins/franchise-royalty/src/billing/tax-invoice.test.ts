import { describe, expect, it } from "vitest";
import { DomainError, type ChargeLine } from "@sunap/core";
import { royaltyCharges } from "./royalty-charges.ts";
import { buildTaxInvoice, taxInvoiceItemsFromCharges } from "./tax-invoice.ts";
import { RoyaltyTerms } from "./terms.ts";

const supplier = { businessNumber: "2208162517", name: "수납푸드(주)", representative: "김본사" };
const buyer = { businessNumber: "123-45-67891", name: "강남점", representative: "이점주" };
const terms = RoyaltyTerms.parse({
  storeCode: "GANGNAM",
  firstMonth: "2026-01",
  royalty: { kind: "flat", rateBp: 333 },
  fixedFees: [
    { code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon: 300_005n },
    { code: "system_fee", name: { ko: "시스템 사용료", en: "System fee" }, amountWon: 55_555n },
  ],
  minimumRoyaltyWon: 500_000n,
});

function errorOf(fn: () => unknown): { code: string; field?: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field };
    throw error;
  }
  return undefined;
}

describe("tax invoice data", () => {
  it("lists the royalty (with its minimum top-up) and each fee as items, with the VAT the charges posted", () => {
    const lines = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: 12_345_678n } });
    const invoice = buildTaxInvoice({ issueOn: "2026-10-31", supplier, buyer, items: taxInvoiceItemsFromCharges(lines, "2026-10-31") });
    expect(invoice.supplier.businessNumber).toBe("220-81-62517");
    expect(invoice.buyer.businessNumber).toBe("123-45-67891");
    expect(invoice.items.map((i) => [i.name, i.supplyWon, i.vatWon])).toEqual([
      ["로열티", 500_000n, 50_000n],
      ["광고분담금", 300_005n, 30_000n],
      ["시스템 사용료", 55_555n, 5_555n],
    ]);
    const vatPosted = lines.filter((l: ChargeLine) => l.creditAccount === "vat_payable").reduce((s, l) => s + l.amountWon, 0n);
    const supplyPosted = lines.filter((l: ChargeLine) => l.creditAccount !== "vat_payable").reduce((s, l) => s + l.amountWon, 0n);
    expect(invoice).toMatchObject({ supplyTotalWon: supplyPosted, vatTotalWon: vatPosted, totalWon: supplyPosted + vatPosted, purpose: "charge" });
  });

  const bad: { name: string; input: Partial<Parameters<typeof buildTaxInvoice>[0]>; code: string; field?: string }[] = [
    { name: "a supplier number with a wrong check digit", input: { supplier: { ...supplier, businessNumber: "220-81-62518" } }, code: "royalty.tax_invoice.bad_supplier_number", field: "supplier.businessNumber" },
    { name: "a buyer number of nine digits", input: { buyer: { ...buyer, businessNumber: "123-45-6789" } }, code: "royalty.tax_invoice.bad_buyer_number", field: "buyer.businessNumber" },
    { name: "the supplier as its own buyer", input: { buyer: { ...buyer, businessNumber: "220-81-62517" } }, code: "royalty.tax_invoice.same_party", field: "buyer.businessNumber" },
    { name: "a buyer without a representative", input: { buyer: { ...buyer, representative: " " } }, code: "royalty.tax_invoice.buyer_incomplete", field: "buyer.name" },
    { name: "no items", input: { items: [] }, code: "royalty.tax_invoice.no_items", field: "items" },
    {
      name: "five items",
      input: { items: Array.from({ length: 5 }, (_, i) => ({ on: "2026-10-31", name: `항목${i}`, supplyWon: 1_000n })) },
      code: "royalty.tax_invoice.too_many_items",
      field: "items",
    },
    { name: "a negative item", input: { items: [{ on: "2026-10-31", name: "정산", supplyWon: -1_000n }] }, code: "royalty.tax_invoice.negative_amount", field: "items.0.supplyWon" },
    { name: "a zero total", input: { items: [{ on: "2026-10-31", name: "로열티", supplyWon: 0n }] }, code: "royalty.tax_invoice.zero_total", field: "items" },
    { name: "an issue date that does not exist", input: { issueOn: "2026-02-30" }, code: "royalty.tax_invoice.bad_date", field: "issueOn" },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      const input = { issueOn: "2026-10-31", supplier, buyer, items: [{ on: "2026-10-31", name: "로열티", supplyWon: 100_000n }], ...c.input };
      expect(errorOf(() => buildTaxInvoice(input))).toEqual({ code: c.code, field: c.field });
    });
  }
});
