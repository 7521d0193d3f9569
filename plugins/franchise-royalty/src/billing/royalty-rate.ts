import { formatWon, type Won } from "@sunap/core";
import type { RoyaltyRate } from "./terms.ts";

/** One part of the sales and the rate applied to it. */
export interface RoyaltyPart {
  portionWon: Won;
  rateBp: number;
}

/**
 * The royalty on a month's gross sales: Σ part × rate ÷ 10,000, truncated to the won once, on the
 * sum (so marginal tiers never lose a won per tier). With marginal tiers the royalty never falls
 * when sales rise; with `whole` tiers it can, just above a threshold whose rate is lower.
 */
export function royaltyOnSales(rate: RoyaltyRate, salesWon: Won): { royaltyWon: Won; parts: RoyaltyPart[] } {
  const parts = partsOf(rate, salesWon);
  const numerator = parts.reduce((sum, p) => sum + p.portionWon * BigInt(p.rateBp), 0n);
  return { royaltyWon: numerator / 10_000n, parts };
}

function partsOf(rate: RoyaltyRate, salesWon: Won): RoyaltyPart[] {
  if (rate.kind === "flat") return [{ portionWon: salesWon, rateBp: rate.rateBp }];
  if (rate.mode === "whole") {
    const reached = rate.tiers.findLast((t) => t.fromWon <= salesWon) ?? rate.tiers[0]!;
    return [{ portionWon: salesWon, rateBp: reached.rateBp }];
  }
  const parts: RoyaltyPart[] = [];
  rate.tiers.forEach((tier, i) => {
    if (salesWon <= tier.fromWon) return;
    const upTo = rate.tiers[i + 1]?.fromWon;
    const top = upTo !== undefined && upTo < salesWon ? upTo : salesWon;
    parts.push({ portionWon: top - tier.fromWon, rateBp: tier.rateBp });
  });
  return parts.length > 0 ? parts : [{ portionWon: 0n, rateBp: rate.tiers[0]!.rateBp }];
}

/** `550` → `5.5%`. */
export function formatRate(rateBp: number): string {
  const whole = Math.trunc(rateBp / 100);
  const fraction = String(rateBp % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}

/** The computation in words a clerk can check: `12,000,000원 × 5% + 3,000,000원 × 4% (원 미만 절사)`. */
export function royaltyBasis(parts: readonly RoyaltyPart[]): { ko: string; en: string } {
  const ko = parts.map((p) => `${formatWon(p.portionWon, "ko")} × ${formatRate(p.rateBp)}`).join(" + ");
  const en = parts.map((p) => `${formatWon(p.portionWon, "en")} × ${formatRate(p.rateBp)}`).join(" + ");
  return { ko: `${ko} (원 미만 절사)`, en: `${en} (truncated to the won)` };
}
