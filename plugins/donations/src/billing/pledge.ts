import { z } from "zod";
import { BusinessDateInput, NameInput, PositiveWonInput } from "./inputs.ts";

/** Paused from `from` (inclusive) until `until`, the day it resumes; open-ended without `until`. */
export const PledgePause = z
  .object({ from: BusinessDateInput, until: BusinessDateInput.nullish() })
  .refine((p) => !p.until || p.until > p.from, { message: "schedule.resume_after_pause", path: ["until"] });
export type PledgePause = z.infer<typeof PledgePause>;

/** A new monthly amount from `effectiveOn` on: an upgrade (or a lower amount). */
export const PledgeAmountChange = z.object({ effectiveOn: BusinessDateInput, monthlyAmountWon: PositiveWonInput });
export type PledgeAmountChange = z.infer<typeof PledgeAmountChange>;

const CodeInput = z.string().trim().min(1).max(60);

/** A monthly pledge (정기후원 약정): an amount collected on a day of every month, for a campaign or fund. */
export const Pledge = z
  .object({
    monthlyAmountWon: PositiveWonInput,
    /** 29–31 fall on the last day of shorter months. */
    dayOfMonth: z.int().min(1).max(31),
    campaign: CodeInput.nullish(),
    fund: CodeInput.nullish(),
    startOn: BusinessDateInput,
    status: z.enum(["active", "paused", "cancelled"]),
    pauses: z.array(PledgePause).default([]),
    amountChanges: z.array(PledgeAmountChange).default([]),
    /** Nothing is collected on or after this day. */
    cancelledOn: BusinessDateInput.nullish(),
  })
  .superRefine((p, ctx) => {
    p.pauses.forEach((pause, i) => {
      if (pause.from < p.startOn) ctx.addIssue({ code: "custom", message: "schedule.before_start", path: ["pauses", i, "from"] });
      p.pauses.slice(0, i).forEach((other) => {
        if ((!pause.until || other.from < pause.until) && (!other.until || pause.from < other.until)) {
          ctx.addIssue({ code: "custom", message: "schedule.pause_overlaps", path: ["pauses", i, "from"] });
        }
      });
    });
    const dates = new Set<string>();
    p.amountChanges.forEach((c, i) => {
      if (c.effectiveOn <= p.startOn) ctx.addIssue({ code: "custom", message: "schedule.after_start", path: ["amountChanges", i, "effectiveOn"] });
      if (dates.has(c.effectiveOn)) ctx.addIssue({ code: "custom", message: "schedule.one_change_per_day", path: ["amountChanges", i, "effectiveOn"] });
      dates.add(c.effectiveOn);
    });
    if (p.cancelledOn && p.cancelledOn < p.startOn) ctx.addIssue({ code: "custom", message: "schedule.before_start", path: ["cancelledOn"] });
    if (p.status === "cancelled" && !p.cancelledOn) ctx.addIssue({ code: "custom", message: "schedule.cancelled_needs_date", path: ["cancelledOn"] });
    if (p.status === "paused" && p.pauses.length === 0) ctx.addIssue({ code: "custom", message: "schedule.paused_needs_pause", path: ["pauses"] });
  });
export type Pledge = z.infer<typeof Pledge>;

/** A one-off gift (일시후원). */
export const Gift = z.object({
  amountWon: PositiveWonInput,
  on: BusinessDateInput,
  campaign: CodeInput.nullish(),
  fund: CodeInput.nullish(),
  note: NameInput.nullish(),
});
export type Gift = z.infer<typeof Gift>;
