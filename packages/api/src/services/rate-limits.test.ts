import { describe, expect, it } from "vitest";
import { secondsToWait } from "./rate-limits.ts";

const rule = { limit: 10, windowMs: 60_000 };

describe("secondsToWait (sliding-window estimate)", () => {
  it("lets attempts through while this window alone is within the limit and the previous one was quiet", () => {
    expect(secondsToWait(rule, 30_000, 10, 0)).toBe(0);
    expect(secondsToWait(rule, 30_000, 11, 0)).toBeGreaterThan(0);
  });

  it("weighs the previous window by the share of it still inside one window length", () => {
    // Half way through: 10 earlier attempts count as 5, so 5 more pass and the 6th does not.
    expect(secondsToWait(rule, 30_000, 5, 10)).toBe(0);
    expect(secondsToWait(rule, 30_000, 6, 10)).toBe(6); // 10 × (1 − (30 + t) / 60) ≤ 4 → t = 6 s
  });

  it("refuses a burst straddling a boundary that a plain fixed window would let through twice", () => {
    // 10 at the very end of the last window, 10 at the very start of this one.
    expect(secondsToWait(rule, 1_000, 10, 10)).toBeGreaterThan(0);
  });

  it("when this window alone is over, waits for its end and for it to fade enough", () => {
    // 20 attempts, 15 s in: 45 s to the end, then the 20 must weigh ≤ 10 → half of the next window.
    expect(secondsToWait(rule, 15_000, 20, 0)).toBe(75);
  });

  it("never answers less than a second when refusing", () => {
    expect(secondsToWait(rule, 59_999, 10, 10)).toBe(1);
  });
});
