import { describe, expect, it } from "vitest";
import { MESSAGES } from "@sunap/core";
import type { LoanAccount } from "./loan-account.ts";
import { loanSchedule, type Installment } from "./loan-schedule.ts";
import type { LoanInput } from "./loan-terms.ts";
import { prepay, type PrepaymentRequest } from "./prepayment.ts";
import { domainProblem } from "./test-support.ts";

const terms: LoanInput = { principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-01-25", repaymentDay: 25 };
/** Three installments paid (through 2026-04-25): 7,551,209 won outstanding. */
const account = (input: LoanInput = terms, paidInstallments = 3): LoanAccount => ({ schedule: loanSchedule(input), paidInstallments, prepaymentFeePercent: "1.2" });
const request: PrepaymentRequest = { date: "2026-05-10", amountWon: 3_000_000n, method: "shorten-term" };

const amounts = (installments: readonly Installment[]) => installments.map((i) => [i.number, i.dueOn, i.principalWon, i.interestWon, i.paymentWon, i.closingPrincipalWon]);

describe("prepayment (중도상환)", () => {
  it("charges interest on the prepaid principal for the days since the last due date, and the fee", () => {
    const result = prepay(account(), request);
    expect(result).toMatchObject({
      date: "2026-05-10",
      principalWon: 3_000_000n,
      accruedDays: 15,
      accruedInterestWon: 6_780n, // 3,000,000 × 5.5% × 15 ÷ 365 = 6,780.8…
      feeWon: 36_000n, // 1.2%
      totalWon: 3_042_780n,
      remainingPrincipalWon: 4_551_209n,
    });
  });

  it("shorten-term keeps the 858,367 payment and ends after installment 9 instead of 12", () => {
    const { schedule } = prepay(account(), request);
    expect(schedule.installments.slice(0, 3)).toEqual(loanSchedule(terms).installments.slice(0, 3));
    expect(amounts(schedule.installments.slice(3))).toEqual([
      [4, "2026-05-25", 837_508n, 20_859n, 858_367n, 3_713_701n],
      [5, "2026-06-25", 841_346n, 17_021n, 858_367n, 2_872_355n],
      [6, "2026-07-25", 845_203n, 13_164n, 858_367n, 2_027_152n],
      [7, "2026-08-25", 849_076n, 9_291n, 858_367n, 1_178_076n],
      [8, "2026-09-25", 852_968n, 5_399n, 858_367n, 325_108n],
      [9, "2026-10-25", 325_108n, 1_490n, 326_598n, 0n],
    ]);
    expect(schedule.levelPaymentWon).toBe(858_367n);
    expect(schedule.prepayments).toEqual([{ date: "2026-05-10", afterInstallment: 3, method: "shorten-term", principalWon: 3_000_000n, accruedInterestWon: 6_780n, feeWon: 36_000n }]);
    expect(schedule.totals.principalWon + 3_000_000n).toBe(10_000_000n);
  });

  it("reduce-payment keeps the last due date and lowers the payment to 517,349", () => {
    const { schedule } = prepay(account(), { ...request, method: "reduce-payment" });
    expect(schedule.levelPaymentWon).toBe(517_349n);
    expect(schedule.installments).toHaveLength(12);
    expect(amounts(schedule.installments.slice(3, 4))).toEqual([[4, "2026-05-25", 496_490n, 20_859n, 517_349n, 4_054_719n]]);
    expect(amounts(schedule.installments.slice(-1))).toEqual([[12, "2027-01-25", 514_987n, 2_360n, 517_347n, 0n]]);
  });

  it("equal principal: shorten-term keeps 833,333 a month, reduce-payment spreads 4,500,001 over the 9 months left", () => {
    const input: LoanInput = { ...terms, method: "equal-principal" };
    const shorter = prepay(account(input), request).schedule;
    expect(shorter.installments.slice(3).map((i) => i.principalWon)).toEqual([833_333n, 833_333n, 833_333n, 833_333n, 833_333n, 333_336n]);
    const lower = prepay(account(input), { ...request, method: "reduce-payment" }).schedule;
    expect(lower.levelPrincipalWon).toBe(500_000n);
    expect(lower.installments.slice(3).map((i) => i.principalWon)).toEqual([...Array(8).fill(500_000n), 500_001n]);
  });

  it("bullet: reduce-payment lowers the monthly interest; shorten-term is refused (there is no monthly principal to keep)", () => {
    const input: LoanInput = { ...terms, method: "bullet" };
    const { schedule } = prepay(account(input), { ...request, method: "reduce-payment" });
    expect(schedule.installments.slice(3, -1).map((i) => [i.principalWon, i.interestWon])).toEqual(Array(8).fill([0n, 32_083n])); // 7,000,000 × 5.5% ÷ 12 = 32,083.3…
    expect(amounts(schedule.installments.slice(-1))).toEqual([[12, "2027-01-25", 7_000_000n, 32_083n, 7_032_083n, 0n]]);
    expect(domainProblem(() => prepay(account(input), request))).toMatchObject({ code: "loan.prepay_shorten_bullet", field: "method" });
  });

  it("during a daily first period: the rest of the first period still accrues daily on the lower balance", () => {
    const input: LoanInput = { ...terms, disbursedOn: "2026-01-20" }; // first due 2026-02-25, 36 days
    const result = prepay(account(input, 0), { date: "2026-02-05", amountWon: 2_000_000n, method: "reduce-payment" });
    expect(result.accruedInterestWon).toBe(4_821n); // 2,000,000 × 5.5% × 16 ÷ 365 = 4,821.9…
    expect(result.schedule.levelPaymentWon).toBe(686_694n);
    expect(result.schedule.installments[0]).toMatchObject({ dueOn: "2026-02-25", days: 36, interestBasis: "daily", openingPrincipalWon: 8_000_000n, interestWon: 43_397n });
  });

  it("repaying all that is outstanding ends the schedule after the installments paid", () => {
    const result = prepay(account(), { ...request, amountWon: 7_551_209n });
    expect(result.remainingPrincipalWon).toBe(0n);
    expect(result.schedule.installments).toHaveLength(3);
    expect(result.totalWon).toBe(7_551_209n + 17_067n + 90_614n);
    expect(domainProblem(() => prepay(result.account, { ...request, date: "2026-05-20" }))).toMatchObject({ code: "loan.nothing_outstanding" });
  });

  it("takes a fee given with the request over the account's, and none when neither has one", () => {
    expect(prepay(account(), { ...request, feePercent: "0.7" }).feeWon).toBe(21_000n);
    expect(prepay({ ...account(), prepaymentFeePercent: undefined }, request).feeWon).toBe(0n);
  });

  it("can be repeated: a second prepayment in the same period recalculates the recalculated schedule", () => {
    const first = prepay(account(), request);
    const second = prepay(first.account, { date: "2026-05-20", amountWon: 1_000_000n, method: "shorten-term" });
    expect(second.accruedDays).toBe(25);
    expect(second.schedule.prepayments).toHaveLength(2);
    expect(second.schedule.installments[3]!.openingPrincipalWon).toBe(3_551_209n);
    expect(second.schedule.totals.principalWon + 4_000_000n).toBe(10_000_000n);
  });

  it.each([
    ["a date before the last due date", { date: "2026-04-24" }, "loan.prepay_date_out_of_range", "date"],
    ["a date after an unpaid due date", { date: "2026-05-26" }, "loan.prepay_overdue", "date"],
    ["more than is outstanding", { amountWon: 7_551_210n }, "loan.prepay_amount_invalid", "amountWon"],
    ["nothing", { amountWon: 0n }, "loan.prepay_amount_invalid", "amountWon"],
    ["a fraction of a won", { amountWon: "1000.5" }, "money.fraction", "amountWon"],
    ["an unknown method", { method: "skip-a-month" }, "loan.prepay_method_unknown", "method"],
    ["a fee over 100%", { feePercent: "100.001" }, "loan.fee_invalid", "feePercent"],
    ["an impossible date", { date: "2026-05-32" }, "loan.date_invalid", "date"],
  ])("refuses %s", (_, change, code, field) => {
    expect(domainProblem(() => prepay(account(), { ...request, ...change } as PrepaymentRequest))).toMatchObject({ code, field });
    expect(MESSAGES).toHaveProperty([code]);
  });

  it("needs a loan with dates and a sensible count of paid installments", () => {
    expect(domainProblem(() => prepay({ schedule: loanSchedule({ ...terms, disbursedOn: undefined }), paidInstallments: 0 }, request))).toMatchObject({ code: "loan.dates_required" });
    expect(domainProblem(() => prepay(account(terms, 13), request))).toMatchObject({ code: "loan.paid_installments_invalid", field: "paidInstallments" });
  });
});
