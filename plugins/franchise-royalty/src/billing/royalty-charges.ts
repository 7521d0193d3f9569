import { DomainError, formatWon, vatOf, type BusinessDate, type ChargeLine, type Won } from "@sunap/core";
import { daysInMonth, daysOpenIn } from "./calendar.ts";
import { isMonth, type Month } from "./inputs.ts";
import { royaltyBasis, royaltyOnSales } from "./royalty-rate.ts";
import type { MonthSales } from "./sales.ts";
import type { RoyaltyTerms } from "./terms.ts";

export const ROYALTY_ACCOUNT = "revenue_royalty";
export const FRANCHISE_FEES_ACCOUNT = "revenue_franchise_fees";
export const VAT_PAYABLE_ACCOUNT = "vat_payable";

export interface RoyaltyMonth {
  month: Month;
  sales: MonthSales;
  /** The store's opening date, when it opened in or after this month. */
  storeOpenedOn?: BusinessDate | null;
  /** The store's closing date: its last day of trading. */
  storeClosedOn?: BusinessDate | null;
}

/**
 * What a store owes for a month of its royalty terms:
 *
 * - royalty: the month's gross sales × the rate or tiers (`royaltyOnSales`), truncated to the won;
 *   estimated sales are labelled as such;
 * - minimum royalty: when the royalty falls short of the minimum, a separate top-up line makes up
 *   the difference, so the statement shows both what the sales gave and what the minimum added;
 * - fixed fees, each its own line;
 * - VAT of 10% (truncated to the won) per item: one line on the royalty with its top-up, one per
 *   fee — the same items and amounts a tax invoice lists;
 * - a month the store opened or closed in: fixed fees, the minimum royalty and an estimate are
 *   prorated by the days it traded ÷ days in the month (truncated); reported sales are taken as
 *   they are. No charges at all before the first month of the terms, before the opening month or
 *   after the closing month.
 * Lines of zero are left out.
 */
export function royaltyCharges(terms: RoyaltyTerms, input: RoyaltyMonth): ChargeLine[] {
  const { month, sales } = input;
  if (!isMonth(month)) throw new DomainError("INVALID", "royalty.bad_month", { month }, "month");
  if (sales.grossSalesWon !== null && sales.grossSalesWon < 0n) throw new DomainError("INVALID", "money.negative", {}, "grossSalesWon");
  if (month < terms.firstMonth) return [];
  const daysOpen = daysOpenIn(month, input.storeOpenedOn, input.storeClosedOn);
  if (daysOpen === 0) return [];
  const monthDays = daysInMonth(month);
  const partial = daysOpen < monthDays;
  const prorate = (amountWon: Won) => (partial ? (amountWon * BigInt(daysOpen)) / BigInt(monthDays) : amountWon);
  const proration = partial
    ? { ko: ` × 영업일수 ${daysOpen}/${monthDays}일 (원 미만 절사)`, en: ` × ${daysOpen}/${monthDays} days trading (truncated to the won)` }
    : { ko: "", en: "" };

  const estimated = "estimated" in sales;
  const grossWon = sales.grossSalesWon === null ? null : estimated ? prorate(sales.grossSalesWon) : sales.grossSalesWon;
  const lines: ChargeLine[] = [];

  let royaltyWon = 0n;
  if (grossWon !== null) {
    const computed = royaltyOnSales(terms.royalty, grossWon);
    royaltyWon = computed.royaltyWon;
    const basis = royaltyBasis(computed.parts);
    lines.push({
      kind: "royalty",
      label: estimated ? { ko: "로열티 (추정 매출)", en: "Royalty (estimated sales)" } : { ko: "로열티", en: "Royalty" },
      amountWon: royaltyWon,
      creditAccount: ROYALTY_ACCOUNT,
      basis: estimated && "basisMonths" in sales ? estimateBasis(sales.basisMonths, basis, partial ? proration : null) : basis,
    });
  }

  const minimumWon = prorate(terms.minimumRoyaltyWon);
  if (royaltyWon < minimumWon) {
    const noHistory = grossWon === null;
    lines.push({
      kind: "minimum_royalty",
      label: noHistory ? { ko: "최저 로열티 (매출 보고 없음)", en: "Minimum royalty (no sales reported)" } : { ko: "최저 로열티 보전", en: "Minimum royalty top-up" },
      amountWon: minimumWon - royaltyWon,
      creditAccount: ROYALTY_ACCOUNT,
      basis: {
        ko: `최저 로열티 ${formatWon(terms.minimumRoyaltyWon, "ko")}${proration.ko} − 로열티 ${formatWon(royaltyWon, "ko")}`,
        en: `Minimum royalty ${formatWon(terms.minimumRoyaltyWon, "en")}${proration.en} − royalty ${formatWon(royaltyWon, "en")}`,
      },
    });
  }
  const royaltyItemWon = royaltyWon > minimumWon ? royaltyWon : minimumWon;

  const feeLines: ChargeLine[] = terms.fixedFees.map((fee) => ({
    kind: fee.code,
    label: fee.name,
    amountWon: prorate(fee.amountWon),
    creditAccount: FRANCHISE_FEES_ACCOUNT,
    ...(partial ? { basis: { ko: `월 ${formatWon(fee.amountWon, "ko")}${proration.ko}`, en: `${formatWon(fee.amountWon, "en")} a month${proration.en}` } } : {}),
  }));

  const vatLines = [
    vatLine({ ko: "로열티", en: "royalty" }, royaltyItemWon),
    ...feeLines.map((fee) => vatLine({ ko: fee.label.ko, en: fee.label.en }, fee.amountWon)),
  ];
  return [...lines, ...feeLines, ...vatLines].filter((line) => line.amountWon !== 0n);
}

function estimateBasis(basisMonths: readonly Month[], basis: { ko: string; en: string }, proration: { ko: string; en: string } | null): { ko: string; en: string } {
  const months = basisMonths.join(", ");
  const p = proration ?? { ko: "", en: "" };
  return {
    ko: `매출 보고가 없어 ${months} 평균 매출로 추정${p.ko}: ${basis.ko}`,
    en: `No report: sales estimated as the average of ${months}${p.en}: ${basis.en}`,
  };
}

function vatLine(item: { ko: string; en: string }, supplyWon: Won): ChargeLine {
  return {
    kind: "vat",
    label: { ko: `부가세 (${item.ko})`, en: `VAT (${item.en})` },
    amountWon: vatOf(supplyWon),
    creditAccount: VAT_PAYABLE_ACCOUNT,
    basis: { ko: `${formatWon(supplyWon, "ko")} × 10% (원 미만 절사)`, en: `${formatWon(supplyWon, "en")} × 10% (truncated to the won)` },
  };
}
