import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** The bank's answer to an account registration: registered, or rejected with its reason. */
export const registrationResult = defineTemplate({
  code: "registration_result",
  variables: z
    .strictObject({
      creditorName: vars.text(50),
      payerName: vars.text(50),
      bankName: vars.text(30),
      accountMasked: vars.maskedAccount(),
      result: z.enum(["registered", "rejected"]),
      reason: vars.text(100).optional(),
      /** Where to change the account or withdraw (출금동의 변경·해지), for a payer with a standing consent. */
      manageUrl: vars.url().optional(),
    })
    // A rejection without its reason would leave the payer guessing.
    .refine((v) => v.result === "registered" || v.reason !== undefined, { path: ["reason"], message: "a rejection needs its reason" }),
  text: {
    ko: (v) =>
      v.result === "registered"
        ? {
            subject: `[${v.creditorName}] 자동이체 계좌 등록 완료`,
            body: `[${v.creditorName}] ${v.payerName}님의 자동이체 계좌(${v.bankName} ${v.accountMasked})가 은행에 등록되었습니다.` + (v.manageUrl ? `\n계좌 변경·해지: ${v.manageUrl}` : ""),
          }
        : {
            subject: `[${v.creditorName}] 자동이체 계좌 등록 불가`,
            body:
              `[${v.creditorName}] ${v.payerName}님의 자동이체 계좌(${v.bankName} ${v.accountMasked})를 등록하지 못했습니다.\n사유: ${v.reason}\n계좌를 확인하신 뒤 다시 신청해 주세요.` +
              (v.manageUrl ? `\n다른 계좌로 변경: ${v.manageUrl}` : ""),
          },
    en: (v) =>
      v.result === "registered"
        ? {
            subject: `[${v.creditorName}] Your debit account is registered`,
            body: `[${v.creditorName}] ${v.payerName}, your account (${v.bankName} ${v.accountMasked}) is now registered with the bank for automatic debit.` + (v.manageUrl ? `\nChange or stop it: ${v.manageUrl}` : ""),
          }
        : {
            subject: `[${v.creditorName}] Your debit account could not be registered`,
            body:
              `[${v.creditorName}] ${v.payerName}, your account (${v.bankName} ${v.accountMasked}) could not be registered.\nReason: ${v.reason}\nPlease check the account and apply again.` +
              (v.manageUrl ? `\nUse another account: ${v.manageUrl}` : ""),
          },
  },
  alimtalk: { templateCode: "SUNAP_REGISTRATION_RESULT_V2" },
});
