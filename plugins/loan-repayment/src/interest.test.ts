import { describe, expect, it } from "vitest";
import { dailyInterestWon, equalInstallmentPaymentWon, monthlyInterestWon, percentOfWon } from "./interest.ts";
import { milliPercent } from "./rate.ts";

/** The payment by the closed form P·a·(a+b)^n / (b·((a+b)^n − b^n)) for r = a/b, in bigints only: an oracle independent of Rational. */
function closedFormPayment(principalWon: bigint, rateMilliPercent: bigint, months: number): bigint {
  const a = rateMilliPercent;
  const b = 1_200_000n;
  const n = BigInt(months);
  return (principalWon * a * (a + b) ** n) / (b * ((a + b) ** n - b ** n));
}

describe("equal-installment payment", () => {
  it("is 858,367 won a month for 10,000,000 won at 5.5% over 12 months", () => {
    /*
     * By hand, exactly:
     *   r       = 5.5% ÷ 12 = 0.055 / 12 = 11/2400,   1 + r = 2411/2400
     *   payment = P·r / (1 − (1+r)^−12) = P · (11/2400) · 2411^12 / (2411^12 − 2400^12)
     *   2411^12 = 38,580,382,095,460,899,155,325,996,786,287,338,133,521
     *   2400^12 = 36,520,347,436,056,576 × 10^24
     *   2411^12 − 2400^12 = 2,060,034,659,404,323,155,325,996,786,287,338,133,521
     *   payment = 10^7 · 11 · 2411^12 / (2400 · (2411^12 − 2400^12))
     *           = 482,254,776,193,261,239,441,574,959,828,591,726,669,012,500 / 561,827,634,382,997,224,179,817,305,351,092,218,233
     *           = 858,367.8457…  →  truncated: 858,367 won
     */
    const power = 38_580_382_095_460_899_155_325_996_786_287_338_133_521n;
    expect(2411n ** 12n).toBe(power);
    expect(2400n ** 12n).toBe(36_520_347_436_056_576n * 10n ** 24n);
    const numerator = 10_000_000n * 11n * power;
    const denominator = 2400n * (power - 2400n ** 12n);
    expect(858_367n * denominator <= numerator && numerator < 858_368n * denominator).toBe(true);
    expect(equalInstallmentPaymentWon(10_000_000n, milliPercent(5_500n), 12)).toBe(858_367n);
  });

  it.each([
    [30_000_000n, 4_200n, 360, 146_705n],
    [100_000_000n, 3_875n, 480, 410_198n],
    [5_000_000n, 19_999n, 60, 132_466n],
    [1_000_000n, 12_000n, 1, 1_010_000n],
    [7n, 5_500n, 12, 0n],
    [10n ** 15n, 20_000n, 600, 16_667_488_378_203n],
  ])("for %i won at %i milli-percent over %i months is %i (the closed form agrees)", (principal, rate, months, expected) => {
    expect(equalInstallmentPaymentWon(principal, milliPercent(rate), months)).toBe(expected);
    expect(closedFormPayment(principal, rate, months)).toBe(expected);
  });

  it("at 0% is the principal divided by the months, truncated", () => {
    expect(equalInstallmentPaymentWon(1_000_000n, milliPercent(0n), 3)).toBe(333_333n);
  });
});

describe("interest", () => {
  it.each([
    [10_000_000n, 5_500n, 45_833n], // 45,833.33…
    [9_187_466n, 5_500n, 42_109n], // 42,109.22…
    [1_000_000n, 12_000n, 10_000n],
    [99n, 5_500n, 0n],
  ])("a month on %i won at %i milli-percent is %i won (× rate ÷ 12, truncated)", (principal, rate, expected) => {
    expect(monthlyInterestWon(principal, milliPercent(rate))).toBe(expected);
  });

  it.each([
    [10_000_000n, 5_500n, 36, 54_246n], // 54,246.57…
    [10_000_000n, 5_500n, 20, 30_136n], // 30,136.98…
    [10_000_000n, 5_500n, 366, 551_506n], // a leap year is still ÷ 365: 551,506.84…
    [10_000_000n, 5_500n, 0, 0n],
  ])("%i won at %i milli-percent for %i days is %i won (actual days ÷ 365, truncated)", (principal, rate, days, expected) => {
    expect(dailyInterestWon(principal, milliPercent(rate), days)).toBe(expected);
  });

  it("takes a percentage of an amount, truncated", () => {
    expect(percentOfWon(3_333_333n, milliPercent(1_200n))).toBe(39_999n); // 39,999.996
  });
});
