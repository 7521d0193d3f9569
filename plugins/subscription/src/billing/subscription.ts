import { z } from "zod";
import { BusinessDateInput, LabelInput } from "./inputs.ts";
import { Plan } from "./plan.ts";

/** Paused from `from` (inclusive) until `until`, the day it resumes (exclusive); open-ended without `until`. */
export const Pause = z
  .object({ from: BusinessDateInput, until: BusinessDateInput.nullish() })
  .refine((p) => !p.until || p.until > p.from, { message: "schedule.resume_after_pause", path: ["until"] });
export type Pause = z.infer<typeof Pause>;

/**
 * `now`: nothing is billed from `on` (that day included). `period_end`: the period containing `on`
 * is billed in full and none after it. Either way, cancelling before the trial ends bills nothing.
 */
export const Cancellation = z.object({ on: BusinessDateInput, mode: z.enum(["period_end", "now"]) });
export type Cancellation = z.infer<typeof Cancellation>;

/** Moves the subscription to another plan from `effectiveOn`; `plan` is a copy taken when the change was made. */
export const PlanChange = z.object({ effectiveOn: BusinessDateInput, plan: Plan });
export type PlanChange = z.infer<typeof PlanChange>;

const discountCommon = {
  label: LabelInput.optional(),
  /** How many billed periods it applies to, counted from the first one starting on or after `startsOn`; absent: all. */
  periods: z.int().min(1).max(1200).nullish(),
  /** Default: the subscription's start. */
  startsOn: BusinessDateInput.optional(),
};
export const Discount = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), amountWon: z.bigint().positive("input.more_than_zero"), ...discountCommon }),
  z.object({ kind: z.literal("percent"), percent: z.int().min(1).max(100), ...discountCommon }),
]);
export type Discount = z.infer<typeof Discount>;

const overlaps = (a: Pause, b: Pause) => (!a.until || b.from < a.until) && (!b.until || a.from < b.until);

export const Subscription = z
  .object({
    planCode: z.string().trim().min(1),
    startOn: BusinessDateInput,
    /** Day of the month periods start on; default: the day billing starts (start + trial days). 29–31 fall back to the month's last day. */
    anchorDay: z.int().min(1).max(31).optional(),
    status: z.enum(["active", "paused", "cancelled"]),
    pauses: z.array(Pause).default([]),
    planChanges: z.array(PlanChange).default([]),
    cancellation: Cancellation.nullish(),
    discounts: z.array(Discount).default([]),
  })
  .superRefine((s, ctx) => {
    s.pauses.forEach((p, i) => {
      if (p.from < s.startOn) ctx.addIssue({ code: "custom", message: "schedule.before_start", path: ["pauses", i, "from"] });
      s.pauses.slice(0, i).forEach((q) => {
        if (overlaps(p, q)) ctx.addIssue({ code: "custom", message: "schedule.pause_overlaps", path: ["pauses", i, "from"] });
      });
    });
    const changeDates = new Set<string>();
    s.planChanges.forEach((c, i) => {
      if (c.effectiveOn <= s.startOn) ctx.addIssue({ code: "custom", message: "schedule.after_start", path: ["planChanges", i, "effectiveOn"] });
      if (changeDates.has(c.effectiveOn)) ctx.addIssue({ code: "custom", message: "schedule.one_change_per_day", path: ["planChanges", i, "effectiveOn"] });
      changeDates.add(c.effectiveOn);
    });
    if (s.cancellation && s.cancellation.on < s.startOn) ctx.addIssue({ code: "custom", message: "schedule.before_start", path: ["cancellation", "on"] });
    if (s.status === "cancelled" && !s.cancellation) ctx.addIssue({ code: "custom", message: "schedule.cancelled_needs_date", path: ["cancellation"] });
    if (s.status === "paused" && s.pauses.length === 0) ctx.addIssue({ code: "custom", message: "schedule.paused_needs_pause", path: ["pauses"] });
  });
export type Subscription = z.infer<typeof Subscription>;
