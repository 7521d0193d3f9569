import { describe, expect, it } from "vitest";
import { estimateSales } from "./estimate.ts";

const report = (month: string, grossSalesWon: bigint) => ({ month, grossSalesWon });

describe("estimateSales", () => {
  const cases: { name: string; reports: ReturnType<typeof report>[]; before?: string; expected: { grossSalesWon: bigint; basisMonths: string[] } | null }[] = [
    { name: "no history: null (the minimum royalty applies)", reports: [], expected: null },
    { name: "one month: that month", reports: [report("2026-09", 10_000_000n)], expected: { grossSalesWon: 10_000_000n, basisMonths: ["2026-09"] } },
    {
      name: "two months: their average",
      reports: [report("2026-08", 10_000_000n), report("2026-09", 20_000_000n)],
      expected: { grossSalesWon: 15_000_000n, basisMonths: ["2026-08", "2026-09"] },
    },
    {
      name: "three months: their average, truncated to the won",
      reports: [report("2026-07", 10_000_000n), report("2026-08", 10_000_000n), report("2026-09", 10_000_001n)],
      expected: { grossSalesWon: 10_000_000n, basisMonths: ["2026-07", "2026-08", "2026-09"] },
    },
    {
      name: "more than three: only the last three, in any input order",
      reports: [report("2026-09", 30n), report("2026-05", 999_999n), report("2026-07", 10n), report("2026-08", 20n), report("2026-06", 999_999n)],
      expected: { grossSalesWon: 20n, basisMonths: ["2026-07", "2026-08", "2026-09"] },
    },
    {
      name: "gaps do not matter: the three most recent reports",
      reports: [report("2026-01", 30n), report("2026-04", 60n), report("2026-09", 90n)],
      expected: { grossSalesWon: 60n, basisMonths: ["2026-01", "2026-04", "2026-09"] },
    },
    {
      name: "reports of the month itself and later are left out with `before`",
      reports: [report("2026-08", 100n), report("2026-09", 200n), report("2026-10", 900n)],
      before: "2026-10",
      expected: { grossSalesWon: 150n, basisMonths: ["2026-08", "2026-09"] },
    },
    { name: "zero sales count as reports", reports: [report("2026-09", 0n)], expected: { grossSalesWon: 0n, basisMonths: ["2026-09"] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = estimateSales(c.reports, c.before ? { before: c.before } : {});
      expect(result).toEqual(c.expected === null ? null : { estimated: true, ...c.expected });
    });
  }
  it("refuses two reports for one month", () => {
    expect(() => estimateSales([report("2026-09", 1n), report("2026-09", 2n)])).toThrow("royalty.duplicate_report");
  });
});
