import { addDays, chargeTotal, type BusinessDate, type ChargeLine } from "@sunap/core";
import { subscriptionRules } from "../contract/billing-rules.ts";
import type { SubscriptionSettings } from "../contract/settings.ts";
import type { SubscriptionTerms } from "../contract/terms.ts";

export interface UpcomingPeriod {
  key: string;
  start: BusinessDate;
  end: BusinessDate;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  lines: ChargeLine[];
  totalWon: bigint;
}

/** Far enough ahead for `count` annual periods after a long pause or trial. */
const LOOK_AHEAD_DAYS = 366 * 4;

/**
 * The next `count` periods not invoiced yet (missed ones first), with their charges as the engine
 * will compute them — the same pure rules, nothing issued.
 */
export function upcomingPeriods(terms: SubscriptionTerms, settings: SubscriptionSettings, options: { issuedKeys: ReadonlySet<string>; today: BusinessDate; count: number; contractId?: number }): UpcomingPeriod[] {
  const context = { contract: { id: options.contractId ?? 0, payerId: 0, storeId: null, startsOn: terms.startOn }, terms, settings, inputs: undefined };
  return subscriptionRules
    .periods(context, addDays(options.today, LOOK_AHEAD_DAYS))
    .filter((p) => !options.issuedKeys.has(p.key))
    .slice(0, options.count)
    .map((period) => {
      const lines = subscriptionRules.charges(context, period);
      return { ...period, lines, totalWon: chargeTotal(lines) };
    });
}
