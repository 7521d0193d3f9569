import { z } from "zod";

/**
 * Organisation-wide choices for new subscriptions. Each subscription stores what was chosen when it
 * started (its anchor day), so changing a setting never moves an existing subscription's periods.
 */
export const SubscriptionSettings = z.object({
  /**
   * `start_day`: periods run from the day billing starts (start + trial), the usual gym or app
   * subscription. `first_of_month`: periods run on calendar months and the first one is prorated,
   * the usual academy tuition.
   */
  anchorPolicy: z.enum(["start_day", "first_of_month"]).default("start_day"),
  /** What the admin's cancel dialog proposes first. */
  defaultCancelMode: z.enum(["period_end", "now"]).default("period_end"),
});
export type SubscriptionSettings = z.infer<typeof SubscriptionSettings>;
