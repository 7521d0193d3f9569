import type { KitTranslate } from "@sunap/admin-kit";
import type { PlanInterval } from "../billing/plan.ts";
import type { SubscriptionState } from "../contract/lifecycle.ts";
import type { VatMode } from "../plans/plan-input.ts";
import type { StringKey } from "./strings.ts";

export const intervalLabel = (t: KitTranslate<StringKey>, interval: PlanInterval) => t(`interval.${interval}`);
export const vatLabel = (t: KitTranslate<StringKey>, vat: VatMode) => t(`vat.${vat}`);
export const stateLabel = (t: KitTranslate<StringKey>, state: SubscriptionState) => t(`state.${state}`);

export const STATE_COLORS: Record<SubscriptionState, string> = {
  scheduled: "default",
  trial: "cyan",
  active: "green",
  paused: "orange",
  cancelling: "gold",
  cancelled: "red",
};
