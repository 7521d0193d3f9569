import { DomainError, formatWon, vatOf, type BillingPeriod, type ChargeLine, type Won } from "@sunap/core";
import type { Plan } from "./plan.ts";
import { scheduleOf, type ScheduledPeriod } from "./schedule.ts";
import type { Discount, Subscription } from "./subscription.ts";
import { splitVatIncluded } from "./vat.ts";

export const SUBSCRIPTION_REVENUE_ACCOUNT = "revenue_subscription";
export const VAT_PAYABLE_ACCOUNT = "vat_payable";

/**
 * What a subscription owes for one of its periods (as listed by `subscriptionPeriods`).
 *
 * - Proration is daily: price × billed days ÷ days in the whole period, truncated to the won;
 *   a whole period is exactly the price.
 * - Discounts apply to regular periods: a percentage of the period's (prorated) price truncated to
 *   the won, or a fixed amount; together they never take the period below zero.
 * - VAT: on top of the price (10% of the net supply, truncated), or split out of a VAT-inclusive
 *   price once on the period's total (see `splitVatIncluded`), or none for a tax-exempt plan.
 * Lines with a zero amount are left out.
 */
export function subscriptionCharges(subscription: Subscription, plan: Plan, period: BillingPeriod): ChargeLine[] {
  const schedule = scheduleOf(subscription, plan, period.issueOn);
  const found = schedule.find((s) => s.period.key === period.key);
  if (!found) throw new DomainError("INVALID", "subscription.unknown_period", { key: period.key });

  if (found.kind === "upgrade") {
    const differenceWon = found.plan.priceWon - (found.previousPriceWon ?? 0n);
    const amountWon = prorate(differenceWon, found);
    const basis = {
      ko: `요금 차액 ${formatWon(differenceWon, "ko")} × ${found.billableDays}/${found.nominal.days}일 (원 미만 절사)`,
      en: `Price difference ${formatWon(differenceWon, "en")} × ${found.billableDays}/${found.nominal.days} days (truncated to the won)`,
    };
    const label = { ko: `요금제 변경: ${found.plan.name.ko}`, en: `Plan change: ${found.plan.name.en}` };
    return withVat(found.plan, { kind: "plan_change", label, amountWon, creditAccount: SUBSCRIPTION_REVENUE_ACCOUNT, basis }, []);
  }

  const priceWon = prorate(found.plan.priceWon, found);
  const whole = found.billableDays === found.nominal.days;
  const priceLine: ChargeLine = {
    kind: whole ? "subscription" : "proration",
    label: { ko: found.plan.name.ko, en: found.plan.name.en },
    amountWon: priceWon,
    creditAccount: SUBSCRIPTION_REVENUE_ACCOUNT,
    basis: whole
      ? { ko: `${found.period.start} ~ ${found.period.end}`, en: `${found.period.start} to ${found.period.end}` }
      : {
          ko: `${formatWon(found.plan.priceWon, "ko")} × ${found.billableDays}/${found.nominal.days}일 (일할, 원 미만 절사)`,
          en: `${formatWon(found.plan.priceWon, "en")} × ${found.billableDays}/${found.nominal.days} days (daily proration, truncated to the won)`,
        },
  };
  const discounts = discountLines(subscription, schedule, found, priceWon);
  return withVat(found.plan, priceLine, discounts);
}

/** Price × billed days ÷ days in the whole period, truncated to the won. */
function prorate(priceWon: Won, scheduled: ScheduledPeriod): Won {
  return (priceWon * BigInt(scheduled.billableDays)) / BigInt(scheduled.nominal.days);
}

function discountLines(subscription: Subscription, schedule: readonly ScheduledPeriod[], current: ScheduledPeriod, priceWon: Won): ChargeLine[] {
  const regular = schedule.filter((s) => s.kind === "regular");
  let remainingWon = priceWon;
  const lines: ChargeLine[] = [];
  for (const discount of subscription.discounts) {
    const startsOn = discount.startsOn ?? subscription.startOn;
    if (current.period.start < startsOn) continue;
    const index = regular.filter((s) => s.period.start >= startsOn && s.period.start < current.period.start).length;
    if (discount.periods != null && index >= discount.periods) continue;
    const wantedWon = discount.kind === "fixed" ? discount.amountWon : (priceWon * BigInt(discount.percent)) / 100n;
    const amountWon = wantedWon < remainingWon ? wantedWon : remainingWon;
    remainingWon -= amountWon;
    lines.push({ kind: "discount", label: discount.label ?? defaultDiscountLabel, amountWon: -amountWon, creditAccount: SUBSCRIPTION_REVENUE_ACCOUNT, basis: discountBasis(discount, index) });
  }
  return lines;
}

const defaultDiscountLabel = { ko: "할인", en: "Discount" };

function discountBasis(discount: Discount, index: number): { ko: string; en: string } {
  const what =
    discount.kind === "fixed"
      ? { ko: formatWon(discount.amountWon, "ko"), en: formatWon(discount.amountWon, "en") }
      : { ko: `${discount.percent}% (원 미만 절사)`, en: `${discount.percent}% (truncated to the won)` };
  if (discount.periods == null) return what;
  return { ko: `${what.ko}, ${discount.periods}회 중 ${index + 1}회차`, en: `${what.en}, period ${index + 1} of ${discount.periods}` };
}

/**
 * Adds VAT by the plan's setting. For a VAT-inclusive price the total is split once; each line is
 * then stated at its supply value, and the first line absorbs the won left over by the truncation
 * so that the lines still add up to the total the payer was quoted.
 */
function withVat(plan: Plan, first: ChargeLine, rest: readonly ChargeLine[]): ChargeLine[] {
  const all = [first, ...rest];
  const netWon = all.reduce((sum, line) => sum + line.amountWon, 0n);
  if (plan.taxExempt) return all.filter(nonZero);
  if (!plan.vatIncluded) {
    const vatWon = vatOf(netWon);
    return [...all, vatLine(vatWon, { ko: `공급가액 ${formatWon(netWon, "ko")}의 10% (원 미만 절사)`, en: `10% of ${formatWon(netWon, "en")} (truncated to the won)` })].filter(nonZero);
  }
  const { supplyWon, vatWon } = splitVatIncluded(netWon);
  const restAtSupply = rest.map((line) => ({ ...line, amountWon: -splitVatIncluded(-line.amountWon).supplyWon }));
  const firstAtSupply = supplyWon - restAtSupply.reduce((sum, line) => sum + line.amountWon, 0n);
  return [
    { ...first, amountWon: firstAtSupply },
    ...restAtSupply,
    vatLine(vatWon, { ko: `부가세 포함 금액 ${formatWon(netWon, "ko")} − 공급가액 ${formatWon(supplyWon, "ko")} (공급가액 = 합계 ÷ 1.1, 원 미만 절사)`, en: `VAT-inclusive ${formatWon(netWon, "en")} − supply ${formatWon(supplyWon, "en")} (supply = total ÷ 1.1, truncated to the won)` }),
  ].filter(nonZero);
}

function vatLine(amountWon: Won, basis: { ko: string; en: string }): ChargeLine {
  return { kind: "vat", label: { ko: "부가세", en: "VAT" }, amountWon, creditAccount: VAT_PAYABLE_ACCOUNT, basis };
}

const nonZero = (line: ChargeLine) => line.amountWon !== 0n;
