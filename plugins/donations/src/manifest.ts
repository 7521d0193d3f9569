import { definePluginManifest } from "@sunap/core";

export const donationsManifest = definePluginManifest({
  id: "donations",
  name: { ko: "정기후원", en: "Donations" },
  description: { ko: "정기후원 약정과 일시후원을 받고 기부금 영수증을 발행합니다.", en: "Collects monthly pledges and one-off gifts, and issues donation receipts." },
  icon: "HeartOutlined",
  accounts: [{ code: "donation_income", name: { ko: "기부금 수입", en: "Donation income" }, type: "revenue" }],
  reportDimensions: ["campaign", "fund"],
});
