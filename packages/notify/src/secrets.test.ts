import { describe, expect, it } from "vitest";
import { maskLongNumbers, parseSecrets, revealSecrets, secretSpans, serializeSecrets } from "./secrets.ts";
import { maskEmail } from "./recipient.ts";

describe("secrets in message bodies", () => {
  it("finds each secret where the masked rendering differs and puts it back", () => {
    const body = "code [123456], again [123456]";
    const masked = "code [******], again [******]";
    const spans = secretSpans(body, masked);
    expect(spans).toEqual([
      { at: 6, value: "123456" },
      { at: 22, value: "123456" },
    ]);
    expect(revealSecrets(masked, parseSecrets(serializeSecrets(spans)))).toBe(body);
  });

  it("refuses spans that do not fit the masked body", () => {
    expect(() => revealSecrets("code [123456]", [{ at: 6, value: "123456" }])).toThrow(/does not match/);
  });
});

describe("masks in message lists", () => {
  it.each([
    ["an account number", "계좌 110-123-456789로 입금", "계좌 ***-***-**6789로 입금"],
    ["a phone number", "문의 010-1234-5678", "문의 ***-****-5678"],
    ["digits only", "가상계좌 12345678901234", "가상계좌 **********1234"],
    ["amounts, dates and short codes stay", "1,234,500원 2026-03-25 [******] 1588-1234", "1,234,500원 2026-03-25 [******] 1588-1234"],
  ])("masks %s", (_what, text, expected) => {
    expect(maskLongNumbers(text)).toBe(expected);
  });

  it.each([
    ["minji@example.kr", "mi***@example.kr"],
    ["kim@example.kr", "k***@example.kr"],
    ["a@example.kr", "***@example.kr"],
    ["not-an-address", "***"],
  ])("masks the e-mail %s as %s", (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });
});
