import { describe, expect, it } from "vitest";
import { cp949ByteLength, isCp949Encodable, textMessageType } from "./sms-length.ts";
import { renderTemplate } from "./templates/index.ts";

describe("SMS length in CP949 bytes", () => {
  it.each([
    ["ASCII", "Hello", 5],
    ["Hangul syllables, two bytes each", "수납", 4],
    ["a syllable outside EUC-KR's 2,350 but inside CP949", "똠", 2],
    ["mixed", "[수납] 123", 10],
  ])("counts %s", (_what, text, bytes) => {
    expect(cp949ByteLength(text)).toBe(bytes);
  });

  it.each([
    ["90 ASCII bytes", "a".repeat(90), "sms"],
    ["91 ASCII bytes", "a".repeat(91), "lms"],
    ["45 Hangul syllables (90 bytes)", "가".repeat(45), "sms"],
    ["46 Hangul syllables (92 bytes), though only 46 characters", "가".repeat(46), "lms"],
    ["1,000 Hangul syllables (2,000 bytes)", "가".repeat(1_000), "lms"],
    ["1,001 Hangul syllables", "가".repeat(1_001), undefined],
  ])("sends %s as %s", (_what, body, type) => {
    expect(textMessageType(body)).toBe(type);
  });

  it("knows an emoji has no CP949 form", () => {
    expect(isCp949Encodable("안녕하세요")).toBe(true);
    expect(isCp949Encodable("안녕 😀")).toBe(false);
  });

  it("fits a one-time code message in one SMS, and an enrollment link needs an LMS", () => {
    const otp = renderTemplate("otp_code", { creditorName: "수납피트니스", code: "123456" }, { locale: "ko" });
    expect(textMessageType(otp.body)).toBe("sms");
    const link = renderTemplate("enrollment_link", { creditorName: "수납피트니스", linkUrl: "https://sunap.example.kr/e/Ab3dE", expiresAt: new Date("2026-03-20T09:00:00Z") }, { locale: "ko" });
    expect(textMessageType(link.body)).toBe("lms");
  });
});
