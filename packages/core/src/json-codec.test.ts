import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson } from "./json-codec.ts";

describe("json codec", () => {
  it("round-trips bigints beyond the safe integer range through JSON text", () => {
    const value = { amountWon: 9_007_199_254_740_993n, lines: [{ won: 1n, label: "x" }], flag: true, none: null };
    expect(decodeJson(JSON.parse(JSON.stringify(encodeJson(value))))).toEqual(value);
  });

  it("drops undefined fields the way JSON does", () => {
    expect(encodeJson({ a: undefined, b: 1 })).toEqual({ b: 1 });
  });
});
