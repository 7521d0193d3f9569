import { describe, expect, it } from "vitest";
import { maskAddress, maskDigits, maskEmail, maskForAudit, maskName } from "./masking.ts";

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
  it("keeps a name's first and last letters, an e-mail's first letter and domain, an address's district", () => {
    expect(maskName("홍길동")).toBe("홍*동");
    expect(maskName("김철")).toBe("김*");
    expect(maskName("남궁민수")).toBe("남**수");
    expect(maskName("수납상사, 주식회사")).toBe("수********사");
    expect(maskEmail("minji.kim@example.kr")).toBe("m***@example.kr");
    expect(maskAddress("서울특별시 강남구 테헤란로 1")).toBe("서울특별시 강남구 …");
  });
  it("masks a payer record's names, e-mail, address and transfer reference, and any holder or payer name anywhere", () => {
    const payer = { name: "홍길동", email: "hong@example.kr", address: "부산광역시 해운대구 우동 1", reference: "홍길동 입금", nested: { holderName: "홍길동" } };
    expect(maskForAudit(payer, "", { payerRecord: true })).toEqual({ name: "홍*동", email: "h***@example.kr", address: "부산광역시 해운대구 …", reference: "홍****금", nested: { holderName: "홍*동" } });
    // A store's or a plan's name is not a person's: left as it is outside payer records.
    expect(maskForAudit({ name: "잠실점", payerName: "홍길동" })).toEqual({ name: "잠실점", payerName: "홍*동" });
  });
});
