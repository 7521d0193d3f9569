import { definePluginManifest } from "@sunap/core";

export const loanRepaymentManifest = definePluginManifest({
  id: "loan-repayment",
  name: { ko: "대출 상환", en: "Loan repayments" },
  description: { ko: "대출 상환 스케줄에 따라 원금과 이자를 수납합니다.", en: "Collects principal and interest on each loan's repayment schedule." },
  icon: "BankOutlined",
  accounts: [],
  reportDimensions: ["product", "method"],
});
