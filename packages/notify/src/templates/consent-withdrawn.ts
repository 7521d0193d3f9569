import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** Confirms a withdrawal of consent (출금동의 해지): no further debit is requested. */
export const consentWithdrawn = defineTemplate({
  code: "consent_withdrawn",
  variables: z.strictObject({ creditorName: vars.text(50), payerName: vars.text(50), withdrawnOn: vars.date() }),
  text: {
    ko: (v, f) => ({
      subject: `[${v.creditorName}] 자동이체 출금동의 해지 완료`,
      body: `[${v.creditorName}] ${v.payerName}님의 자동이체 출금동의가 ${f.date(v.withdrawnOn)}에 해지되었습니다. 이후 자동 출금은 요청되지 않습니다.`,
    }),
    en: (v, f) => ({
      subject: `[${v.creditorName}] Your automatic debit consent was withdrawn`,
      body: `[${v.creditorName}] ${v.payerName}, your automatic debit consent was withdrawn on ${f.date(v.withdrawnOn)}. No further debits will be requested.`,
    }),
  },
  alimtalk: { templateCode: "SUNAP_CONSENT_WITHDRAWN_V1" },
});
