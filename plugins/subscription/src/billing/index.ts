export { Plan, PLAN_INTERVALS, INTERVAL_MONTHS, type PlanInterval } from "./plan.ts";
export { Subscription, Pause, Cancellation, PlanChange, Discount } from "./subscription.ts";
export { subscriptionPeriods } from "./periods.ts";
export { subscriptionCharges, SUBSCRIPTION_REVENUE_ACCOUNT, VAT_PAYABLE_ACCOUNT } from "./charges.ts";
export { splitVatIncluded } from "./vat.ts";
