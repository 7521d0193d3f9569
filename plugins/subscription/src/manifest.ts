import { definePluginManifest } from "@sunap/core";

export const subscriptionManifest = definePluginManifest({
  id: "subscription",
  name: { ko: "정기구독", en: "Subscriptions" },
  description: { ko: "회원제·학원·구독 요금을 주기별로 청구합니다.", en: "Bills memberships, academies and subscriptions on their cycle." },
  icon: "AppstoreOutlined",
  accounts: [{ code: "revenue_subscription", name: { ko: "구독 매출", en: "Subscription revenue" }, type: "revenue" }],
  reportDimensions: ["plan", "interval"],
});
