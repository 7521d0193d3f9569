import { describe, expect, it } from "vitest";
import { MESSAGES } from "@sunap/core";
import { overdueInterest, type OverdueInterestInput } from "./overdue-interest.ts";
import { milliPercent } from "./rate.ts";
import { domainProblem } from "./test-support.ts";

const base: OverdueInterestInput = { overdueAmountWon: 858_367n, fromDate: "2026-03-25", toDate: "2026-04-04", contractRatePercent: "5.5", additionalRatePercent: "3" };

describe("overdue interest (연체이자)", () => {
  it.each([
    // amount, from, to, contract, additional, cap, days, applied rate, capped, interest
    ["10 days at 5.5% + 3%", 858_367n, "2026-03-25", "2026-04-04", "5.5", "3", undefined, 10, 8_500n, false, 1_998n], // 858,367 × 8.5% × 10 ÷ 365 = 1,998.9…
    ["capped at 20% (18% + 3%)", 1_000_000n, "2026-03-25", "2026-04-24", "18", "3", undefined, 30, 20_000n, true, 16_438n], // × 20% × 30 ÷ 365 = 16,438.3…
    ["exactly at the cap", 1_000_000n, "2026-03-25", "2026-04-24", "17", "3", undefined, 30, 20_000n, false, 16_438n],
    ["a contract rate already over the cap", 1_000_000n, "2026-03-25", "2026-04-24", "24", "3", undefined, 30, 20_000n, true, 16_438n],
    ["a configured cap of 15%", 1_000_000n, "2026-03-25", "2026-04-24", "12", "5", "15", 30, 15_000n, true, 12_328n],
    ["across Feb 29 (29 days, still ÷ 365)", 1_000_000n, "2028-02-01", "2028-03-01", "5.5", "3", undefined, 29, 8_500n, false, 6_753n],
    ["paid on the due date", 858_367n, "2026-03-25", "2026-03-25", "5.5", "3", undefined, 0, 8_500n, false, 0n],
    ["one day late", 858_367n, "2026-03-25", "2026-03-26", "5.5", "3", undefined, 1, 8_500n, false, 199n],
  ] as const)("%s", (_, overdueAmountWon, fromDate, toDate, contractRatePercent, additionalRatePercent, legalMaxPercent, days, rate, capped, interestWon) => {
    const result = overdueInterest({ overdueAmountWon, fromDate, toDate, contractRatePercent, additionalRatePercent, ...(legalMaxPercent && { legalMaxPercent }) });
    expect(result).toEqual({ overdueAmountWon, fromDate, toDate, days, appliedRateMilliPercent: rate, capped, interestWon });
  });

  it("takes rates in milli-percent too", () => {
    expect(overdueInterest({ ...base, contractRatePercent: milliPercent(5_500n), additionalRatePercent: milliPercent(3_000n) }).interestWon).toBe(1_998n);
  });

  it.each([
    ["a period that ends before it starts", { toDate: "2026-03-24" }, "loan.overdue_period_reversed", "toDate"],
    ["a negative amount", { overdueAmountWon: -1n }, "money.negative", "overdueAmountWon"],
    ["an impossible date", { fromDate: "2026-02-30" }, "loan.date_invalid", "fromDate"],
    ["an additional rate with four decimals", { additionalRatePercent: "3.0001" }, "loan.rate_too_precise", "additionalRatePercent"],
    ["a cap that is not a rate", { legalMaxPercent: "twenty" }, "loan.rate_invalid", "legalMaxPercent"],
  ])("refuses %s", (_, change, code, field) => {
    expect(domainProblem(() => overdueInterest({ ...base, ...change } as OverdueInterestInput))).toMatchObject({ code, field });
    expect(MESSAGES).toHaveProperty([code]);
  });
});
