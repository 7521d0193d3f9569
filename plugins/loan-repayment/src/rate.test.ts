import { describe, expect, it } from "vitest";
import { formatRatePercent, milliPercent, parseRatePercent } from "./rate.ts";

describe("rates in milli-percent", () => {
  it.each([
    ["5.5", 5_500n],
    ["5.50", 5_500n],
    ["19.999", 19_999n],
    ["20", 20_000n],
    ["0", 0n],
    ["0.001", 1n],
    ["7.1250", 7_125n],
    [" 3.2% ", 3_200n],
  ])("reads %s%% as %i thousandths of a percent", (text, expected) => {
    expect(parseRatePercent(text)).toEqual({ ok: true, rate: expected });
  });

  it.each([
    ["5.5555", "loan.rate_too_precise"],
    ["-1", "loan.rate_invalid"],
    ["1e1", "loan.rate_invalid"],
    ["", "loan.rate_invalid"],
    ["abc", "loan.rate_invalid"],
    [".5", "loan.rate_invalid"],
    ["1000", "loan.rate_invalid"],
  ])("refuses %j with %s", (text, code) => {
    expect(parseRatePercent(text)).toEqual({ ok: false, code });
  });

  it.each([
    [5_500n, "5.5"],
    [20_000n, "20"],
    [19_999n, "19.999"],
    [1n, "0.001"],
    [0n, "0"],
    [12_340n, "12.34"],
  ])("writes %i as %s", (rate, expected) => {
    expect(formatRatePercent(milliPercent(rate))).toBe(expected);
  });

  it("refuses a negative milli-percent", () => {
    expect(() => milliPercent(-1n)).toThrow(RangeError);
  });
});
