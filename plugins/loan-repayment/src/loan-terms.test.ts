import { describe, expect, it } from "vitest";
import { MESSAGES } from "@sunap/core";
import { validateLoanTerms, type LoanInput } from "./loan-terms.ts";
import { milliPercent } from "./rate.ts";
import { domainProblem as problemOf } from "./test-support.ts";

const valid: LoanInput = { principalWon: 10_000_000n, annualRatePercent: "5.5", termMonths: 12, method: "equal-installment" };

describe("loan terms", () => {
  it("normalises valid terms: principal as bigint, rate in milli-percent", () => {
    expect(validateLoanTerms({ ...valid, principalWon: "10,000,000", disbursedOn: "2026-11-24", repaymentDay: 25 })).toEqual({
      principalWon: 10_000_000n,
      annualRateMilliPercent: 5_500n,
      termMonths: 12,
      method: "equal-installment",
      disbursedOn: "2026-11-24",
      repaymentDay: 25,
    });
    expect(validateLoanTerms({ ...valid, principalWon: 5_000, annualRatePercent: milliPercent(19_999n) }).annualRateMilliPercent).toBe(19_999n);
  });

  it.each([
    ["principal 0", { principalWon: 0n }, "loan.principal_not_positive", "principalWon"],
    ["a negative principal", { principalWon: -1n }, "money.negative", "principalWon"],
    ["a fractional principal", { principalWon: "1000.5" }, "money.fraction", "principalWon"],
    ["a fractional number principal", { principalWon: 1000.5 }, "loan.principal_invalid", "principalWon"],
    ["a principal that is not a number", { principalWon: "ten" }, "money.not_a_number", "principalWon"],
    ["a rate over the legal maximum", { annualRatePercent: "20.001" }, "loan.rate_over_cap", "annualRatePercent"],
    ["a rate with four decimals", { annualRatePercent: "5.1234" }, "loan.rate_too_precise", "annualRatePercent"],
    ["a negative rate", { annualRatePercent: "-1" }, "loan.rate_invalid", "annualRatePercent"],
    ["a rate as a binary float", { annualRatePercent: 5.5 }, "loan.rate_invalid", "annualRatePercent"],
    ["term 0", { termMonths: 0 }, "loan.term_out_of_range", "termMonths"],
    ["term 601", { termMonths: 601 }, "loan.term_out_of_range", "termMonths"],
    ["a fractional term", { termMonths: 1.5 }, "loan.term_out_of_range", "termMonths"],
    ["an unknown method", { method: "balloon" }, "loan.method_unknown", "method"],
    ["an impossible date", { disbursedOn: "2026-02-30" }, "loan.date_invalid", "disbursedOn"],
    ["a repayment day of 32", { repaymentDay: 32 }, "loan.repayment_day_invalid", "repaymentDay"],
    ["a repayment day of 0", { repaymentDay: 0 }, "loan.repayment_day_invalid", "repaymentDay"],
  ])("refuses %s with a specific error naming the field", (_, change, code, field) => {
    const problem = problemOf(() => validateLoanTerms({ ...valid, ...change } as LoanInput));
    expect(problem).toMatchObject({ code, field });
    expect(MESSAGES).toHaveProperty([code]);
  });

  it("names the rate and the cap when the rate is over it, and takes a configured cap", () => {
    expect(problemOf(() => validateLoanTerms({ ...valid, annualRatePercent: "24" })).params).toMatchObject({ rate: "24", cap: "20" });
    expect(validateLoanTerms({ ...valid, annualRatePercent: "20" }).annualRateMilliPercent).toBe(20_000n);
    expect(problemOf(() => validateLoanTerms({ ...valid, annualRatePercent: "15.5" }, { legalMaxPercent: "15" })).params).toMatchObject({ rate: "15.5", cap: "15" });
  });

  it("accepts the edges: 1 month, 600 months, 0%, day 31", () => {
    expect(() => validateLoanTerms({ ...valid, termMonths: 1 })).not.toThrow();
    expect(() => validateLoanTerms({ ...valid, termMonths: 600 })).not.toThrow();
    expect(() => validateLoanTerms({ ...valid, annualRatePercent: "0" })).not.toThrow();
    expect(() => validateLoanTerms({ ...valid, repaymentDay: 31, disbursedOn: "2028-01-31" })).not.toThrow();
  });

  it("refuses something that is not an object at all", () => {
    expect(problemOf(() => validateLoanTerms(null as unknown as LoanInput)).code).toBe("input.invalid");
  });
});

describe("loan error messages", () => {
  it("has a Korean and an English message for every loan.* code the plugin can produce", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const sources = readdirSync(import.meta.dirname).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
    const codes = new Set(sources.flatMap((name) => [...readFileSync(`${import.meta.dirname}/${name}`, "utf8").matchAll(/"(loan\.[a-z_]+)"/g)].map((match) => match[1]!)));
    expect(codes.size).toBeGreaterThan(15);
    expect([...codes].filter((code) => !(code in MESSAGES))).toEqual([]);
  });
});
