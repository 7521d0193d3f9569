import { describe, expect, it } from "vitest";
import { chargeTotal, CORE_ACCOUNTS } from "@sunap/core";
import { installmentCharges, LOAN_ACCOUNTS, overdueInterestCharges, prepaymentCharges } from "./charge-lines.ts";
import { loanSchedule } from "./loan-schedule.ts";
import { overdueInterest } from "./overdue-interest.ts";
import { prepay } from "./prepayment.ts";

const schedule = loanSchedule({ principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment", disbursedOn: "2026-01-20", repaymentDay: 25 });

describe("charge lines", () => {
  it("an installment credits its principal to loans receivable and its interest to interest income", () => {
    const lines = installmentCharges(schedule.installments[1]!);
    expect(lines).toEqual([
      {
        kind: "principal",
        label: { ko: "원금 (2회차)", en: "Principal (installment 2)" },
        amountWon: 816_258n,
        creditAccount: "loans_receivable",
        basis: { ko: "대출잔액 9,187,466원 → 8,371,208원", en: "Balance ₩9,187,466 → ₩8,371,208" },
      },
      {
        kind: "interest",
        label: { ko: "이자 (2회차)", en: "Interest (installment 2)" },
        amountWon: 42_109n,
        creditAccount: "interest_income",
        basis: { ko: "9,187,466원 × 연 5.5% ÷ 12 (원 미만 절사)", en: "₩9,187,466 × 5.5% a year ÷ 12 (truncated to the won)" },
      },
    ]);
    expect(chargeTotal(lines)).toBe(schedule.installments[1]!.paymentWon);
  });

  it("shows the daily basis of an irregular first period", () => {
    expect(installmentCharges(schedule.installments[0]!)[1]!.basis!.ko).toBe("10,000,000원 × 연 5.5% × 36일 ÷ 365 (원 미만 절사)");
  });

  it("leaves out zero lines: no interest line at 0%, no principal line in a bullet loan's middle months", () => {
    const free = loanSchedule({ principalWon: 1_000_000n, annualRatePercent: "0", termMonths: 2, method: "equal-installment" });
    expect(installmentCharges(free.installments[0]!).map((line) => line.kind)).toEqual(["principal"]);
    const bullet = loanSchedule({ principalWon: 1_000_000n, annualRatePercent: "6", termMonths: 2, method: "bullet" });
    expect(installmentCharges(bullet.installments[0]!).map((line) => line.kind)).toEqual(["interest"]);
  });

  it("every installment's lines add up to its payment (all methods)", () => {
    for (const method of ["equal-installment", "equal-principal", "bullet"] as const) {
      const loan = loanSchedule({ principalWon: 12_345_678n, annualRatePercent: "7.25", termMonths: 18, method, disbursedOn: "2026-03-02", repaymentDay: 31 });
      expect(loan.installments.filter((i) => chargeTotal(installmentCharges(i)) !== i.paymentWon)).toEqual([]);
    }
  });

  it("overdue interest credits late-fee income and says when the cap applied", () => {
    const lines = overdueInterestCharges(overdueInterest({ overdueAmountWon: 1_000_000n, fromDate: "2026-03-25", toDate: "2026-04-24", contractRatePercent: "18", additionalRatePercent: "3" }));
    expect(lines).toEqual([
      {
        kind: "overdue_interest",
        label: { ko: "연체이자 (2026-03-25~2026-04-24)", en: "Overdue interest (2026-03-25 to 2026-04-24)" },
        amountWon: 16_438n,
        creditAccount: "late_fee_income",
        basis: { ko: "연체금액 1,000,000원 × 연 20% × 30일 ÷ 365 (원 미만 절사, 법정 최고금리 적용)", en: "Overdue ₩1,000,000 × 20% a year × 30 days ÷ 365 (truncated to the won, capped at the legal maximum)" },
      },
    ]);
  });

  it("a prepayment credits principal, accrued interest and the fee", () => {
    const result = prepay({ schedule, paidInstallments: 3, prepaymentFeePercent: "1.2" }, { date: "2026-05-10", amountWon: 3_000_000n, method: "shorten-term" });
    const lines = prepaymentCharges(result);
    expect(lines.map((line) => [line.kind, line.creditAccount, line.amountWon])).toEqual([
      ["principal", "loans_receivable", 3_000_000n],
      ["interest", "interest_income", result.accruedInterestWon],
      ["prepayment_fee", "interest_income", 36_000n],
    ]);
    expect(chargeTotal(lines)).toBe(result.totalWon);
  });

  it("posts only to accounts of the core chart", () => {
    const codes = new Set<string>(CORE_ACCOUNTS.map((account) => account.code));
    expect(Object.values(LOAN_ACCOUNTS).filter((code) => !codes.has(code))).toEqual([]);
  });
});
