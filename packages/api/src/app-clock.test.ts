import { describe, expect, it } from "vitest";
import { businessDateAt } from "@sunap/core";
import { AppClock } from "./app-clock.ts";

/** An application clock whose wall clock reads a fixed instant. */
class FixedWallClock extends AppClock {
  constructor(
    private readonly wall: Date,
    timeZone: string,
    envToday: string | null,
  ) {
    super(timeZone, true, envToday);
  }

  override now(): Date {
    return this.wall;
  }
}

describe("the application clock's business now", () => {
  it("is the wall clock when the date is not pinned", () => {
    const clock = new FixedWallClock(new Date("2026-11-24T05:30:00Z"), "Asia/Seoul", null);
    expect(clock.businessNow().toISOString()).toBe("2026-11-24T05:30:00.000Z");
  });

  it("is the pinned date at Seoul's time of day when SUNAP_TODAY pins it", () => {
    const clock = new FixedWallClock(new Date("2026-11-24T16:10:00Z"), "Asia/Seoul", "2026-03-16");
    // 01:10 on 25 November in Seoul becomes 01:10 on 16 March in Seoul.
    expect(clock.businessNow().toISOString()).toBe("2026-03-15T16:10:00.000Z");
    expect(businessDateAt(clock.businessNow(), "Asia/Seoul")).toBe(clock.today());
  });

  it("follows the organisation's time zone", () => {
    const clock = new FixedWallClock(new Date("2026-11-24T16:10:00Z"), "Europe/Berlin", "2026-07-01");
    // 17:10 CET in November is 17:10 CEST on 1 July.
    expect(clock.businessNow().toISOString()).toBe("2026-07-01T15:10:00.000Z");
  });
});
