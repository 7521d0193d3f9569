import { DomainError, type BillingPeriod, type BusinessDate, type ChargeLine, type Won } from "@sunap/core";
import { dayOfMonth, firstDayOf, lastDayOf, monthOf, nextMonth } from "./calendar.ts";
import { isMonth, type Month } from "./inputs.ts";
import type { Gift, Pledge } from "./pledge.ts";

export const DONATION_INCOME_ACCOUNT = "donation_income";

/**
 * The day a month's gift is collected, or null when nothing is collected that month: before the
 * pledge starts (a start after the month's collection day begins with the next month), on or
 * after its cancellation, or on a paused day.
 */
export function pledgeCollectionOn(pledge: Pledge, month: Month): BusinessDate | null {
  const on = dayOfMonth(month, pledge.dayOfMonth);
  if (on < pledge.startOn) return null;
  if (pledge.cancelledOn && on >= pledge.cancelledOn) return null;
  if (pledge.pauses.some((p) => p.from <= on && (!p.until || on < p.until))) return null;
  return on;
}

/**
 * Every month of a pledge collected on or before `through`, oldest first, keyed `YYYY-MM` —
 * a catch-up run yields each missed month once. A month's period is the calendar month; it is
 * issued and due on its collection day. Donations are never prorated.
 */
export function pledgePeriods(pledge: Pledge, options: { through: BusinessDate }): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  for (let month = monthOf(pledge.startOn); dayOfMonth(month, pledge.dayOfMonth) <= options.through; month = nextMonth(month)) {
    if (pledge.cancelledOn && dayOfMonth(month, pledge.dayOfMonth) >= pledge.cancelledOn) break;
    const on = pledgeCollectionOn(pledge, month);
    if (on) periods.push({ start: firstDayOf(month), end: lastDayOf(month), issueOn: on, dueOn: on, key: month });
  }
  return periods;
}

/** The monthly amount in force on a day: the latest change effective on or before it. */
export function pledgeAmountOn(pledge: Pledge, day: BusinessDate): Won {
  const changes = [...pledge.amountChanges].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1));
  return changes.findLast((c) => c.effectiveOn <= day)?.monthlyAmountWon ?? pledge.monthlyAmountWon;
}

/**
 * One donation line for the month, at the amount in force on its collection day (an upgrade
 * counts from the first collection on or after its date), to donation income — donations carry
 * no VAT. Nothing for a month without a collection.
 */
export function pledgeCharges(pledge: Pledge, period: BillingPeriod): ChargeLine[] {
  if (!isMonth(period.key)) throw new DomainError("INVALID", "donations.unknown_period", { key: period.key });
  const on = pledgeCollectionOn(pledge, period.key);
  if (!on) return [];
  return [
    {
      kind: "donation",
      label: { ko: "정기후원금", en: "Monthly donation" },
      amountWon: pledgeAmountOn(pledge, on),
      creditAccount: DONATION_INCOME_ACCOUNT,
      basis: describe(`${period.key} 정기후원`, `${period.key} monthly pledge`, pledge),
    },
  ];
}

/** A one-off gift's period: the day of the gift, keyed by its id. */
export function giftPeriod(gift: Gift, giftId: string): BillingPeriod {
  return { start: gift.on, end: gift.on, issueOn: gift.on, dueOn: gift.on, key: `gift-${giftId}` };
}

export function giftCharges(gift: Gift): ChargeLine[] {
  return [
    {
      kind: "gift",
      label: { ko: "일시후원금", en: "One-off gift" },
      amountWon: gift.amountWon,
      creditAccount: DONATION_INCOME_ACCOUNT,
      basis: describe(`${gift.on} 일시후원`, `${gift.on} one-off gift`, gift),
    },
  ];
}

function describe(ko: string, en: string, target: { campaign?: string | null; fund?: string | null }): { ko: string; en: string } {
  const parts = { ko: [ko], en: [en] };
  if (target.campaign) {
    parts.ko.push(`캠페인 ${target.campaign}`);
    parts.en.push(`campaign ${target.campaign}`);
  }
  if (target.fund) {
    parts.ko.push(`기금 ${target.fund}`);
    parts.en.push(`fund ${target.fund}`);
  }
  return { ko: parts.ko.join(", "), en: parts.en.join(", ") };
}
