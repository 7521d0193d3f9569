import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** The link a payer opens to give withdrawal consent online (출금동의 신청). */
export const enrollmentLink = defineTemplate({
  code: "enrollment_link",
  variables: z.strictObject({ creditorName: vars.text(50), linkUrl: vars.url(), expiresAt: vars.instant() }),
  text: {
    ko: (v, f) => ({
      subject: `[${v.creditorName}] 자동이체 출금동의 신청 안내`,
      body: `[${v.creditorName}] 자동이체(CMS) 출금동의 신청 안내\n아래 링크에서 출금 계좌를 등록하고 동의해 주세요.\n${v.linkUrl}\n링크 유효기간: ${f.dateTime(v.expiresAt)}까지`,
    }),
    en: (v, f) => ({
      subject: `[${v.creditorName}] Set up your automatic debit`,
      body: `[${v.creditorName}] Set up your automatic debit (CMS)\nRegister your bank account and give your consent here:\n${v.linkUrl}\nThe link is valid until ${f.dateTime(v.expiresAt)}.`,
    }),
  },
  alimtalk: {
    templateCode: "SUNAP_ENROLL_LINK_V1",
    buttons: (v, locale) => [{ name: locale === "ko" ? "출금동의 하기" : "Give consent", url: v.linkUrl }],
  },
});
