import { describe, expect, it } from "vitest";
import { caretAfterDigits, digitsBefore, groupWonDigits, readWonTyping } from "./won-digits.ts";

describe("readWonTyping", () => {
  it.each([
    ["1234567", "1234567", 1_234_567n],
    ["1,234,567", "1234567", 1_234_567n],
    ["₩ 3 000원", "3000", 3_000n],
    ["007", "7", 7n],
    ["0", "0", 0n],
    ["12.50", "1250", 1_250n],
    ["-500", "500", 500n],
  ])("reads %j as the digits %j and the amount %s", (typed, digits, amountWon) => {
    expect(readWonTyping(typed)).toEqual({ digits, amountWon });
  });

  it("reads an input with no digits as empty (null amount), not zero", () => {
    expect(readWonTyping("")).toEqual({ digits: "", amountWon: null });
    expect(readWonTyping("abc,")).toEqual({ digits: "", amountWon: null });
  });

  it("refuses a keystroke that would go above the maximum, and accepts the maximum itself", () => {
    expect(readWonTyping("1000001", 1_000_000n)).toBeNull();
    expect(readWonTyping("1000000", 1_000_000n)).toEqual({ digits: "1000000", amountWon: 1_000_000n });
  });

  it("keeps amounts beyond 2^53 exact (bigint, never a float)", () => {
    expect(readWonTyping("9007199254740993")?.amountWon).toBe(9_007_199_254_740_993n);
    expect(readWonTyping("9223372036854775808")).toBeNull();
  });
});

describe("grouping and the caret", () => {
  it("groups digits by thousands", () => {
    expect(groupWonDigits("")).toBe("");
    expect(groupWonDigits("999")).toBe("999");
    expect(groupWonDigits("1000")).toBe("1,000");
    expect(groupWonDigits("1234567")).toBe("1,234,567");
  });

  it("keeps the caret after the same digit when separators move", () => {
    // Typing "5" after "1,23" in "1,234" gives "1,2354" → "12,354": the caret stays after the 5.
    const typed = "1,2354";
    const caret = 5;
    const grouped = groupWonDigits("12354");
    expect(grouped).toBe("12,354");
    expect(caretAfterDigits(grouped, digitsBefore(typed, caret))).toBe(5);
  });

  it("puts the caret at the start for no digits and at the end past the last digit", () => {
    expect(caretAfterDigits("1,000", 0)).toBe(0);
    expect(caretAfterDigits("1,000", 9)).toBe(5);
  });
});
