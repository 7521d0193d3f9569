/**
 * Why a registration or a debit failed (불능사유), with the 4-character code Sunap's result files
 * carry. The letter groups them: A = the account, C = the consent/registration, D = the debit.
 * "0000" in a file means no failure.
 */
export const CMS_REASONS = {
  invalid_account: { code: "A001", ko: "계좌번호 오류", en: "Invalid account number", appliesTo: ["registration", "debit"] },
  account_closed: { code: "A002", ko: "해지된 계좌", en: "Account closed", appliesTo: ["registration", "debit"] },
  holder_mismatch: { code: "A003", ko: "예금주 불일치", en: "Account holder name mismatch", appliesTo: ["registration"] },
  birth_or_business_number_mismatch: {
    code: "A004",
    ko: "생년월일/사업자번호 불일치",
    en: "Birth date or business number mismatch",
    appliesTo: ["registration", "debit"],
  },
  not_cms_eligible: { code: "A005", ko: "CMS 출금이체 불가 계좌", en: "Account not eligible for CMS debits", appliesTo: ["registration"] },
  consent_withdrawn_at_bank: { code: "C001", ko: "은행에서 출금동의 해지", en: "Consent withdrawn at the bank", appliesTo: ["debit"] },
  duplicate_registration: { code: "C002", ko: "이미 등록된 계좌", en: "Already registered (duplicate)", appliesTo: ["registration"] },
  no_registration_found: { code: "C003", ko: "출금이체 등록 없음", en: "No registration found", appliesTo: ["registration", "debit"] },
  insufficient_funds: { code: "D001", ko: "잔액 부족", en: "Insufficient funds", appliesTo: ["debit"] },
  frozen_or_seized: { code: "D002", ko: "압류·거래정지 계좌", en: "Account frozen or seized", appliesTo: ["debit"] },
  payment_stopped: { code: "D003", ko: "예금주 지급정지", en: "Payment stopped by the holder", appliesTo: ["debit"] },
  limit_exceeded: { code: "D004", ko: "출금 한도 초과", en: "Debit limit exceeded", appliesTo: ["debit"] },
} as const satisfies Record<string, { code: string; ko: string; en: string; appliesTo: readonly ("registration" | "debit")[] }>;

export type CmsReason = keyof typeof CMS_REASONS;

/** The code a result file carries when a record did not fail. */
export const NO_REASON_CODE = "0000";

const BY_CODE = new Map<string, CmsReason>(Object.entries(CMS_REASONS).map(([reason, entry]) => [entry.code, reason as CmsReason]));

export function reasonForCode(code: string): CmsReason | undefined {
  return BY_CODE.get(code);
}

export function reasonLabel(reason: CmsReason, locale: "ko" | "en"): string {
  return CMS_REASONS[reason][locale];
}
