import { describe, expect, it } from "vitest";
import { renderTemplate, TEMPLATE_CODES, TEMPLATES, type TemplateCode, type TemplateVariables } from "./index.ts";
import { TemplateVariableError } from "./template.ts";
import { revealSecrets } from "../secrets.ts";

// 18:00 on 20 March 2026 in Seoul.
const expiresAt = new Date("2026-03-20T09:00:00.000Z");

const SAMPLES: { [C in TemplateCode]: TemplateVariables<C> } = {
  enrollment_link: { creditorName: "수납피트니스", linkUrl: "https://sunap.example.kr/e/Ab3dE", expiresAt },
  otp_code: { creditorName: "수납피트니스", code: "048213" },
  consent_completed: { creditorName: "수납피트니스", payerName: "홍길동", bankName: "KB국민은행", accountMasked: "***-***-**7890", manageUrl: "https://sunap.example.kr/m/Xy9" },
  consent_withdrawn: { creditorName: "수납피트니스", payerName: "홍길동", withdrawnOn: "2026-04-01" },
  registration_result: { creditorName: "수납피트니스", payerName: "홍길동", bankName: "신한은행", accountMasked: "******4321", result: "rejected", reason: "예금주 불일치" },
  invoice_issued: { creditorName: "수납피트니스", payerName: "홍길동", invoiceNumber: "2026-000077", amountWon: 1_234_500n, dueOn: "2026-03-25", collection: "auto_debit", bankName: "KB국민은행", invoiceUrl: "https://sunap.example.kr/i/77" },
  generic_notice: { creditorName: "수납피트니스", title: "휴관 안내", text: "3월 1일은 휴관합니다." },
  donation_thank_you: { creditorName: "나눔재단", payerName: "이준호", amountWon: 30_000n, paidOn: "2026-03-25" },
};

const render = <C extends TemplateCode>(code: C, locale: "ko" | "en", variables: TemplateVariables<C> = SAMPLES[code]) => renderTemplate(code, variables, { locale });

describe("message templates", () => {
  it.each([
    ["enrollment_link", "ko", "[수납피트니스] 자동이체(CMS) 출금동의 신청 안내\n아래 링크에서 출금 계좌를 등록하고 동의해 주세요.\nhttps://sunap.example.kr/e/Ab3dE\n링크 유효기간: 2026년 3월 20일 18:00까지"],
    ["enrollment_link", "en", "[수납피트니스] Set up your automatic debit (CMS)\nRegister your bank account and give your consent here:\nhttps://sunap.example.kr/e/Ab3dE\nThe link is valid until 20 Mar 2026, 18:00."],
    ["otp_code", "ko", "[수납피트니스] 인증번호 [048213]를 입력해 주세요. 3분간 유효합니다."],
    ["otp_code", "en", "[수납피트니스] Your verification code is [048213]. It is valid for 3 minutes."],
    ["consent_completed", "ko", "[수납피트니스] 홍길동님, 자동이체 출금동의가 완료되었습니다.\n출금계좌: KB국민은행 ***-***-**7890\n동의 내역 확인·해지: https://sunap.example.kr/m/Xy9"],
    ["consent_withdrawn", "ko", "[수납피트니스] 홍길동님의 자동이체 출금동의가 2026년 4월 1일에 해지되었습니다. 이후 자동 출금은 요청되지 않습니다."],
    ["consent_withdrawn", "en", "[수납피트니스] 홍길동, your automatic debit consent was withdrawn on 1 Apr 2026. No further debits will be requested."],
    ["registration_result", "ko", "[수납피트니스] 홍길동님의 자동이체 계좌(신한은행 ******4321)를 등록하지 못했습니다.\n사유: 예금주 불일치\n계좌를 확인하신 뒤 다시 신청해 주세요."],
    ["invoice_issued", "ko", "[수납피트니스] 홍길동님, 청구서가 발행되었습니다.\n청구번호: 2026-000077\n청구금액: 1,234,500원\n납부기한: 2026년 3월 25일\n납부방법: 자동이체 (납부기한에 KB국민은행 계좌에서 출금)\n청구서 보기: https://sunap.example.kr/i/77"],
    ["invoice_issued", "en", "[수납피트니스] 홍길동, your invoice has been issued.\nInvoice: 2026-000077\nAmount: ₩1,234,500\nDue: 25 Mar 2026\nPayment: automatic debit from your KB국민은행 account on the due date\nView the invoice: https://sunap.example.kr/i/77"],
    ["generic_notice", "ko", "[수납피트니스] 휴관 안내\n3월 1일은 휴관합니다."],
    ["donation_thank_you", "ko", "[나눔재단] 이준호님, 보내주신 첫 후원금 30,000원이 2026년 3월 25일에 잘 전달되었습니다. 따뜻한 마음에 깊이 감사드립니다. 후원금은 약속한 곳에 소중히 쓰겠습니다."],
  ] as const)("renders %s in %s", (code, locale, expected) => {
    expect(render(code, locale).body).toBe(expected);
  });

  it.each(TEMPLATE_CODES.flatMap((code) => (["ko", "en"] as const).map((locale) => [code, locale] as const)))("renders %s in %s with a subject and no placeholder left", (code, locale) => {
    const message = render(code, locale);
    expect(message.subject.length).toBeGreaterThan(0);
    for (const text of [message.subject, message.body, message.maskedBody]) expect(text).not.toMatch(/undefined|null|NaN|\[object |\$\{/);
  });

  it("says which variable is missing instead of sending 'undefined'", () => {
    const { linkUrl: _omitted, ...withoutLink } = SAMPLES.enrollment_link;
    const call = () => renderTemplate("enrollment_link", withoutLink as TemplateVariables<"enrollment_link">, { locale: "ko" });
    expect(call).toThrow(TemplateVariableError);
    expect(call).toThrow(/enrollment_link: variable "linkUrl" is missing/);
  });

  it.each([
    ["an empty name", "invoice_issued", { ...SAMPLES.invoice_issued, payerName: "  " }, "payerName", "missing"],
    ["an amount as a float", "invoice_issued", { ...SAMPLES.invoice_issued, amountWon: 1234.5 }, "amountWon", "invalid"],
    ["a due date that is not a date", "invoice_issued", { ...SAMPLES.invoice_issued, dueOn: "2026-02-30" }, "dueOn", "invalid"],
    ["a link that is not http(s)", "enrollment_link", { ...SAMPLES.enrollment_link, linkUrl: "javascript:alert(1)" }, "linkUrl", "invalid"],
    ["a code of five digits", "otp_code", { creditorName: "수납", code: "12345" }, "code", "invalid"],
    ["a full account number", "consent_completed", { ...SAMPLES.consent_completed, accountMasked: "110-123-456789" }, "accountMasked", "invalid"],
    ["a rejection without its reason", "registration_result", { ...SAMPLES.registration_result, reason: undefined }, "reason", "missing"],
    ["a variable the template does not have", "otp_code", { creditorName: "수납", code: "123456", payerName: "홍길동" }, "payerName", "unknown"],
  ] as const)("refuses %s", (_what, code, variables, variable, problem) => {
    try {
      renderTemplate(code, variables as never, { locale: "ko" });
      expect.unreachable("rendered");
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateVariableError);
      expect(error).toMatchObject({ templateCode: code, variable, problem });
    }
  });

  it("renders a registration that succeeded without a reason", () => {
    const { reason: _none, ...registered } = SAMPLES.registration_result;
    expect(render("registration_result", "en", { ...registered, result: "registered" }).body).toBe(
      "[수납피트니스] 홍길동, your account (신한은행 ******4321) is now registered with the bank for automatic debit.",
    );
  });

  it("shows a link's expiry in the organisation's time zone", () => {
    const utc = renderTemplate("enrollment_link", SAMPLES.enrollment_link, { locale: "en", timeZone: "UTC" });
    expect(utc.body).toContain("valid until 20 Mar 2026, 09:00.");
  });

  it("masks the one-time code in the stored body and keeps it apart, to be put back when sending", () => {
    const message = render("otp_code", "ko");
    expect(message.maskedBody).toBe("[수납피트니스] 인증번호 [******]를 입력해 주세요. 3분간 유효합니다.");
    expect(message.secrets).toEqual([{ at: message.maskedBody.indexOf("******"), value: "048213" }]);
    expect(revealSecrets(message.maskedBody, message.secrets)).toBe(message.body);
    expect(message.subject).not.toContain("048213");
  });

  it("keeps templates without secrets identical in stored and sent form", () => {
    for (const code of TEMPLATE_CODES.filter((c) => c !== "otp_code")) {
      const message = render(code, "ko");
      expect(message.maskedBody).toBe(message.body);
      expect(message.secrets).toEqual([]);
    }
  });

  it("adds the payer's manage link (출금동의 변경·해지) to an invoice, a registration result and a thank-you when given, as a line and an Alimtalk button", () => {
    const manageUrl = "https://sunap.example.kr/enroll/m1";
    const invoice = render("invoice_issued", "ko", { ...SAMPLES.invoice_issued, manageUrl });
    expect(invoice.body.endsWith(`\n자동이체 변경·해지: ${manageUrl}`)).toBe(true);
    expect(invoice.alimtalk?.buttons).toEqual([
      { name: "청구서 보기", url: "https://sunap.example.kr/i/77" },
      { name: "자동이체 변경·해지", url: manageUrl },
    ]);
    expect(render("registration_result", "en", { ...SAMPLES.registration_result, manageUrl }).body.endsWith(`\nUse another account: ${manageUrl}`)).toBe(true);
    expect(render("donation_thank_you", "ko", { ...SAMPLES.donation_thank_you, manageUrl }).body.endsWith(`\n자동이체 변경·해지: ${manageUrl}`)).toBe(true);
  });

  it("gives Alimtalk a registered template code and the link as a button", () => {
    expect(render("enrollment_link", "ko").alimtalk).toEqual({ templateCode: "SUNAP_ENROLL_LINK_V1", buttons: [{ name: "출금동의 하기", url: "https://sunap.example.kr/e/Ab3dE" }] });
    expect(render("generic_notice", "ko").alimtalk).toBeNull();
  });

  it("has a Korean and an English text for every template", () => {
    for (const template of Object.values(TEMPLATES)) expect(Object.keys(template.text).sort()).toEqual(["en", "ko"]);
  });
});
