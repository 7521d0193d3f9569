import { z } from "zod";
import { LabelInput, WonInput } from "./inputs.ts";

export const PLAN_INTERVALS = ["monthly", "quarterly", "annual"] as const;
export type PlanInterval = (typeof PLAN_INTERVALS)[number];

/** Calendar months in one billing period of each interval. */
export const INTERVAL_MONTHS: Record<PlanInterval, number> = { monthly: 1, quarterly: 3, annual: 12 };

/**
 * A plan of the catalogue. A subscription keeps a copy of the plan it is on (and of every plan it
 * changes to), so editing the catalogue never re-prices a period already billed.
 */
export const Plan = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9_-]*$/, "input.code_chars").min(1).max(40),
  name: LabelInput,
  interval: z.enum(PLAN_INTERVALS),
  /** The price of one whole period in won. */
  priceWon: WonInput,
  /** Days from the start of a subscription that are not billed. */
  trialDays: z.int().min(0).max(366).default(0),
  /** Whether `priceWon` already contains the 10% VAT (the usual consumer price) or VAT comes on top. */
  vatIncluded: z.boolean().default(true),
  /** VAT-exempt supplies (e.g. academy tuition, 면세): no VAT line at all; `vatIncluded` is then ignored. */
  taxExempt: z.boolean().default(false),
  /** Days from the invoice's issue date to its due date (0: due the day it is issued). */
  dueAfterDays: z.int().min(0).max(60).default(0),
});
export type Plan = z.infer<typeof Plan>;
