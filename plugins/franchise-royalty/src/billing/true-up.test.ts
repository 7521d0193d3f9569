import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ChargeLine } from "@sunap/core";
import { estimateSales } from "./estimate.ts";
import { royaltyCharges } from "./royalty-charges.ts";
import { NO_SALES_HISTORY } from "./sales.ts";
import { RoyaltyTerms } from "./terms.ts";
import { trueUp } from "./true-up.ts";

const terms = RoyaltyTerms.parse({
  storeCode: "GANGNAM",
  firstMonth: "2026-01",
  royalty: { kind: "flat", rateBp: 300 },
  fixedFees: [{ code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon: 300_000n }],
  minimumRoyaltyWon: 500_000n,
});
const compact = (lines: ChargeLine[]) => lines.map((l) => `${l.kind} ${l.amountWon} ${l.creditAccount}`);
const sumBy = (lines: ChargeLine[]) => {
  const sums: Record<string, bigint> = {};
  for (const l of lines) sums[`${l.kind.replace(/_true_up$/, "")} ${l.creditAccount}`] = (sums[`${l.kind.replace(/_true_up$/, "")} ${l.creditAccount}`] ?? 0n) + l.amountWon;
  return Object.fromEntries(Object.entries(sums).filter(([, v]) => v !== 0n));
};

describe("trueUp", () => {
  const history = [
    { month: "2026-07", grossSalesWon: 20_000_000n },
    { month: "2026-08", grossSalesWon: 30_000_000n },
    { month: "2026-09", grossSalesWon: 40_000_000n },
  ];
  const estimate = estimateSales(history, { before: "2026-10" })!;
  const estimated = royaltyCharges(terms, { month: "2026-10", sales: estimate });

  it("charges more when the real sales were higher than the estimate", () => {
    const actual = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: 50_000_000n } });
    // estimate 30,000,000 → 900,000; actual 50,000,000 → 1,500,000
    expect(compact(trueUp(estimated, actual))).toEqual(["royalty_true_up 600000 revenue_royalty", "vat_true_up 60000 vat_payable"]);
  });

  it("credits the store when they were lower, down to the minimum royalty", () => {
    const actual = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: 10_000_000n } });
    // actual 300,000 + minimum top-up 200,000 = 500,000 against 900,000 estimated
    expect(compact(trueUp(estimated, actual))).toEqual([
      "royalty_true_up -600000 revenue_royalty",
      "minimum_royalty_true_up 200000 revenue_royalty",
      "vat_true_up -40000 vat_payable",
    ]);
  });

  it("an estimate from no history (the minimum) is trued up to the real royalty", () => {
    const fromMinimum = royaltyCharges(terms, { month: "2026-10", sales: NO_SALES_HISTORY });
    const actual = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: 20_000_000n } });
    expect(compact(trueUp(fromMinimum, actual))).toEqual([
      "royalty_true_up 600000 revenue_royalty",
      "minimum_royalty_true_up -500000 revenue_royalty",
      "vat_true_up 10000 vat_payable",
    ]);
  });

  it("gives nothing when the report matches the estimate", () => {
    const actual = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: 30_000_000n } });
    expect(trueUp(estimated, actual)).toEqual([]);
  });

  it("says what it compared", () => {
    const actual = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: 50_000_000n } });
    expect(trueUp(estimated, actual)[0]).toMatchObject({ label: { ko: "로열티 정산", en: "Royalty true-up" }, basis: { ko: "실제 1,500,000원 − 추정 청구 900,000원" } });
  });

  it("estimated charges plus the true-up equal the actual charges, per kind and account (property)", () => {
    fc.assert(
      fc.property(fc.option(fc.bigInt({ min: 0n, max: 10n ** 10n }), { nil: null }), fc.bigInt({ min: 0n, max: 10n ** 10n }), (estimatedWon, actualWon) => {
        const e = royaltyCharges(terms, { month: "2026-10", sales: { estimated: true, grossSalesWon: estimatedWon, basisMonths: [] } });
        const a = royaltyCharges(terms, { month: "2026-10", sales: { reported: true, grossSalesWon: actualWon } });
        expect(sumBy([...e, ...trueUp(e, a)])).toEqual(sumBy(a));
      }),
    );
  });
});
