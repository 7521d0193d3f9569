export type AccountType = "asset" | "liability" | "equity" | "revenue" | "expense";

export interface AccountDefinition {
  code: string;
  name: { ko: string; en: string };
  type: AccountType;
}

/** The core chart. Plugins add their own revenue accounts through their manifest. */
export const CORE_ACCOUNTS = [
  { code: "receivables", name: { ko: "매출채권", en: "Receivables" }, type: "asset" },
  { code: "loans_receivable", name: { ko: "대여금", en: "Loans receivable" }, type: "asset" },
  { code: "bank_clearing", name: { ko: "CMS 정산대기", en: "Bank clearing" }, type: "asset" },
  { code: "cash", name: { ko: "보통예금", en: "Cash at bank" }, type: "asset" },
  { code: "unearned_revenue", name: { ko: "선수수익", en: "Unearned revenue" }, type: "liability" },
  { code: "vat_payable", name: { ko: "부가세예수금", en: "VAT payable" }, type: "liability" },
  { code: "customer_credits", name: { ko: "고객 선수금", en: "Customer credits" }, type: "liability" },
  { code: "opening_balance_equity", name: { ko: "기초잔액 자본", en: "Opening balance equity" }, type: "equity" },
  { code: "interest_income", name: { ko: "이자수익", en: "Interest income" }, type: "revenue" },
  { code: "late_fee_income", name: { ko: "연체료수익", en: "Late-fee income" }, type: "revenue" },
  { code: "fees_expense", name: { ko: "지급수수료", en: "Fees" }, type: "expense" },
  { code: "write_off_expense", name: { ko: "대손상각비", en: "Write-off expense" }, type: "expense" },
] as const satisfies readonly AccountDefinition[];

export type CoreAccountCode = (typeof CORE_ACCOUNTS)[number]["code"];
