import { describe, expect, it } from "vitest";
import { chargeTotal, decodeJson, encodeJson, type BillingContext } from "@sunap/core";
import { loanBillingRules, NO_LOAN_INPUTS, parseLoanPeriodKey, type LoanInputs } from "./billing-rules.ts";
import { DEFAULT_LOAN_SETTINGS, LoanContractSchema, parseLoanContract, type LoanContractTerms, type LoanSettings } from "./loan-contract.ts";
import type { InstallmentDebt } from "./overdue-accrual.ts";
import { domainProblem } from "./test-support.ts";

const form = { principalWon: "10,000,000", annualRatePercent: "5.50", termMonths: 12, method: "equal-installment", disbursedOn: "2026-01-25" };
const terms: LoanContractTerms = LoanContractSchema.parse(form);

const context = (t: LoanContractTerms = terms, inputs: LoanInputs = NO_LOAN_INPUTS, settings: LoanSettings = DEFAULT_LOAN_SETTINGS): BillingContext<LoanContractTerms, LoanSettings, LoanInputs> => ({
  contract: { id: 7, payerId: 3, storeId: null, startsOn: t.disbursedOn },
  terms: t,
  settings,
  inputs,
});

/** Installment 4 (due Mon 2026-05-25, 858,367 won) billed on its due date and paid on `paidOn`. */
const fourth = (paidOn: string | null, graceUntil = "2026-05-25"): InstallmentDebt => ({
  number: 4,
  dueOn: "2026-05-25",
  graceUntil,
  movements: [{ on: "2026-05-25", amountWon: 858_367n }, ...(paidOn ? [{ on: paidOn, amountWon: -858_367n }] : [])],
});

describe("loan billing rules: terms", () => {
  it("stores normalised terms that survive the JSON round trip unchanged", () => {
    expect(terms).toEqual({
      principalWon: 10_000_000n,
      annualRatePercent: "5.5",
      termMonths: 12,
      method: "equal-installment",
      disbursedOn: "2026-01-25",
      repaymentDay: 25,
      prepaymentFeePercent: "0",
      prepayments: [],
    });
    const stored = JSON.parse(JSON.stringify(encodeJson(terms)));
    expect(stored.principalWon).toEqual({ $bigint: "10000000" });
    expect(LoanContractSchema.parse(decodeJson(stored))).toEqual(terms);
  });

  it("keeps a recorded prepayment through the round trip", () => {
    const withPrepayment = LoanContractSchema.parse({ ...terms, prepayments: [{ date: "2026-05-10", afterInstallment: 3, method: "shorten-term", principalWon: 3_000_000n, feePercent: "1.20" }] });
    expect(withPrepayment.prepayments[0]).toEqual({ date: "2026-05-10", afterInstallment: 3, method: "shorten-term", principalWon: 3_000_000n, feePercent: "1.2" });
    expect(LoanContractSchema.parse(decodeJson(JSON.parse(JSON.stringify(encodeJson(withPrepayment)))))).toEqual(withPrepayment);
  });

  it.each([
    ["term 0", { termMonths: 0 }, "loan.term_out_of_range", "terms.termMonths"],
    ["a negative principal", { principalWon: -5 }, "money.negative", "terms.principalWon"],
    ["a fractional principal", { principalWon: "1000.5" }, "money.fraction", "terms.principalWon"],
    ["a zero principal", { principalWon: "0" }, "loan.principal_not_positive", "terms.principalWon"],
    ["a rate with four decimals", { annualRatePercent: "5.1234" }, "loan.rate_too_precise", "terms.annualRatePercent"],
    ["no disbursement date", { disbursedOn: undefined }, "loan.disbursement_required", "terms.disbursedOn"],
    ["an impossible disbursement date", { disbursedOn: "2026-02-30" }, "loan.date_invalid", "terms.disbursedOn"],
    ["a fee over 100%", { prepaymentFeePercent: "100.001" }, "loan.fee_invalid", "terms.prepaymentFeePercent"],
  ])("refuses %s with a specific error naming the field", (_, change, code, field) => {
    const problem = domainProblem(() => parseLoanContract({ ...form, ...change }));
    expect(problem).toMatchObject({ code, field });
  });
});

describe("loan billing rules: periods and charges", () => {
  it("bills each installment on its due date with stable keys", () => {
    const periods = loanBillingRules.periods(context(), "2026-04-25");
    expect(periods.map((p) => [p.key, p.start, p.end, p.issueOn, p.dueOn])).toEqual([
      ["installment-1", "2026-01-25", "2026-02-24", "2026-02-25", "2026-02-25"],
      ["installment-2", "2026-02-25", "2026-03-24", "2026-03-25", "2026-03-25"],
      ["installment-3", "2026-03-25", "2026-04-24", "2026-04-25", "2026-04-25"],
    ]);
    expect(loanBillingRules.periods(context(), "2026-04-25")).toEqual(periods);
    expect(loanBillingRules.periods(context(), "2030-01-01")).toHaveLength(12);
  });

  it("charges principal to loans receivable and interest to interest income, the last installment settling the rest", () => {
    const periods = loanBillingRules.periods(context(), "2030-01-01");
    const first = loanBillingRules.charges(context(), periods[0]!);
    expect(first.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([
      ["principal", 812_534n, "loans_receivable"],
      ["interest", 45_833n, "interest_income"],
    ]);
    const last = loanBillingRules.charges(context(), periods[11]!);
    expect(chargeTotal(last)).toBe(858_374n);
    const principal = periods.flatMap((p) => loanBillingRules.charges(context(), p)).filter((l) => l.kind === "principal");
    expect(principal.reduce((sum, l) => sum + l.amountWon, 0n)).toBe(10_000_000n);
  });

  it("bills a recorded prepayment on its date and the recalculated installments after it", () => {
    const prepaid = LoanContractSchema.parse({ ...form, prepaymentFeePercent: "1.2", prepayments: [{ date: "2026-05-10", afterInstallment: 3, method: "shorten-term", principalWon: 3_000_000n, feePercent: "1.2" }] });
    const periods = loanBillingRules.periods(context(prepaid), "2030-01-01");
    expect(periods.map((p) => p.key)).toEqual(["installment-1", "installment-2", "installment-3", "prepayment-1", ...[4, 5, 6, 7, 8, 9].map((n) => `installment-${n}`)]);
    const prepayment = periods[3]!;
    expect(prepayment).toMatchObject({ issueOn: "2026-05-10", dueOn: "2026-05-10" });
    expect(loanBillingRules.charges(context(prepaid), prepayment).map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([
      ["principal", 3_000_000n, "loans_receivable"],
      ["interest", 6_780n, "interest_income"],
      ["prepayment_fee", 36_000n, "interest_income"],
    ]);
    expect(chargeTotal(loanBillingRules.charges(context(prepaid), periods[4]!))).toBe(858_367n);
    expect(chargeTotal(loanBillingRules.charges(context(prepaid), periods.at(-1)!))).toBe(326_598n);
  });

  it("bills overdue interest per month on the days an installment stayed unpaid, on the 5th of the next month", () => {
    const inputs = { installments: [fourth("2026-06-04")] };
    const periods = loanBillingRules.periods(context(terms, inputs), "2026-07-05").filter((p) => p.key.startsWith("overdue-"));
    expect(periods.map((p) => [p.key, p.start, p.end, p.issueOn, p.dueOn])).toEqual([
      ["overdue-2026-05", "2026-05-01", "2026-05-31", "2026-06-05", "2026-06-25"],
      ["overdue-2026-06", "2026-06-01", "2026-06-30", "2026-07-05", "2026-07-25"],
    ]);
    const may = loanBillingRules.charges(context(terms, inputs), periods[0]!);
    // 858,367 × (5.5% + 3%) × 7 days (May 25–31) ÷ 365 = 1,399.2…
    expect(may.map((l) => [l.kind, l.amountWon, l.creditAccount, l.label.ko])).toEqual([["overdue_interest", 1_399n, "late_fee_income", "연체이자 (4회차, 2026-05-25~2026-05-31)"]]);
    // June 1–3: 3 days → 599.6…; paid on the 4th, which is not counted.
    expect(loanBillingRules.charges(context(terms, inputs), periods[1]!).map((l) => l.amountWon)).toEqual([599n]);
  });

  it("bills no overdue interest for an installment paid on its collection day after a holiday", () => {
    const inputs = { installments: [fourth("2026-05-26", "2026-05-26")] };
    expect(loanBillingRules.periods(context(terms, inputs), "2027-01-01").filter((p) => p.key.startsWith("overdue-"))).toEqual([]);
  });

  it("splits a month's overdue interest where a partial payment lowered the open amount", () => {
    const partly: InstallmentDebt = { ...fourth(null), movements: [{ on: "2026-05-25", amountWon: 858_367n }, { on: "2026-05-28", amountWon: -500_000n }] };
    const inputs = { installments: [partly] };
    const period = loanBillingRules.periods(context(terms, inputs), "2026-06-05").find((p) => p.key === "overdue-2026-05")!;
    expect(loanBillingRules.charges(context(terms, inputs), period).map((l) => [l.amountWon, l.label.ko])).toEqual([
      [599n, "연체이자 (4회차, 2026-05-25~2026-05-27)"], // 858,367 × 8.5% × 3 ÷ 365
      [333n, "연체이자 (4회차, 2026-05-28~2026-05-31)"], // 358,367 × 8.5% × 4 ÷ 365
    ]);
  });

  it("caps the overdue rate at the legal maximum of the settings", () => {
    const high = LoanContractSchema.parse({ ...form, annualRatePercent: "19" });
    const inputs = { installments: [fourth("2026-06-01")] };
    const period = loanBillingRules.periods(context(high, inputs), "2026-06-05").find((p) => p.key === "overdue-2026-05")!;
    const [line] = loanBillingRules.charges(context(high, inputs), period);
    expect(line?.basis?.ko).toContain("연 20%");
    expect(line?.basis?.ko).toContain("법정 최고금리 적용");
  });

  it("recognises only its own period keys", () => {
    expect(parseLoanPeriodKey("installment-12")).toEqual({ kind: "installment", number: 12 });
    expect(parseLoanPeriodKey("prepayment-2")).toEqual({ kind: "prepayment", index: 1 });
    expect(parseLoanPeriodKey("overdue-2026-11")).toEqual({ kind: "overdue", month: "2026-11" });
    expect(parseLoanPeriodKey("2026-11")).toBeNull();
  });

  it("describes a loan for lists in both languages", () => {
    expect(loanBillingRules.describe(terms, "ko")).toBe("10,000,000원 · 연 5.5% · 12개월 · 원리금균등분할상환");
    expect(loanBillingRules.describe(terms, "en")).toBe("₩10,000,000 at 5.5% for 12 months, equal installments");
  });

  it("tells the engine to look again on the 5th after a due date not yet billed, without billing on assumptions", () => {
    const inputs: LoanInputs = { installments: [], loadedThrough: "2026-02-20" };
    const ahead = loanBillingRules.periods(context(terms, inputs), "2026-12-31");
    // Installment 1 (due Feb 25) is not billed yet: if it stays unpaid, February's overdue interest is billed on March 5.
    expect(ahead.find((p) => p.key === "overdue-2026-02")?.issueOn).toBe("2026-03-05");
    // As of the day the ledger was read, nothing overdue is billed.
    expect(loanBillingRules.periods(context(terms, inputs), "2026-02-20").some((p) => p.key.startsWith("overdue-"))).toBe(false);
  });
});
