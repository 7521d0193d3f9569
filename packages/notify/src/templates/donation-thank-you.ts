import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** Thanks a donor once, after their first gift was actually collected. */
export const donationThankYou = defineTemplate({
  code: "donation_thank_you",
  variables: z.strictObject({
    creditorName: vars.text(50),
    payerName: vars.text(50),
    amountWon: vars.won(),
    paidOn: vars.date(),
    /** Where a donor giving by auto-debit changes the account or stops it (출금동의 변경·해지). */
    manageUrl: vars.url().optional(),
  }),
  text: {
    ko: (v, f) => ({
      subject: `[${v.creditorName}] 후원에 감사드립니다`,
      body: `[${v.creditorName}] ${v.payerName}님, 보내주신 첫 후원금 ${f.won(v.amountWon)}이 ${f.date(v.paidOn)}에 잘 전달되었습니다. 따뜻한 마음에 깊이 감사드립니다. 후원금은 약속한 곳에 소중히 쓰겠습니다.` + (v.manageUrl ? `\n자동이체 변경·해지: ${v.manageUrl}` : ""),
    }),
    en: (v, f) => ({
      subject: `[${v.creditorName}] Thank you for your gift`,
      body: `[${v.creditorName}] ${v.payerName}, your first gift of ${f.won(v.amountWon)} reached us on ${f.date(v.paidOn)}. Thank you for your kindness: we will put it to the use we promised.` + (v.manageUrl ? `\nChange or stop your automatic debit: ${v.manageUrl}` : ""),
    }),
  },
  alimtalk: { templateCode: "SUNAP_DONATION_THANKS_V2" },
});
