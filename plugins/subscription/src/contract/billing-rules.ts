import { defineBillingRules, formatWon, type CollectionRule } from "@sunap/core";
import { subscriptionCharges } from "../billing/charges.ts";
import { subscriptionPeriods } from "../billing/periods.ts";
import { INTERVAL_LABELS } from "./interval-labels.ts";
import { SubscriptionSettings } from "./settings.ts";
import { latestPlan, SubscriptionTerms } from "./terms.ts";

/** Retry the debit the next day, remind, offer another method, then suspend the membership. */
export const SUBSCRIPTION_COLLECTION_RULES: readonly CollectionRule[] = [
  { afterDays: 1, action: "retry_debit" },
  { afterDays: 3, action: "remind", channel: "alimtalk" },
  { afterDays: 7, action: "offer_other_method", channel: "sms" },
  { afterDays: 30, action: "suspend" },
];

/**
 * The subscription rules as the core's billing engine sees them: the pure periods and charges,
 * fed from the plan copy stored in the terms (never from the catalogue).
 */
export const subscriptionRules = defineBillingRules({
  settingsSchema: SubscriptionSettings,
  contractSchema: SubscriptionTerms,
  startsOn: (terms) => terms.startOn,
  describe(terms, locale) {
    const plan = latestPlan(terms);
    return `${plan.name[locale]} · ${INTERVAL_LABELS[plan.interval][locale]} ${formatWon(plan.priceWon, locale)}`;
  },
  periods: ({ terms }, through) => subscriptionPeriods(terms, terms.plan, { through }),
  charges: ({ terms }, period) => subscriptionCharges(terms, terms.plan, period),
  defaultCollectionRules: SUBSCRIPTION_COLLECTION_RULES,
});
