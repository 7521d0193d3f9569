/**
 * What a donor agrees to when giving their resident registration number (주민등록번호) for the tax
 * office's year-end settlement service. A change of wording is a new `taxConsentTermsVersion` in
 * the plugin's settings, and consents to an older version are not accepted for new numbers.
 */
export const TAX_CONSENT_TEXT = {
  ko: [
    "연말정산 간소화 서비스 제출을 위한 주민등록번호 수집·이용 동의 (선택)",
    "수집 목적: 기부금 영수증 발급명세를 국세청 연말정산 간소화 서비스에 제출하기 위함 (소득세법 제160조의3).",
    "수집 항목: 주민등록번호. 보유 기간: 동의 철회 시 또는 관련 법령이 정한 보존 기간까지.",
    "동의를 거부할 수 있으며, 거부하면 간소화 자료로 제출되지 않아 직접 영수증을 제출하셔야 합니다. 언제든 철회할 수 있습니다.",
  ].join("\n"),
  en: [
    "Consent to collect and use your resident registration number for the year-end tax service (optional)",
    "Purpose: to report your donation receipts to the National Tax Service's year-end settlement service.",
    "Item: resident registration number. Kept until you withdraw your consent or as long as the law requires.",
    "You may refuse; your receipts are then not reported and you submit them yourself. You may withdraw at any time.",
  ].join("\n"),
} as const;
