import { describe, expect, it } from "vitest";
import { loanSchedule, type Installment, type LoanSchedule } from "./loan-schedule.ts";
import type { LoanInput } from "./loan-terms.ts";

/** [number, dueOn, days, opening, principal, interest, payment, closing] */
type Row = [number, string | undefined, number | undefined, bigint, bigint, bigint, bigint, bigint];

function row(installment: Installment): Row {
  const { number, dueOn, days, openingPrincipalWon, principalWon, interestWon, paymentWon, closingPrincipalWon } = installment;
  return [number, dueOn, days, openingPrincipalWon, principalWon, interestWon, paymentWon, closingPrincipalWon];
}

function rows(schedule: LoanSchedule, ...numbers: number[]): Row[] {
  return numbers.map((n) => row(schedule.installments[n > 0 ? n - 1 : schedule.installments.length + n]!));
}

const tenMillion: LoanInput = { principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment" };

describe("loan schedule: known schedules", () => {
  it("equal installments, 10,000,000 won at 5.5% over 12 months: 858,367 a month, the last settles the rest", () => {
    const schedule = loanSchedule(tenMillion);
    expect(schedule.levelPaymentWon).toBe(858_367n);
    expect(rows(schedule, 1, 2, 11, 12)).toEqual([
      [1, undefined, undefined, 10_000_000n, 812_534n, 45_833n, 858_367n, 9_187_466n],
      [2, undefined, undefined, 9_187_466n, 816_258n, 42_109n, 858_367n, 8_371_208n],
      [11, undefined, undefined, 1_705_011n, 850_553n, 7_814n, 858_367n, 854_458n],
      [12, undefined, undefined, 854_458n, 854_458n, 3_916n, 858_374n, 0n],
    ]);
    expect(schedule.installments.slice(0, 11).every((i) => i.paymentWon === 858_367n)).toBe(true);
    expect(schedule.totals).toEqual({ installments: 12, principalWon: 10_000_000n, interestWon: 300_411n, paymentWon: 10_300_411n });
    expect(schedule.installments.reduce((sum, i) => sum + i.principalWon, 0n)).toBe(10_000_000n);
  });

  it("equal principal with a remainder: 10,000,000 ÷ 7 = 1,428,571 a month, the last repays 1,428,574", () => {
    const schedule = loanSchedule({ principalWon: 10_000_000n, annualRatePercent: "4.8", termMonths: 7, method: "equal-principal" });
    expect(schedule.levelPrincipalWon).toBe(1_428_571n);
    expect(rows(schedule, 1, 2, 6, 7)).toEqual([
      [1, undefined, undefined, 10_000_000n, 1_428_571n, 40_000n, 1_468_571n, 8_571_429n],
      [2, undefined, undefined, 8_571_429n, 1_428_571n, 34_285n, 1_462_856n, 7_142_858n],
      [6, undefined, undefined, 2_857_145n, 1_428_571n, 11_428n, 1_439_999n, 1_428_574n],
      [7, undefined, undefined, 1_428_574n, 1_428_574n, 5_714n, 1_434_288n, 0n],
    ]);
    expect(schedule.totals).toEqual({ installments: 7, principalWon: 10_000_000n, interestWon: 159_997n, paymentWon: 10_159_997n });
  });

  it("bullet: interest every month, all principal with the last installment", () => {
    const schedule = loanSchedule({ principalWon: 10_000_000n, annualRatePercent: "6", termMonths: 12, method: "bullet" });
    expect(schedule.installments.slice(0, 11).map((i) => [i.principalWon, i.interestWon, i.closingPrincipalWon])).toEqual(Array(11).fill([0n, 50_000n, 10_000_000n]));
    expect(rows(schedule, 12)).toEqual([[12, undefined, undefined, 10_000_000n, 10_000_000n, 50_000n, 10_050_000n, 0n]]);
    expect(schedule.totals.interestWon).toBe(600_000n);
  });

  it.each([
    ["equal-installment", [333_333n, 333_333n, 333_334n]],
    ["equal-principal", [333_333n, 333_333n, 333_334n]],
    ["bullet", [0n, 0n, 1_000_000n]],
  ] as const)("at 0%% %s repays only principal: %j", (method, principals) => {
    const schedule = loanSchedule({ principalWon: 1_000_000n, annualRatePercent: "0", termMonths: 3, method });
    expect(schedule.installments.map((i) => i.principalWon)).toEqual(principals);
    expect(schedule.installments.map((i) => i.paymentWon)).toEqual(principals);
    expect(schedule.totals.interestWon).toBe(0n);
  });

  it.each(["equal-installment", "equal-principal", "bullet"] as const)("a 1-month %s loan is one installment of principal and a month's interest", (method) => {
    const schedule = loanSchedule({ principalWon: 1_000_000n, annualRatePercent: "12", termMonths: 1, method });
    expect(schedule.installments.map(row)).toEqual([[1, undefined, undefined, 1_000_000n, 1_000_000n, 10_000n, 1_010_000n, 0n]]);
  });

  it("a preview without a disbursement date assumes whole months, even with a repayment day", () => {
    const schedule = loanSchedule({ ...tenMillion, repaymentDay: 25 });
    expect(schedule.installments.every((i) => i.interestBasis === "monthly" && i.dueOn === undefined && i.days === undefined)).toBe(true);
    expect(schedule.repaymentDay).toBeUndefined();
    expect(schedule.totals.interestWon).toBe(300_411n);
  });
});

describe("loan schedule: the first period", () => {
  it("is short (20 days, disbursed Jan 5, day 25): daily interest 30,136 instead of a month's 45,833; principal as in whole months", () => {
    const schedule = loanSchedule({ ...tenMillion, disbursedOn: "2026-01-05", repaymentDay: 25 });
    expect(schedule.installments[0]!.interestBasis).toBe("daily");
    expect(rows(schedule, 1, 2, 12)).toEqual([
      [1, "2026-01-25", 20, 10_000_000n, 812_534n, 30_136n, 842_670n, 9_187_466n], // 10,000,000 × 5.5% × 20 ÷ 365 = 30,136.98…
      [2, "2026-02-25", 31, 9_187_466n, 816_258n, 42_109n, 858_367n, 8_371_208n],
      [12, "2026-12-25", 30, 854_458n, 854_458n, 3_916n, 858_374n, 0n],
    ]);
    expect(schedule.totals.interestWon).toBe(284_714n);
  });

  it("of 5 days is folded into the next month: disbursed Jan 20, day 25 → first due Feb 25 after 36 days of daily interest", () => {
    const schedule = loanSchedule({ ...tenMillion, disbursedOn: "2026-01-20", repaymentDay: 25 });
    expect(rows(schedule, 1, 2, 12)).toEqual([
      [1, "2026-02-25", 36, 10_000_000n, 812_534n, 54_246n, 866_780n, 9_187_466n], // 10,000,000 × 5.5% × 36 ÷ 365 = 54,246.57…
      [2, "2026-03-25", 28, 9_187_466n, 816_258n, 42_109n, 858_367n, 8_371_208n],
      [12, "2027-01-25", 31, 854_458n, 854_458n, 3_916n, 858_374n, 0n],
    ]);
    expect(schedule.installments.slice(1).every((i) => i.interestBasis === "monthly")).toBe(true);
    expect(schedule.totals.interestWon).toBe(308_824n);
  });

  it("is a whole month when the loan is disbursed on its repayment date, whatever the month's length", () => {
    const schedule = loanSchedule({ ...tenMillion, disbursedOn: "2026-01-25", repaymentDay: 25 });
    expect(rows(schedule, 1)).toEqual([[1, "2026-02-25", 31, 10_000_000n, 812_534n, 45_833n, 858_367n, 9_187_466n]]);
    expect(schedule.installments[0]!.interestBasis).toBe("monthly");
    expect(schedule.totals.interestWon).toBe(300_411n);
  });

  it("uses the disbursement day when no repayment day is given: whole months", () => {
    const schedule = loanSchedule({ ...tenMillion, disbursedOn: "2026-11-24" });
    expect(schedule.repaymentDay).toBe(24);
    expect(schedule.installments.map((i) => i.dueOn)).toEqual([
      "2026-12-24", "2027-01-24", "2027-02-24", "2027-03-24", "2027-04-24", "2027-05-24",
      "2027-06-24", "2027-07-24", "2027-08-24", "2027-09-24", "2027-10-24", "2027-11-24",
    ]);
    expect(schedule.installments[0]!.interestBasis).toBe("monthly");
  });
});

describe("loan schedule: month ends, February and leap years", () => {
  it("repayment day 31 falls on Feb 29 in 2028, then Mar 31, Apr 30; disbursed on Jan 31 the first period is a whole month", () => {
    const schedule = loanSchedule({ ...tenMillion, method: "equal-principal", disbursedOn: "2028-01-31", repaymentDay: 31 });
    expect(schedule.installments.map((i) => [i.dueOn, i.days])).toEqual([
      ["2028-02-29", 29], ["2028-03-31", 31], ["2028-04-30", 30], ["2028-05-31", 31], ["2028-06-30", 30], ["2028-07-31", 31],
      ["2028-08-31", 31], ["2028-09-30", 30], ["2028-10-31", 31], ["2028-11-30", 30], ["2028-12-31", 31], ["2029-01-31", 31],
    ]);
    expect(rows(schedule, 1, 12)).toEqual([
      [1, "2028-02-29", 29, 10_000_000n, 833_333n, 45_833n, 879_166n, 9_166_667n],
      [12, "2029-01-31", 31, 833_337n, 833_337n, 3_819n, 837_156n, 0n],
    ]);
  });

  it("a first period across Feb 29 counts 43 actual days and still divides by 365", () => {
    const schedule = loanSchedule({ ...tenMillion, method: "equal-principal", disbursedOn: "2028-02-01", repaymentDay: 15 });
    expect(rows(schedule, 1)).toEqual([[1, "2028-03-15", 43, 10_000_000n, 833_333n, 64_794n, 898_127n, 9_166_667n]]); // × 43 ÷ 365 = 64,794.52…
  });

  it("day 29 falls on Feb 28 in a common year and comes back on Mar 29", () => {
    const schedule = loanSchedule({ ...tenMillion, termMonths: 4, disbursedOn: "2028-11-29", repaymentDay: 29 });
    expect(schedule.installments.map((i) => [i.dueOn, i.days, i.interestBasis])).toEqual([
      ["2028-12-29", 30, "monthly"],
      ["2029-01-29", 31, "monthly"],
      ["2029-02-28", 30, "monthly"],
      ["2029-03-29", 29, "monthly"],
    ]);
  });

  it("keeps the contractual due date on a non-banking day (2026-10-25 is a Sunday)", () => {
    const schedule = loanSchedule({ ...tenMillion, disbursedOn: "2026-09-25", repaymentDay: 25 });
    expect(schedule.installments[0]!.dueOn).toBe("2026-10-25");
  });
});

describe("loan schedule: the last installment", () => {
  it.each([
    ["equal-installment", "30000000", "19.999", 360],
    ["equal-installment", "99999999", "3.333", 37],
    ["equal-principal", "10000001", "7.7", 13],
    ["bullet", "5000000", "4.25", 24],
  ] as const)("%s %s won at %s%% over %i months settles the remaining principal exactly", (method, principal, rate, months) => {
    const schedule = loanSchedule({ principalWon: principal, annualRatePercent: rate, termMonths: months, method });
    const last = schedule.installments.at(-1)!;
    expect(schedule.installments).toHaveLength(months);
    expect(last.principalWon).toBe(last.openingPrincipalWon);
    expect(last.closingPrincipalWon).toBe(0n);
    expect(schedule.totals.principalWon).toBe(BigInt(principal));
  });

  it("on a long loan at a high rate the truncated payment leaves the last installment noticeably larger", () => {
    const schedule = loanSchedule({ principalWon: 30_000_000n, annualRatePercent: "19.999", termMonths: 360, method: "equal-installment" });
    expect(schedule.levelPaymentWon).toBe(501_280n);
    expect(rows(schedule, -1)).toEqual([[360, undefined, undefined, 503_126n, 503_126n, 8_385n, 511_511n, 0n]]);
  });
});
