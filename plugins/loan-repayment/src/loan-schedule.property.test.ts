import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loanSchedule, type LoanSchedule } from "./loan-schedule.ts";
import { REPAYMENT_METHODS, type LoanInput } from "./loan-terms.ts";
import { prepay } from "./prepayment.ts";
import { formatRatePercent, milliPercent } from "./rate.ts";

const dateArbitrary = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Any valid loan: principal from 1 won to a trillion, rate 0–20% in thousandths, 1–600 months, with or without dates. */
export const loanInputArbitrary: fc.Arbitrary<LoanInput> = fc
  .record({
    principalWon: fc.oneof(fc.bigInt({ min: 1n, max: 1_000n }), fc.bigInt({ min: 1n, max: 10n ** 12n })),
    rate: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 20_000n })),
    termMonths: fc.oneof(fc.integer({ min: 1, max: 36 }), fc.integer({ min: 1, max: 600 })),
    method: fc.constantFrom(...REPAYMENT_METHODS),
    dates: fc.option(fc.record({ disbursedOn: dateArbitrary, repaymentDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ principalWon, rate, termMonths, method, dates }) => ({
    principalWon,
    // Half the cases as percent text, half as milli-percent: both must give the same schedule.
    annualRatePercent: rate % 2n === 0n ? formatRatePercent(milliPercent(rate)) : milliPercent(rate),
    termMonths,
    method,
    ...(dates && { disbursedOn: dates.disbursedOn }),
    ...(dates?.repaymentDay !== undefined && { repaymentDay: dates.repaymentDay }),
  }));

function closedFormPayment(principalWon: bigint, rate: bigint, months: number): bigint {
  if (rate === 0n) return principalWon / BigInt(months);
  const b = 1_200_000n;
  const n = BigInt(months);
  return (principalWon * rate * (rate + b) ** n) / (b * ((rate + b) ** n - b ** n));
}

/** The invariants every schedule keeps, before or after prepayments; problems are collected so one expect reports them all. */
function expectConsistent(schedule: LoanSchedule, principalWon: bigint) {
  const { installments } = schedule;
  const problems: string[] = [];
  const prepaid = schedule.prepayments.reduce((sum, p) => sum + p.principalWon, 0n);
  if (installments.reduce((sum, i) => sum + i.principalWon, 0n) + prepaid !== principalWon) problems.push("principal parts do not sum to the principal");
  if (schedule.totals.principalWon + prepaid !== principalWon) problems.push("totals do not show the principal");
  for (const [index, i] of installments.entries()) {
    if ([i.openingPrincipalWon, i.principalWon, i.interestWon, i.paymentWon, i.closingPrincipalWon].some((amount) => amount < 0n)) problems.push(`#${i.number}: negative amount`);
    if (i.paymentWon !== i.principalWon + i.interestWon) problems.push(`#${i.number}: payment is not principal + interest`);
    if (i.closingPrincipalWon !== i.openingPrincipalWon - i.principalWon) problems.push(`#${i.number}: closing is not opening − principal`);
    if (i.number !== index + 1) problems.push(`#${i.number}: numbering`);
    const next = installments[index + 1];
    if (next && !schedule.prepayments.some((p) => p.afterInstallment === index + 1) && next.openingPrincipalWon !== i.closingPrincipalWon) problems.push(`#${next.number}: opening is not the previous closing`);
    if (next?.dueOn && i.dueOn && !(next.dueOn > i.dueOn)) problems.push(`#${next.number}: due dates out of order`);
  }
  // The last installment closes at 0, unless a prepayment after it repaid the rest.
  const repaidAfterLast = schedule.prepayments.filter((p) => p.afterInstallment === installments.length).reduce((sum, p) => sum + p.principalWon, 0n);
  if ((installments.at(-1)?.closingPrincipalWon ?? principalWon) !== repaidAfterLast) problems.push("the last installment leaves principal unpaid");
  expect(problems).toEqual([]);
}

/** Truncation can repay a tiny loan early (19 won over 20 months pays 1 won a month, no interest). The balance
 * drifts from the exact one by less than Σ(1+r)^k won — under 23,000 over 360 months at 20% — far below the
 * payment of any loan of 10,000,000 won or more: those run their full term. */
function runsFullTerm(method: string, principalWon: bigint, months: number): boolean {
  return method !== "equal-installment" || (principalWon >= 10_000_000n && months <= 360);
}

describe("loan schedule properties", () => {
  it("principal parts sum to exactly the principal, nothing is negative, and the last installment closes at 0", () => {
    fc.assert(
      fc.property(loanInputArbitrary, (input) => {
        const schedule = loanSchedule(input);
        expectConsistent(schedule, BigInt(input.principalWon));
        expect(schedule.installments.length).toBeLessThanOrEqual(input.termMonths);
        if (runsFullTerm(input.method, BigInt(input.principalWon), input.termMonths)) expect(schedule.installments).toHaveLength(input.termMonths);
      }),
      { numRuns: 300 },
    );
  });

  it("equal installments: every installment but an irregular first and the last pays the closed-form payment", () => {
    fc.assert(
      fc.property(loanInputArbitrary, (input) => {
        const schedule = loanSchedule({ ...input, method: "equal-installment" });
        const rate = schedule.terms.annualRateMilliPercent;
        expect(schedule.levelPaymentWon).toBe(closedFormPayment(schedule.terms.principalWon, rate, input.termMonths));
        const irregular = schedule.installments.slice(0, -1).filter((i) => i.interestBasis === "monthly" && i.paymentWon !== schedule.levelPaymentWon);
        expect(irregular).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("dated schedules: a first period of 15 to 45 days, then a calendar month each", () => {
    fc.assert(
      fc.property(loanInputArbitrary, dateArbitrary, (input, disbursedOn) => {
        const schedule = loanSchedule({ ...input, disbursedOn });
        const [first, ...rest] = schedule.installments;
        expect(first!.days).toBeGreaterThanOrEqual(15);
        expect(first!.days).toBeLessThanOrEqual(45);
        expect(rest.filter((i) => i.days! < 28 || i.days! > 31 || i.interestBasis !== "monthly")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("after a prepayment in either mode the schedule still repays exactly the principal, ending no later", () => {
    const prepaymentCase = fc
      .record({
        input: loanInputArbitrary,
        disbursedOn: dateArbitrary,
        paidShare: fc.double({ min: 0, max: 0.999, noNaN: true }),
        amountShare: fc.bigInt({ min: 1n, max: 1000n }),
        dayShare: fc.integer({ min: 0, max: 100 }),
        method: fc.constantFrom("shorten-term" as const, "reduce-payment" as const),
      })
      .filter(({ input, method }) => !(input.method === "bullet" && method === "shorten-term"));
    fc.assert(
      fc.property(prepaymentCase, ({ input, disbursedOn, paidShare, amountShare, dayShare, method }) => {
        const schedule = loanSchedule({ ...input, disbursedOn });
        const paidInstallments = Math.floor(paidShare * schedule.installments.length);
        const next = schedule.installments[paidInstallments]!;
        const from = paidInstallments === 0 ? disbursedOn : schedule.installments[paidInstallments - 1]!.dueOn!;
        const date = new Date(Date.parse(from) + Math.floor(((Date.parse(next.dueOn!) - Date.parse(from)) * dayShare) / 100)).toISOString().slice(0, 10);
        const amountWon = (next.openingPrincipalWon * amountShare) / 1000n || 1n;
        const result = prepay({ schedule, paidInstallments }, { date, amountWon, method });
        expectConsistent(result.schedule, BigInt(input.principalWon));
        expect(result.schedule.installments.slice(0, paidInstallments)).toEqual(schedule.installments.slice(0, paidInstallments));
        expect(result.schedule.installments.length).toBeLessThanOrEqual(schedule.installments.length);
        const remainingCount = schedule.installments.length - paidInstallments;
        if (method === "reduce-payment" && result.remainingPrincipalWon > 0n && runsFullTerm(input.method, result.remainingPrincipalWon, remainingCount)) {
          expect(result.schedule.installments).toHaveLength(schedule.installments.length);
        }
        expect(result.totalWon).toBe(result.principalWon + result.accruedInterestWon + result.feeWon);
      }),
      { numRuns: 200 },
    );
  });
});
