import type { ZodType } from "zod";
import type { BillingPeriod, ChargeLine } from "./billing-contract.ts";
import type { BusinessDate } from "./business-date.ts";

/** What the engine knows about a contract, whatever its plugin: the plugin's own terms sit beside it. */
export interface ContractFacts {
  id: number;
  payerId: number;
  storeId: number | null;
  /** The day the contract takes effect (start, first month, disbursement, …) as the plugin said at creation. */
  startsOn: BusinessDate;
}

/**
 * What a plugin's rules see of one contract on one run: its facts, its terms (already parsed by the
 * plugin's contract schema), the plugin's settings, and whatever the plugin's server half loaded for
 * the run (sales reports, store opening dates, earlier invoices of the contract, …).
 */
export interface BillingContext<Terms, Settings, Inputs> {
  contract: ContractFacts;
  terms: Terms;
  settings: Settings;
  inputs: Inputs;
}

/** What a collection rule does when an invoice is `afterDays` past due. The engine that runs them comes later. */
export const COLLECTION_ACTIONS = ["retry_debit", "remind", "resend_invoice", "offer_other_method", "late_fee", "suspend", "write_off"] as const;
export type CollectionAction = (typeof COLLECTION_ACTIONS)[number];

export interface CollectionRule {
  /** Days after the due date (0: the due date itself). */
  afterDays: number;
  action: CollectionAction;
  channel?: "sms" | "alimtalk" | "email";
}

/**
 * The billing half of a plugin's contract: pure functions and schemas, no I/O. The engine asks
 * `periods` which invoices are due by a date and `charges` what each one bills; it never asks which
 * plugin it is talking to.
 *
 * Both functions must be deterministic in their arguments: the engine may ask again on every run
 * (catch-up, retries after a crash), and a period's `key` must come out the same each time, since
 * it is part of the invoice's idempotency key.
 */
export interface BillingRules<Terms = unknown, Settings = unknown, Inputs = unknown> {
  /** The plugin's organisation-wide settings; `settingsSchema.parse({})` gives the defaults. */
  settingsSchema: ZodType<Settings>;
  /** A contract's terms as stored and as the admin's form sends them. Bad terms name their field. */
  contractSchema: ZodType<Terms>;
  /** The day the contract takes effect. */
  startsOn(terms: Terms): BusinessDate;
  /** A short description for lists: `Basic monthly 9,900원`, `10,000,000원 at 5.5% for 12 months`. */
  describe(terms: Terms, locale: "ko" | "en"): string;
  /** Every period whose invoice is issued on or before `through`, in issue order. */
  periods(context: BillingContext<Terms, Settings, Inputs>, through: BusinessDate): BillingPeriod[];
  /** What the contract owes for one of those periods. No lines: nothing to invoice. */
  charges(context: BillingContext<Terms, Settings, Inputs>, period: BillingPeriod): ChargeLine[];
  /** Collection rules a new organisation starts with for this plugin's invoices (data). */
  defaultCollectionRules: readonly CollectionRule[];
}

export function defineBillingRules<Terms, Settings, Inputs = undefined>(rules: BillingRules<Terms, Settings, Inputs>): BillingRules<Terms, Settings, Inputs> {
  return rules;
}
