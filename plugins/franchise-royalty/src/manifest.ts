import { definePluginManifest } from "@sunap/core";

export const franchiseRoyaltyManifest = definePluginManifest({
  id: "franchise-royalty",
  name: { ko: "가맹 로열티", en: "Franchise royalties" },
  description: { ko: "가맹점별 매출 보고에 따라 로열티와 고정 수수료를 청구합니다.", en: "Bills each store's royalty on its reported sales, plus fixed fees." },
  icon: "ShopOutlined",
  accounts: [{ code: "revenue_royalty", name: { ko: "로열티 수익", en: "Royalty revenue" }, type: "revenue" }, { code: "revenue_franchise_fees", name: { ko: "가맹 수수료 수익", en: "Franchise fee revenue" }, type: "revenue" }],
  reportDimensions: ["store", "region"],
});
