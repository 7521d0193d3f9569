import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatRate, royaltyOnSales } from "./royalty-rate.ts";
import { RoyaltyRate } from "./terms.ts";

const tiers = [
  { fromWon: 0n, rateBp: 500 },
  { fromWon: 30_000_000n, rateBp: 400 },
  { fromWon: 50_000_000n, rateBp: 300 },
];
const marginal = RoyaltyRate.parse({ kind: "tiered", tiers });
const whole = RoyaltyRate.parse({ kind: "tiered", mode: "whole", tiers });
const flat = RoyaltyRate.parse({ kind: "flat", rateBp: 550 });

describe("royaltyOnSales", () => {
  const cases: { name: string; rate: RoyaltyRate; salesWon: bigint; royaltyWon: bigint }[] = [
    { name: "flat 5.5% of 12,345,678 = 679,012.29 → 679,012", rate: flat, salesWon: 12_345_678n, royaltyWon: 679_012n },
    { name: "flat rate on zero sales is zero", rate: flat, salesWon: 0n, royaltyWon: 0n },
    { name: "marginal: inside the first tier", rate: marginal, salesWon: 20_000_000n, royaltyWon: 1_000_000n },
    { name: "marginal: exactly at the second threshold, all at the first rate", rate: marginal, salesWon: 30_000_000n, royaltyWon: 1_500_000n },
    { name: "marginal: one won over the threshold adds 4% of one won (truncated)", rate: marginal, salesWon: 30_000_001n, royaltyWon: 1_500_000n },
    { name: "marginal: 40,000,000 = 30M × 5% + 10M × 4%", rate: marginal, salesWon: 40_000_000n, royaltyWon: 1_900_000n },
    { name: "marginal: exactly at the third threshold", rate: marginal, salesWon: 50_000_000n, royaltyWon: 2_300_000n },
    { name: "marginal: across all tiers", rate: marginal, salesWon: 60_000_000n, royaltyWon: 2_600_000n },
    { name: "marginal: zero sales", rate: marginal, salesWon: 0n, royaltyWon: 0n },
    { name: "whole: just under the threshold, the first rate on everything", rate: whole, salesWon: 29_999_999n, royaltyWon: 1_499_999n },
    { name: "whole: exactly at the threshold, the second tier's rate on everything", rate: whole, salesWon: 30_000_000n, royaltyWon: 1_200_000n },
    { name: "whole: 60,000,000 at 3%", rate: whole, salesWon: 60_000_000n, royaltyWon: 1_800_000n },
  ];
  for (const c of cases) {
    it(c.name, () => expect(royaltyOnSales(c.rate, c.salesWon).royaltyWon).toBe(c.royaltyWon));
  }

  it("lists the parts it charged, for the statement", () => {
    expect(royaltyOnSales(marginal, 40_000_000n).parts).toEqual([
      { portionWon: 30_000_000n, rateBp: 500 },
      { portionWon: 10_000_000n, rateBp: 400 },
    ]);
  });

  it("marginal tiers never charge less for more sales (property)", () => {
    const tierArb = fc
      .uniqueArray(fc.bigInt({ min: 1n, max: 100_000_000n }), { maxLength: 5 })
      .chain((thresholds) =>
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: thresholds.length + 1, maxLength: thresholds.length + 1 }).map((rates) => ({
          kind: "tiered" as const,
          tiers: [0n, ...thresholds.sort((a, b) => (a < b ? -1 : 1))].map((fromWon, i) => ({ fromWon, rateBp: rates[i]! })),
        })),
      );
    fc.assert(
      fc.property(tierArb, fc.bigInt({ min: 0n, max: 200_000_000n }), fc.bigInt({ min: 0n, max: 200_000_000n }), (t, a, b) => {
        const rate = RoyaltyRate.parse(t);
        const [low, high] = a < b ? [a, b] : [b, a];
        const lowRoyalty = royaltyOnSales(rate, low).royaltyWon;
        const highRoyalty = royaltyOnSales(rate, high).royaltyWon;
        expect(lowRoyalty <= highRoyalty).toBe(true);
        const maxBp = BigInt(Math.max(...rate.kind === "tiered" ? rate.tiers.map((x) => x.rateBp) : [0]));
        expect(highRoyalty <= (high * maxBp) / 10_000n).toBe(true);
      }),
    );
  });
});

describe("formatRate", () => {
  it.each([
    [500, "5%"],
    [550, "5.5%"],
    [1_234, "12.34%"],
    [5, "0.05%"],
    [10_000, "100%"],
  ])("shows %i basis points as %s", (bp, text) => expect(formatRate(bp)).toBe(text));
});

describe("royalty rate schema", () => {
  it("refuses tiers that do not start at zero or do not rise", () => {
    const paths = (input: unknown) => RoyaltyRate.safeParse(input).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths({ kind: "tiered", tiers: [{ fromWon: 1n, rateBp: 500 }] })).toEqual(["tiers.0.fromWon"]);
    expect(paths({ kind: "tiered", tiers: [{ fromWon: 0n, rateBp: 500 }, { fromWon: 0n, rateBp: 400 }] })).toEqual(["tiers.1.fromWon"]);
    expect(paths({ kind: "flat", rateBp: 10_001 })).toEqual(["rateBp"]);
    expect(paths({ kind: "flat", rateBp: 5.5 })).toEqual(["rateBp"]);
  });
});
