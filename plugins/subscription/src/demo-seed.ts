import { addDays, addMonths, dayOfMonth, monthOf, type BusinessDate } from "@sunap/core";
import type { DemoSeedContext } from "@sunap/api";
import { dateParts } from "./billing/calendar.ts";
import type { Discount, Pause } from "./billing/subscription.ts";
import { SubscriptionTerms } from "./contract/terms.ts";
import { subscriptionManifest } from "./manifest.ts";
import { planColumns, planCopy, PlanInput } from "./plans/plan-input.ts";

const DEMO_PLANS = [
  { code: "GYM_BASIC", nameKo: "헬스 베이직 월회원", nameEn: "Gym basic (monthly)", interval: "monthly", priceWon: 55_000n, trialDays: 0, vat: "included", dueAfterDays: 0 },
  { code: "PILATES", nameKo: "필라테스 월 8회", nameEn: "Pilates, 8 classes a month", interval: "monthly", priceWon: 180_000n, trialDays: 14, vat: "included", dueAfterDays: 3 },
  { code: "ACADEMY_Q", nameKo: "영어학원 분기 수강료", nameEn: "English academy (quarterly tuition)", interval: "quarterly", priceWon: 540_000n, trialDays: 0, vat: "exempt", dueAfterDays: 7 },
] as const;

/** A day `monthsBack` months before today, on day `day` of that month (clamped to its length). */
const monthsAgo = (today: BusinessDate, monthsBack: number, day: number): BusinessDate => dayOfMonth(addMonths(monthOf(today), -monthsBack), day);

/**
 * Demo plans and three subscriptions started months ago, so the seed's billing run issues their
 * history by catch-up: a gym membership with a first-quarter discount, a pilates course that began
 * with a two-week trial, and quarterly academy tuition on calendar months that is paused now.
 */
export async function seedSubscriptionDemo(context: DemoSeedContext): Promise<void> {
  const { db, today } = context;
  const plans = new Map<string, ReturnType<typeof planCopy>>();
  for (const demo of DEMO_PLANS) {
    const data = planColumns(PlanInput.parse(demo));
    const row = await db.subscriptionPlan.upsert({ where: { code: data.code }, update: {}, create: data });
    plans.set(row.code, planCopy(row));
  }

  const payers = context.payers.filter((p) => p.plugins.includes(subscriptionManifest.id));
  if (payers.length === 0) return;
  const academyStart = monthsAgo(today, 5, 1);
  const scenarios: { plan: string; startOn: BusinessDate; anchorDay?: number; discounts?: Discount[]; pauses?: Pause[] }[] = [
    { plan: "GYM_BASIC", startOn: monthsAgo(today, 4, 10), discounts: [{ kind: "percent", percent: 10, periods: 3, label: { ko: "신규 가입 10% 할인 (3개월)", en: "New member 10% off (3 months)" } }] },
    { plan: "PILATES", startOn: monthsAgo(today, 3, 20) },
    // Paused since the start of last month, open-ended: resuming it from the admin bills again.
    { plan: "ACADEMY_Q", startOn: academyStart, anchorDay: 1, pauses: [{ from: monthsAgo(today, 1, 1), until: null }] },
  ];
  for (const [index, scenario] of scenarios.entries()) {
    const payer = payers[index % payers.length]!;
    const plan = plans.get(scenario.plan)!;
    const already = await db.contract.findFirst({ where: { pluginId: subscriptionManifest.id, payerId: payer.id, title: { startsWith: plan.name.ko } } });
    if (already) continue;
    const terms = SubscriptionTerms.parse({
      planCode: plan.code,
      plan,
      startOn: scenario.startOn,
      anchorDay: scenario.anchorDay ?? dateParts(addDays(scenario.startOn, plan.trialDays)).day,
      status: scenario.pauses ? "paused" : "active",
      pauses: scenario.pauses ?? [],
      discounts: scenario.discounts ?? [],
    });
    await context.contracts.create({ pluginId: subscriptionManifest.id, payerId: payer.id, storeId: payer.storeId, terms }, context.actor);
  }
}
