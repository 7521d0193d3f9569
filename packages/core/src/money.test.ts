import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatWon, parseWon, MAX_WON } from "./money.ts";

describe("formatWon", () => {
  it("writes Korean amounts with 원 after grouped digits", () => {
    expect(formatWon(1_234_567n, "ko")).toBe("1,234,567원");
  });
  it("writes English amounts with ₩ before grouped digits", () => {
    expect(formatWon(1_234_567n, "en")).toBe("₩1,234,567");
  });
  it("keeps the sign of a credit in front", () => {
    expect(formatWon(-1000n, "en")).toBe("-₩1,000");
    expect(formatWon(-1000n, "ko")).toBe("-1,000원");
  });
  it("writes zero and small amounts without separators", () => {
    expect(formatWon(0n, "ko")).toBe("0원");
    expect(formatWon(999n, "en")).toBe("₩999");
  });
});

describe("parseWon", () => {
  it("accepts plain digits, separators, ₩ and 원", () => {
    expect(parseWon("1234567")).toEqual({ ok: true, amountWon: 1_234_567n });
    expect(parseWon("1,234,567원")).toEqual({ ok: true, amountWon: 1_234_567n });
    expect(parseWon("₩ 50,000")).toEqual({ ok: true, amountWon: 50_000n });
  });
  it("refuses a fraction of a won instead of rounding it", () => {
    expect(parseWon("100.5")).toEqual({ ok: false, code: "money.fraction" });
  });
  it("accepts a zero fraction", () => {
    expect(parseWon("100.00")).toEqual({ ok: true, amountWon: 100n });
  });
  it("refuses negatives unless the field allows them", () => {
    expect(parseWon("-500")).toEqual({ ok: false, code: "money.negative" });
    expect(parseWon("-500", { allowNegative: true })).toEqual({ ok: true, amountWon: -500n });
  });
  it("refuses amounts beyond what BIGINT or the field can hold", () => {
    expect(parseWon((MAX_WON + 1n).toString())).toEqual({ ok: false, code: "money.overflow" });
    expect(parseWon("1,000,001", { max: 1_000_000n })).toEqual({ ok: false, code: "money.overflow" });
  });
  it("refuses text, misplaced separators and empty input", () => {
    expect(parseWon("")).toEqual({ ok: false, code: "money.empty" });
    expect(parseWon("12a")).toEqual({ ok: false, code: "money.not_a_number" });
    expect(parseWon("1,23,456")).toEqual({ ok: false, code: "money.not_a_number" });
  });
  it("reads back every amount it formats, in both locales", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_WON }), fc.constantFrom("ko" as const, "en" as const), (amount, locale) => {
        expect(parseWon(formatWon(amount, locale))).toEqual({ ok: true, amountWon: amount });
      }),
    );
  });
});
