import { describe, expect, it } from "vitest";
import { percentText, rateBpOf } from "./rate-text.ts";

describe("rates typed as percent", () => {
  it.each([["5.5", 550], ["5", 500], ["0.25", 25], ["12.05%", 1205], ["100", 10_000]])("%s%% is %i basis points", (text, bp) => {
    expect(rateBpOf(text)).toBe(bp);
    expect(rateBpOf(percentText(bp))).toBe(bp);
  });

  it("refuses more than two decimals, negatives and words", () => {
    expect(rateBpOf("5.555")).toBeNull();
    expect(rateBpOf("-1")).toBeNull();
    expect(rateBpOf("five")).toBeNull();
  });
});
