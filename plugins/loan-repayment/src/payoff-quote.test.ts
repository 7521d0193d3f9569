import { describe, expect, it } from "vitest";
import { addDays } from "@sunap/core";
import type { LoanAccount } from "./loan-account.ts";
import { loanSchedule } from "./loan-schedule.ts";
import type { LoanInput } from "./loan-terms.ts";
import { payoffQuote } from "./payoff-quote.ts";
import { prepay } from "./prepayment.ts";
import { domainProblem } from "./test-support.ts";

const terms: LoanInput = { principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-01-25", repaymentDay: 25 };
const loan = (paidInstallments: number, extra: Partial<LoanAccount> = {}, input: LoanInput = terms): LoanAccount => ({
  schedule: loanSchedule(input),
  paidInstallments,
  prepaymentFeePercent: "1.2",
  ...extra,
});

describe("payoff quote (완제금액)", () => {
  it("between due dates: principal outstanding + interest accrued daily since the last due date + the fee", () => {
    expect(payoffQuote({ loan: loan(3), asOf: "2026-05-10" })).toEqual({
      asOf: "2026-05-10",
      dueInstallments: [],
      principalWon: 7_551_209n,
      principalNotDueWon: 7_551_209n,
      unpaidInterestWon: 0n,
      accruedInterestWon: 17_067n, // 7,551,209 × 5.5% × 15 ÷ 365 = 17,067.9…
      accruedFrom: "2026-04-25",
      accruedDays: 15,
      overdueInterestWon: 0n,
      feeWon: 90_614n, // 1.2% of 7,551,209 = 90,614.5…
      totalWon: 7_658_890n,
    });
  });

  it("costs the same as prepaying everything on the same day", () => {
    const quote = payoffQuote({ loan: loan(3), asOf: "2026-05-10" });
    expect(prepay(loan(3), { date: "2026-05-10", amountWon: quote.principalWon, method: "reduce-payment" }).totalWon).toBe(quote.totalWon);
  });

  it("with an installment 10 days overdue: it is owed in full with overdue interest at 5.5% + 3%, the fee only on principal not yet due", () => {
    const quote = payoffQuote({ loan: loan(3), asOf: "2026-06-04" });
    expect(quote.dueInstallments).toEqual([
      { number: 4, dueOn: "2026-05-25", principalWon: 823_758n, interestWon: 34_609n, paymentWon: 858_367n, overdueDays: 10, overdueInterestWon: 1_998n },
    ]);
    expect(quote).toMatchObject({
      principalWon: 7_551_209n,
      principalNotDueWon: 6_727_451n,
      unpaidInterestWon: 34_609n,
      accruedFrom: "2026-05-25",
      accruedDays: 10,
      accruedInterestWon: 10_137n, // 6,727,451 × 5.5% × 10 ÷ 365 = 10,137.3…
      overdueInterestWon: 1_998n,
      feeWon: 80_729n, // 1.2% of 6,727,451 = 80,729.4…
    });
    expect(quote.totalWon).toBe(7_551_209n + 34_609n + 10_137n + 1_998n + 80_729n);
  });

  it("caps overdue interest at the legal maximum and honours a configured additional rate and cap", () => {
    const highRate: LoanInput = { ...terms, annualRatePercent: "19" };
    const capped = payoffQuote({ loan: loan(3, {}, highRate), asOf: "2026-06-24" });
    const payment = capped.dueInstallments[0]!.paymentWon;
    expect(capped.dueInstallments[0]!.overdueInterestWon).toBe((payment * 20n * 30n) / (100n * 365n));
    const configured = payoffQuote({ loan: loan(3, { overdueAdditionalRatePercent: "2", legalMaxPercent: "7" }), asOf: "2026-06-24" });
    expect(configured.dueInstallments[0]!.overdueInterestWon).toBe((858_367n * 7n * 30n) / (100n * 365n));
  });

  it("does not count an installment due on a Sunday as late on the Monday it is collected", () => {
    const sundayLoan = loan(8); // installment 9 falls due on Sunday 2026-10-25
    const nextBankingDay = (date: string) => (date === "2026-10-25" ? "2026-10-26" : date);
    expect(payoffQuote({ loan: sundayLoan, asOf: "2026-10-26", bankingDayOnOrAfter: nextBankingDay }).dueInstallments[0]).toMatchObject({ number: 9, overdueDays: 0, overdueInterestWon: 0n });
    expect(payoffQuote({ loan: sundayLoan, asOf: "2026-10-26" }).dueInstallments[0]).toMatchObject({ overdueDays: 1, overdueInterestWon: 199n });
    expect(payoffQuote({ loan: sundayLoan, asOf: "2026-10-27", bankingDayOnOrAfter: nextBankingDay }).dueInstallments[0]).toMatchObject({ overdueDays: 2 });
  });

  it("after maturity with installments unpaid: all of them overdue, nothing accrues, no fee", () => {
    const quote = payoffQuote({ loan: loan(10), asOf: addDays("2027-01-25", 5) });
    expect(quote.dueInstallments.map((due) => [due.number, due.overdueDays])).toEqual([[11, 36], [12, 5]]);
    expect(quote).toMatchObject({ principalNotDueWon: 0n, accruedDays: 0, accruedInterestWon: 0n, feeWon: 0n, principalWon: 1_705_011n });
    expect(quote.accruedFrom).toBeUndefined();
  });

  it("is zero for a loan repaid in full", () => {
    expect(payoffQuote({ loan: loan(12), asOf: "2027-02-01" }).totalWon).toBe(0n);
  });

  it("on the day of disbursement is the principal and the fee", () => {
    expect(payoffQuote({ loan: loan(0), asOf: "2026-01-25" })).toMatchObject({ accruedDays: 0, totalWon: 10_000_000n + 120_000n });
  });

  it("refuses a date before disbursement, a loan without dates and a fee that is not a percentage", () => {
    expect(domainProblem(() => payoffQuote({ loan: loan(0), asOf: "2026-01-24" }))).toMatchObject({ code: "loan.quote_before_disbursement", field: "asOf" });
    expect(domainProblem(() => payoffQuote({ loan: loan(0, {}, { ...terms, disbursedOn: undefined }), asOf: "2026-01-24" }))).toMatchObject({ code: "loan.dates_required" });
    expect(domainProblem(() => payoffQuote({ loan: loan(0), asOf: "2026-13-01" }))).toMatchObject({ code: "loan.date_invalid", field: "asOf" });
    expect(domainProblem(() => payoffQuote({ loan: loan(0), asOf: "2026-02-01", feePercent: "150" }))).toMatchObject({ code: "loan.fee_invalid", field: "feePercent" });
    expect(domainProblem(() => payoffQuote({ loan: loan(0, { prepaymentFeePercent: "1.2345" }), asOf: "2026-02-01" }))).toMatchObject({ code: "loan.rate_too_precise", field: "feePercent" });
  });
});
