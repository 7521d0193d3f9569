import type { PlanInterval } from "../billing/plan.ts";

export const INTERVAL_LABELS: Record<PlanInterval, { ko: string; en: string }> = {
  monthly: { ko: "월간", en: "monthly" },
  quarterly: { ko: "분기", en: "quarterly" },
  annual: { ko: "연간", en: "annual" },
};
