import { defineAdminPlugin } from "@sunap/core";
import { SubscriptionDetailPage } from "./admin/detail-page.tsx";
import { PlansPage } from "./admin/plans-page.tsx";
import { SubscriptionSettingsPage } from "./admin/settings-page.tsx";
import { StartSubscriptionPage } from "./admin/start-page.tsx";
import { SubscriptionsPage } from "./admin/subscriptions-page.tsx";
import { subscriptionManifest } from "./manifest.ts";

/** Admin half: subscriptions (list, start, detail with the lifecycle), the plan catalogue and settings. */
export const subscriptionAdmin = defineAdminPlugin({
  manifest: subscriptionManifest,
  pages: [
    { path: "contracts", label: { ko: "구독", en: "Subscriptions" }, element: <SubscriptionsPage /> },
    { path: "contracts/new", label: { ko: "구독 시작", en: "Start a subscription" }, element: <StartSubscriptionPage />, permission: "contract.write", hidden: true },
    { path: "contracts/:id", label: { ko: "구독 상세", en: "Subscription" }, element: <SubscriptionDetailPage />, hidden: true },
    { path: "plans", label: { ko: "요금제", en: "Plans" }, element: <PlansPage /> },
    { path: "settings", label: { ko: "설정", en: "Settings" }, element: <SubscriptionSettingsPage />, permission: "contract.write" },
  ],
});
