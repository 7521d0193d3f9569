import { describe, expect, it } from "vitest";
import { hashQueryKey } from "./query-key-hash.ts";

describe("hashQueryKey", () => {
  it("hashes keys holding bigint amounts, which JSON.stringify refuses", () => {
    expect(() => JSON.stringify([{ amountWon: 1n }])).toThrow();
    expect(hashQueryKey(["preview", { amountWon: 3_000_000n }])).toBe('["preview",{"amountWon":{"$bigint":"3000000"}}]');
  });

  it("tells different amounts apart, beyond the range of a float", () => {
    expect(hashQueryKey([9_007_199_254_740_993n])).not.toBe(hashQueryKey([9_007_199_254_740_992n]));
  });

  it("gives the same hash whatever the order of object keys", () => {
    expect(hashQueryKey([{ a: 1, b: { c: 2, d: 3 } }])).toBe(hashQueryKey([{ b: { d: 3, c: 2 }, a: 1 }]));
  });
});
