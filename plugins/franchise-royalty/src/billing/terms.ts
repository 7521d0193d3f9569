import { z } from "zod";
import { LabelInput, MonthInput, RateBpInput, WonInput } from "./inputs.ts";

/** A tier starts at its threshold: sales of exactly `fromWon` fall in this tier. */
export const RoyaltyTier = z.object({ fromWon: WonInput, rateBp: RateBpInput });
export type RoyaltyTier = z.infer<typeof RoyaltyTier>;

/**
 * How the royalty follows the month's gross sales: one rate, or tiers. Tiers are `marginal` by
 * default (each tier's rate applies to the part of sales inside it, like tax brackets); `whole`
 * applies the rate of the tier the sales reach to all of the sales.
 */
export const RoyaltyRate = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("flat"), rateBp: RateBpInput }),
  z
    .object({
      kind: z.literal("tiered"),
      mode: z.enum(["marginal", "whole"]).default("marginal"),
      tiers: z.array(RoyaltyTier).min(1).max(20),
    })
    .superRefine((rate, ctx) => {
      if (rate.tiers[0]?.fromWon !== 0n) ctx.addIssue({ code: "custom", message: "royalty.first_tier_from_zero", path: ["tiers", 0, "fromWon"] });
      rate.tiers.forEach((tier, i) => {
        const previous = rate.tiers[i - 1];
        if (previous && tier.fromWon <= previous.fromWon) ctx.addIssue({ code: "custom", message: "royalty.tier_not_above_previous", path: ["tiers", i, "fromWon"] });
      });
    }),
]);
export type RoyaltyRate = z.infer<typeof RoyaltyRate>;

const RESERVED_KINDS = ["royalty", "minimum_royalty", "vat"];

/** A fixed monthly fee (marketing fund, system fee, …), billed to revenue_franchise_fees with VAT. */
export const FixedFee = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, "royalty.fee_code_chars")
    .refine((code) => !RESERVED_KINDS.includes(code), "royalty.fee_code_reserved"),
  name: LabelInput,
  amountWon: WonInput,
});
export type FixedFee = z.infer<typeof FixedFee>;

/** The royalty terms of one store. */
export const RoyaltyTerms = z
  .object({
    storeCode: z.string().trim().min(1).max(20),
    /** The first month the terms bill. */
    firstMonth: MonthInput,
    royalty: RoyaltyRate,
    fixedFees: z.array(FixedFee).max(10).default([]),
    /** The least royalty (before VAT) a store pays for a month; the percentage is topped up to it. */
    minimumRoyaltyWon: WonInput.default(0n),
    /** The month's sales report is due on this day of the next month (29–31: that month's last day at most). */
    reportDueDay: z.int().min(1).max(31).default(5),
    /** Days from the royalty invoice's issue to its due date. */
    paymentDueDays: z.int().min(0).max(60).default(10),
  })
  .superRefine((terms, ctx) => {
    const seen = new Set<string>();
    terms.fixedFees.forEach((fee, i) => {
      if (seen.has(fee.code)) ctx.addIssue({ code: "custom", message: "royalty.fee_code_taken", path: ["fixedFees", i, "code"] });
      seen.add(fee.code);
    });
  });
export type RoyaltyTerms = z.infer<typeof RoyaltyTerms>;
