import { describe, expect, it } from "vitest";
import { BANKS, findBank, normalizeAccountNumber, validateAccountNumber, type Bank } from "./banks.ts";

describe("the bank list", () => {
  it("has one entry per three-digit code, each named in Korean and English", () => {
    const codes = BANKS.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const bank of BANKS) {
      expect(bank.code).toMatch(/^\d{3}$/);
      expect(bank.name.ko && bank.name.en).toBeTruthy();
    }
  });

  it("includes the banks, the cooperatives, the internet banks and the CMS securities firms", () => {
    const required = ["002", "003", "004", "007", "011", "012", "020", "023", "027", "031", "032", "034", "035", "037", "039", "045", "048", "050", "064", "071", "081", "088", "089", "090", "092"];
    const securities = ["209", "218", "238", "240", "243", "247", "261", "262", "263", "264", "266", "267", "269", "270", "278", "279", "280", "287"];
    for (const code of [...required, ...securities]) expect(findBank(code)?.acceptsCms, code).toBe(true);
    expect(findBank("090")?.name.ko).toBe("카카오뱅크");
  });
});

describe("validateAccountNumber", () => {
  it.each([
    ["090", "3333123456789", "a 13-digit KakaoBank number"],
    ["092", "100012345678", "a 12-digit Toss Bank number"],
    ["004", "12345678901234", "a 14-digit KB number"],
    ["004", "123456789012", "a 12-digit (old) KB number"],
    ["088", "110123456789", "a 12-digit Shinhan number"],
    ["050", "1234567890", "a savings bank number, whose length is not fixed (10–16)"],
    ["264", "1234567890123456", "a 16-digit securities account"],
  ])("accepts %s %s (%s)", (bankCode, digits) => {
    expect(validateAccountNumber(bankCode, digits)).toMatchObject({ ok: true, bank: { code: bankCode } });
  });

  it.each([
    ["999", "1234567890123", "account.unknown_bank"],
    ["090", "", "account.empty"],
    ["090", "3333-12-3456789", "account.not_digits"],
    ["090", "33331234567", "account.too_short"],
    ["092", "1000123456789", "account.too_long"],
    ["004", "1234567890123", "account.length_not_allowed"],
    ["050", "123456789", "account.too_short"],
    ["050", "12345678901234567", "account.too_long"],
    ["090", "0000000000000", "account.repeated_digit"],
  ])("refuses bank %s account %j with %s", (bankCode, digits, code) => {
    expect(validateAccountNumber(bankCode, digits)).toMatchObject({ ok: false, code });
  });

  it("names the lengths a bank allows, so the page can say what is expected", () => {
    expect(validateAccountNumber("004", "1234567890123")).toEqual({
      ok: false,
      code: "account.length_not_allowed",
      params: { bankName: "KB국민은행", lengths: "10, 11, 12, 14" },
    });
  });

  it("refuses an institution the admin marked as not accepting CMS", () => {
    const banks: Bank[] = [{ code: "999", name: { ko: "테스트증권", en: "Test Securities" }, kind: "securities", acceptsCms: false }];
    expect(validateAccountNumber("999", "1234567890", banks)).toMatchObject({ ok: false, code: "account.cms_not_accepted" });
  });

  it("normalises what a payer types by dropping hyphens and spaces", () => {
    expect(normalizeAccountNumber(" 3333-12 3456789 ")).toBe("3333123456789");
  });
});
