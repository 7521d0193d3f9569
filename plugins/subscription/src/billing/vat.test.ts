import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitVatIncluded } from "./vat.ts";

describe("splitVatIncluded", () => {
  const cases: [bigint, bigint, bigint][] = [
    [11_000n, 10_000n, 1_000n],
    [10_000n, 9_090n, 910n],
    [1n, 0n, 1n],
    [0n, 0n, 0n],
    [99_999n, 90_908n, 9_091n],
  ];
  for (const [total, supply, vat] of cases) {
    it(`splits ${total} won into ${supply} supply and ${vat} VAT`, () => {
      expect(splitVatIncluded(total)).toEqual({ supplyWon: supply, vatWon: vat });
    });
  }
  it("always adds up, and the VAT is within one won of a tenth of the supply", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), (total) => {
        const { supplyWon, vatWon } = splitVatIncluded(total);
        expect(supplyWon + vatWon).toBe(total);
        expect(vatWon * 10n - supplyWon >= 0n && vatWon * 10n - supplyWon <= 10n).toBe(true);
      }),
    );
  });
});
