import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { chargeTotal, type ChargeLine } from "@sunap/core";
import { royaltyCharges, type RoyaltyMonth } from "./royalty-charges.ts";
import { NO_SALES_HISTORY } from "./sales.ts";
import { RoyaltyTerms } from "./terms.ts";

const terms = RoyaltyTerms.parse({
  storeCode: "GANGNAM",
  firstMonth: "2026-01",
  royalty: { kind: "flat", rateBp: 300 },
  fixedFees: [
    { code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon: 300_000n },
    { code: "system_fee", name: { ko: "시스템 사용료", en: "System fee" }, amountWon: 55_000n },
  ],
  minimumRoyaltyWon: 500_000n,
});
const compact = (lines: ChargeLine[]) => lines.map((l) => `${l.kind} ${l.amountWon} ${l.creditAccount}`);
const reported = (grossSalesWon: bigint) => ({ reported: true as const, grossSalesWon });

describe("royaltyCharges", () => {
  const cases: { name: string; terms?: Partial<RoyaltyTerms>; input: RoyaltyMonth; expected: string[] }[] = [
    {
      name: "reported sales: 3% royalty, fixed fees, and VAT per item",
      input: { month: "2026-10", sales: reported(40_000_000n) },
      expected: [
        "royalty 1200000 revenue_royalty",
        "marketing_fund 300000 revenue_franchise_fees",
        "system_fee 55000 revenue_franchise_fees",
        "vat 120000 vat_payable",
        "vat 30000 vat_payable",
        "vat 5500 vat_payable",
      ],
    },
    {
      name: "a royalty under the minimum is topped up by a separate line, VAT on the two together",
      input: { month: "2026-10", sales: reported(10_000_000n) },
      expected: [
        "royalty 300000 revenue_royalty",
        "minimum_royalty 200000 revenue_royalty",
        "marketing_fund 300000 revenue_franchise_fees",
        "system_fee 55000 revenue_franchise_fees",
        "vat 50000 vat_payable",
        "vat 30000 vat_payable",
        "vat 5500 vat_payable",
      ],
    },
    {
      name: "zero sales reported: the minimum royalty only",
      terms: { fixedFees: [] },
      input: { month: "2026-10", sales: reported(0n) },
      expected: ["minimum_royalty 500000 revenue_royalty", "vat 50000 vat_payable"],
    },
    {
      name: "zero sales and no minimum: nothing but the fees",
      terms: { minimumRoyaltyWon: 0n },
      input: { month: "2026-10", sales: reported(0n) },
      expected: ["marketing_fund 300000 revenue_franchise_fees", "system_fee 55000 revenue_franchise_fees", "vat 30000 vat_payable", "vat 5500 vat_payable"],
    },
    {
      name: "a missing report with history: royalty on the estimate",
      terms: { fixedFees: [] },
      input: { month: "2026-10", sales: { estimated: true, grossSalesWon: 25_000_000n, basisMonths: ["2026-07", "2026-08", "2026-09"] } },
      expected: ["royalty 750000 revenue_royalty", "vat 75000 vat_payable"],
    },
    {
      name: "a missing report and no history: the minimum royalty",
      terms: { fixedFees: [] },
      input: { month: "2026-10", sales: NO_SALES_HISTORY },
      expected: ["minimum_royalty 500000 revenue_royalty", "vat 50000 vat_payable"],
    },
    {
      name: "tier boundary: sales exactly at the threshold of whole-amount tiers take the higher tier's rate",
      terms: { fixedFees: [], minimumRoyaltyWon: 0n, royalty: { kind: "tiered", mode: "whole", tiers: [{ fromWon: 0n, rateBp: 500 }, { fromWon: 30_000_000n, rateBp: 400 }] } },
      input: { month: "2026-10", sales: reported(30_000_000n) },
      expected: ["royalty 1200000 revenue_royalty", "vat 120000 vat_payable"],
    },
    {
      name: "tier boundary: the same sales with marginal tiers stay at the first rate",
      terms: { fixedFees: [], minimumRoyaltyWon: 0n, royalty: { kind: "tiered", mode: "marginal", tiers: [{ fromWon: 0n, rateBp: 500 }, { fromWon: 30_000_000n, rateBp: 400 }] } },
      input: { month: "2026-10", sales: reported(30_000_000n) },
      expected: ["royalty 1500000 revenue_royalty", "vat 150000 vat_payable"],
    },
    {
      name: "the month the store closed (Feb 14, 2028, a leap year): fees and minimum prorated 14/29, sales as reported",
      input: { month: "2028-02", sales: reported(5_000_000n), storeClosedOn: "2028-02-14" },
      expected: [
        "royalty 150000 revenue_royalty",
        // 500,000 × 14/29 = 241,379.3 → 241,379
        "minimum_royalty 91379 revenue_royalty",
        "marketing_fund 144827 revenue_franchise_fees",
        "system_fee 26551 revenue_franchise_fees",
        "vat 24137 vat_payable",
        "vat 14482 vat_payable",
        "vat 2655 vat_payable",
      ],
    },
    {
      name: "a store closed on the last day of the month pays the month in full",
      terms: { fixedFees: [] },
      input: { month: "2027-02", sales: reported(0n), storeClosedOn: "2027-02-28" },
      expected: ["minimum_royalty 500000 revenue_royalty", "vat 50000 vat_payable"],
    },
    {
      name: "a closed store: no charges for the months after it closed",
      input: { month: "2028-03", sales: NO_SALES_HISTORY, storeClosedOn: "2028-02-14" },
      expected: [],
    },
    {
      name: "the month a store opened (Nov 21): fees, minimum and an estimate prorated 10/30",
      terms: { fixedFees: [] },
      input: { month: "2026-11", sales: { estimated: true, grossSalesWon: 30_000_000n, basisMonths: ["2026-10"] }, storeOpenedOn: "2026-11-21" },
      expected: ["royalty 300000 revenue_royalty", "vat 30000 vat_payable"],
    },
    {
      name: "before the terms' first month: nothing",
      input: { month: "2025-12", sales: reported(10_000_000n) },
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = RoyaltyTerms.parse({ ...terms, ...c.terms });
      expect(compact(royaltyCharges(t, c.input))).toEqual(c.expected);
    });
  }

  it("flags an estimate in the label and says what it averaged", () => {
    const [royalty] = royaltyCharges(terms, { month: "2026-10", sales: { estimated: true, grossSalesWon: 25_000_000n, basisMonths: ["2026-08", "2026-09"] } });
    expect(royalty?.label).toEqual({ ko: "로열티 (추정 매출)", en: "Royalty (estimated sales)" });
    expect(royalty?.basis?.ko).toBe("매출 보고가 없어 2026-08, 2026-09 평균 매출로 추정: 25,000,000원 × 3% (원 미만 절사)");
  });

  it("refuses a month that is not YYYY-MM and negative sales", () => {
    expect(() => royaltyCharges(terms, { month: "2026-13", sales: reported(1n) })).toThrow("royalty.bad_month");
    expect(() => royaltyCharges(terms, { month: "2026-10", sales: reported(-1n) })).toThrow("money.negative");
  });

  it("never bills less than the minimum plus fees (with VAT), nor a negative total (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.integer({ min: 0, max: 10_000 }), fc.bigInt({ min: 0n, max: 10n ** 8n }), (sales, rateBp, minimum) => {
        const t = RoyaltyTerms.parse({ ...terms, royalty: { kind: "flat", rateBp }, minimumRoyaltyWon: minimum });
        const total = chargeTotal(royaltyCharges(t, { month: "2026-10", sales: reported(sales) }));
        const floor = minimum + 355_000n + (minimum * 10n) / 100n + 35_500n;
        expect(total >= floor).toBe(true);
      }),
    );
  });
});

describe("royalty terms schema", () => {
  it("fills the defaults: report due on the 5th, no minimum", () => {
    expect(RoyaltyTerms.parse({ storeCode: "A", firstMonth: "2026-01", royalty: { kind: "flat", rateBp: 300 } })).toMatchObject({ reportDueDay: 5, minimumRoyaltyWon: 0n, fixedFees: [] });
  });
  it("refuses two fees with one code, a reserved code, and a negative fee", () => {
    const fee = { code: "marketing_fund", name: { ko: "광고", en: "Ads" }, amountWon: 1n };
    const paths = (fixedFees: unknown[]) => RoyaltyTerms.safeParse({ ...terms, fixedFees }).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths([fee, fee])).toEqual(["fixedFees.1.code"]);
    expect(paths([{ ...fee, code: "vat" }])).toEqual(["fixedFees.0.code"]);
    expect(paths([{ ...fee, amountWon: -1n }])).toEqual(["fixedFees.0.amountWon"]);
  });
});
