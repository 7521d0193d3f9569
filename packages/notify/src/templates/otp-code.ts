import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** The one-time code that confirms a payer's phone: 6 digits, valid 3 minutes. The code is a secret. */
export const OTP_VALID_MINUTES = 3;

export const otpCode = defineTemplate({
  code: "otp_code",
  variables: z.strictObject({ creditorName: vars.text(30), code: vars.otpCode() }),
  secrets: ["code"],
  text: {
    ko: (v) => ({
      subject: `[${v.creditorName}] 인증번호 안내`,
      body: `[${v.creditorName}] 인증번호 [${v.code}]를 입력해 주세요. ${OTP_VALID_MINUTES}분간 유효합니다.`,
    }),
    en: (v) => ({
      subject: `[${v.creditorName}] Your verification code`,
      body: `[${v.creditorName}] Your verification code is [${v.code}]. It is valid for ${OTP_VALID_MINUTES} minutes.`,
    }),
  },
  alimtalk: { templateCode: "SUNAP_OTP_V1" },
});
