import { z } from "zod";
import { PLAN_INTERVALS, Plan } from "../billing/plan.ts";

/** How VAT applies to a plan's price: in it (the usual consumer price), on top of it, or not at all (면세). */
export const VAT_MODES = ["included", "on_top", "exempt"] as const;
export type VatMode = (typeof VAT_MODES)[number];

/** The plan form as the admin sends it. The code is kept upper-case so `gym` and `GYM` are one plan. */
export const PlanInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]*$/, "input.code_chars")
    .min(1)
    .max(40)
    .transform((code) => code.toUpperCase()),
  nameKo: z.string().trim().min(1, "input.required").max(100),
  nameEn: z.string().trim().min(1, "input.required").max(100),
  interval: z.enum(PLAN_INTERVALS),
  priceWon: z.bigint("money.not_a_number").nonnegative("money.negative").max(100_000_000_000n, "money.overflow"),
  trialDays: z.int("input.not_integer").min(0).max(366).default(0),
  vat: z.enum(VAT_MODES).default("included"),
  dueAfterDays: z.int("input.not_integer").min(0).max(60).default(0),
});
export type PlanInput = z.infer<typeof PlanInput>;

/** The columns of `subscription_plan` a plan form sets. */
export function planColumns(input: PlanInput) {
  return {
    code: input.code,
    nameKo: input.nameKo,
    nameEn: input.nameEn,
    interval: input.interval,
    priceWon: input.priceWon,
    trialDays: input.trialDays,
    vatIncluded: input.vat !== "on_top",
    taxExempt: input.vat === "exempt",
    dueAfterDays: input.dueAfterDays,
  };
}

export interface PlanRow {
  id: number;
  code: string;
  nameKo: string;
  nameEn: string;
  interval: string;
  priceWon: bigint;
  trialDays: number;
  vatIncluded: boolean;
  taxExempt: boolean;
  dueAfterDays: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const vatModeOf = (row: { vatIncluded: boolean; taxExempt: boolean }): VatMode => (row.taxExempt ? "exempt" : row.vatIncluded ? "included" : "on_top");

export function presentPlan(row: PlanRow) {
  return { ...row, interval: z.enum(PLAN_INTERVALS).parse(row.interval), vat: vatModeOf(row), name: { ko: row.nameKo, en: row.nameEn } };
}
export type PresentedPlan = ReturnType<typeof presentPlan>;

/** The copy of a catalogue plan that a subscription stores in its terms. */
export function planCopy(row: PlanRow): Plan {
  return Plan.parse({
    code: row.code,
    name: { ko: row.nameKo, en: row.nameEn },
    interval: row.interval,
    priceWon: row.priceWon,
    trialDays: row.trialDays,
    vatIncluded: row.vatIncluded,
    taxExempt: row.taxExempt,
    dueAfterDays: row.dueAfterDays,
  });
}
