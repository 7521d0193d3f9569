import { describe, expect, it } from "vitest";
import { accountLast4Index } from "./blind-index.ts";
import { keyringOf, randomKeyBase64 } from "./keyring-fixtures.ts";
import { maskAccountNumber, maskBirthDate, maskBusinessNumber, maskPersonal, maskPhone } from "./masking.ts";

describe("masks", () => {
  it("shows a mobile number's carrier code and last four digits: 010-****-5678", () => {
    expect(maskPhone("010-1234-5678")).toBe("010-****-5678");
    expect(maskPhone("01012345678")).toBe("010-****-5678");
    expect(maskPhone("+82 10 1234 5678")).toBe("010-****-5678");
    expect(maskPhone("011-123-4567")).toBe("011-***-4567");
  });

  it("masks landlines and personal numbers the same way, keeping the area code", () => {
    expect(maskPhone("02-123-4567")).toBe("02-***-4567");
    expect(maskPhone("0212345678")).toBe("02-****-5678");
    expect(maskPhone("031-123-4567")).toBe("031-***-4567");
    expect(maskPhone("0505-1234-5678")).toBe("0505-****-5678");
  });

  it("masks a phone number that does not parse entirely", () => {
    expect(maskPhone("123-45")).toBe("***-**");
    expect(maskPhone("call 010 1234 5678")).toBe("**** *** **** ****");
  });

  it("shows only an account number's last four digits, the ones its search index uses", () => {
    expect(maskAccountNumber("110-123-457890")).toBe("***-***-**7890");
    expect(maskAccountNumber("3333047890123")).toBe("*********0123");
    const keyring = keyringOf({ k1: randomKeyBase64() }, "k1");
    const visible = maskAccountNumber("110-123-457890").replace(/\D/g, "");
    expect(accountLast4Index(keyring, visible)).toBe(accountLast4Index(keyring, "110-123-457890"));
  });

  it("masks an account number with fewer than 8 digits entirely", () => {
    expect(maskAccountNumber("1234567")).toBe("*******");
  });

  it("shows a birth date's year only: 1990-**-**", () => {
    expect(maskBirthDate("1990-01-31")).toBe("1990-**-**");
    expect(maskBirthDate("19900131")).toBe("1990-**-**");
    expect(maskBirthDate(new Date(Date.UTC(1990, 0, 31)))).toBe("1990-**-**");
    expect(maskBirthDate("31/01/1990")).toBe("****-**-**");
    expect(maskBirthDate(new Date(Number.NaN))).toBe("****-**-**");
  });

  it("shows a business number's tax-office and type codes only: 123-45-*****", () => {
    expect(maskBusinessNumber("123-45-67890")).toBe("123-45-*****");
    expect(maskBusinessNumber("1234567890")).toBe("123-45-*****");
    expect(maskBusinessNumber("123-45-678")).toBe("***-**-***");
  });

  it("dispatches by kind", () => {
    expect(maskPersonal("phone", "01012345678")).toBe("010-****-5678");
    expect(maskPersonal("account_number", "110123457890")).toBe("********7890");
    expect(maskPersonal("birth_date", "1990-01-31")).toBe("1990-**-**");
    expect(maskPersonal("business_number", "1234567890")).toBe("123-45-*****");
  });
});
