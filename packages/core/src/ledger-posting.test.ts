import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { debitsAndCredits, reversalOf, validatePosting, type Posting } from "./ledger-posting.ts";
import { DomainError } from "./domain-error.ts";

const accounts = new Set(["receivables", "cash", "revenue_subscription", "vat_payable"]);
const base: Posting = {
  effectiveOn: "2026-11-24",
  kind: "invoice",
  source: "test",
  idempotencyKey: "k1",
  lines: [
    { accountCode: "receivables", amountWon: 11_000n },
    { accountCode: "revenue_subscription", amountWon: -10_000n },
    { accountCode: "vat_payable", amountWon: -1_000n },
  ],
};

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : "other";
  }
  return undefined;
}

describe("validatePosting", () => {
  it("accepts a balanced entry on known accounts", () => {
    expect(codeOf(() => validatePosting(base, accounts))).toBeUndefined();
  });
  it("refuses an entry whose debits and credits differ", () => {
    const lines = [...base.lines.slice(0, 2)];
    expect(codeOf(() => validatePosting({ ...base, lines }, accounts))).toBe("ledger.unbalanced");
  });
  it("refuses an account that is not in the chart", () => {
    const lines = [{ accountCode: "nowhere", amountWon: 1n }, { accountCode: "cash", amountWon: -1n }];
    expect(codeOf(() => validatePosting({ ...base, lines }, accounts))).toBe("ledger.unknown_account");
  });
  it("refuses a single-line entry, zero lines and a date that does not exist", () => {
    expect(codeOf(() => validatePosting({ ...base, lines: [] }, accounts))).toBe("ledger.too_few_lines");
    const zero = [{ accountCode: "cash", amountWon: 0n }, { accountCode: "receivables", amountWon: 0n }];
    expect(codeOf(() => validatePosting({ ...base, lines: zero }, accounts))).toBe("ledger.zero_line");
    expect(codeOf(() => validatePosting({ ...base, effectiveOn: "2026-02-30" }, accounts))).toBe("ledger.bad_date");
  });
  it("a reversal of any balanced entry is balanced and cancels it", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 8 }), (debits) => {
        const total = debits.reduce((a, b) => a + b, 0n);
        const lines = [...debits.map((amountWon) => ({ accountCode: "receivables", amountWon })), { accountCode: "cash", amountWon: -total }];
        const reversed = reversalOf(lines);
        validatePosting({ ...base, lines: reversed }, accounts);
        const both = debitsAndCredits([...lines, ...reversed]);
        expect(both.debitWon).toBe(both.creditWon);
        expect(lines.concat(reversed).reduce((a, l) => a + l.amountWon, 0n)).toBe(0n);
      }),
    );
  });
});
