import type { Won } from "@sunap/core";

/**
 * Splits a VAT-inclusive total the usual Korean way: supply (공급가액) = total ÷ 1.1 with the part
 * below one won cut off, and VAT = total − supply, so the two always add up to the total.
 */
export function splitVatIncluded(totalWon: Won): { supplyWon: Won; vatWon: Won } {
  const supplyWon = (totalWon * 10n) / 11n;
  return { supplyWon, vatWon: totalWon - supplyWon };
}
