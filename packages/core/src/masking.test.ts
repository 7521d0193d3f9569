import { describe, expect, it } from "vitest";
import { maskDigits, maskForAudit } from "./masking.ts";

describe("masking", () => {
  it("shows only the last four digits of an account number, keeping its dashes", () => {
    expect(maskDigits("110-123-457890")).toBe("***-***-**7890");
  });
  it("masks a phone number the same way", () => {
    expect(maskDigits("010-1234-5678")).toBe("***-****-5678");
  });
  it("drops passwords and tokens from audit records and masks personal numbers", () => {
    expect(maskForAudit({ email: "a@b.kr", password: "secret123", phone: "01012345678", nested: { accountNumber: "1234567890" }, amountWon: 5n })).toEqual({
      email: "a@b.kr",
      password: "[redacted]",
      phone: "*******5678",
      nested: { accountNumber: "******7890" },
      amountWon: "5",
    });
  });
});
