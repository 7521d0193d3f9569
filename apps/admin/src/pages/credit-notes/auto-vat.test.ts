import { describe, expect, it } from "vitest";
import { autoVatAmounts } from "./auto-vat.ts";

const lines = [
  { position: 1, creditAccount: "revenue_royalty", leftWon: 1_514_700n },
  { position: 2, creditAccount: "franchise_fees", leftWon: 150_000n },
  { position: 3, creditAccount: "vat_payable", leftWon: 151_470n },
  { position: 4, creditAccount: "vat_payable", leftWon: 15_000n },
];

describe("autoVatAmounts", () => {
  it("takes 10% of the supply entered, truncated to the won, from the first VAT line", () => {
    expect(autoVatAmounts(lines, { "1": 12_345n, "2": null })).toEqual(new Map([[3, 1_234n], [4, 0n]]));
  });

  it("spreads over the next VAT line when the first has too little left", () => {
    expect(autoVatAmounts(lines, { "1": 1_514_700n, "2": 150_000n })).toEqual(new Map([[3, 151_470n], [4, 15_000n]]));
    expect(autoVatAmounts([lines[0]!, { ...lines[2]!, leftWon: 100n }, lines[3]!], { "1": 5_000n })).toEqual(new Map([[3, 100n], [4, 400n]]));
  });
});
