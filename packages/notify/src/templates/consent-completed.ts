import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** Sent when a payer has signed the withdrawal consent; carries the link to view or withdraw it. */
export const consentCompleted = defineTemplate({
  code: "consent_completed",
  variables: z.strictObject({ creditorName: vars.text(50), payerName: vars.text(50), bankName: vars.text(30), accountMasked: vars.maskedAccount(), manageUrl: vars.url() }),
  text: {
    ko: (v) => ({
      subject: `[${v.creditorName}] 자동이체 출금동의 완료`,
      body: `[${v.creditorName}] ${v.payerName}님, 자동이체 출금동의가 완료되었습니다.\n출금계좌: ${v.bankName} ${v.accountMasked}\n동의 내역 확인·해지: ${v.manageUrl}`,
    }),
    en: (v) => ({
      subject: `[${v.creditorName}] Your automatic debit consent is complete`,
      body: `[${v.creditorName}] ${v.payerName}, your automatic debit consent is complete.\nAccount: ${v.bankName} ${v.accountMasked}\nView or withdraw your consent: ${v.manageUrl}`,
    }),
  },
  alimtalk: {
    templateCode: "SUNAP_CONSENT_DONE_V1",
    buttons: (v, locale) => [{ name: locale === "ko" ? "동의 내역 보기" : "View consent", url: v.manageUrl }],
  },
});
