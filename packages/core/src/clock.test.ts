import { describe, expect, it } from "vitest";
import { atTimeOfDayOn, businessNow, pinnedClock, systemClock, type Clock } from "./clock.ts";
import { addDays, businessDateAt, isBusinessDate, monthStart } from "./business-date.ts";

describe("business dates", () => {
  it("takes today's date in Seoul, not in UTC, late in the UTC evening", () => {
    expect(businessDateAt(new Date("2026-11-30T16:00:00Z"), "Asia/Seoul")).toBe("2026-12-01");
    expect(businessDateAt(new Date("2026-11-30T14:59:59Z"), "Asia/Seoul")).toBe("2026-11-30");
  });
  it("rejects dates that do not exist", () => {
    expect(isBusinessDate("2026-02-29")).toBe(false);
    expect(isBusinessDate("2028-02-29")).toBe(true);
    expect(isBusinessDate("2026-13-01")).toBe(false);
    expect(isBusinessDate("20261101")).toBe(false);
  });
  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
  it("names a date's accounting period by the first of its month", () => {
    expect(monthStart("2026-11-24")).toBe("2026-11-01");
  });
  it("lets demo mode pin today's business date", () => {
    expect(pinnedClock("2026-11-30", "Asia/Seoul").today()).toBe("2026-11-30");
  });
});

describe("business now: the pinned date at the wall clock's time of day", () => {
  const at = (iso: string): Clock => ({ now: () => new Date(iso), today: () => businessDateAt(new Date(iso), "Asia/Seoul") });

  it("is the wall clock itself when the date is not pinned", () => {
    const clock = at("2026-11-24T05:30:00.250Z");
    expect(businessNow(clock).toISOString()).toBe("2026-11-24T05:30:00.250Z");
    const system = systemClock("Asia/Seoul");
    expect(Math.abs(businessNow(system).getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("keeps Seoul's time of day on the pinned date, earlier or later than the calendar's", () => {
    // 14:30:00.250 in Seoul on 24 November.
    const base = at("2026-11-24T05:30:00.250Z");
    expect(businessNow(pinnedClock("2026-12-09", "Asia/Seoul", base)).toISOString()).toBe("2026-12-09T05:30:00.250Z");
    expect(businessNow(pinnedClock("2026-03-16", "Asia/Seoul", base)).toISOString()).toBe("2026-03-16T05:30:00.250Z");
    expect(businessNow(pinnedClock("2026-11-24", "Asia/Seoul", base)).toISOString()).toBe("2026-11-24T05:30:00.250Z");
  });

  it("keeps the business date Seoul is on when UTC is still on the day before", () => {
    // 23:50 UTC on 30 November is 08:50 on 1 December in Seoul.
    const base = at("2026-11-30T23:50:00Z");
    const pinned = businessNow(pinnedClock("2027-01-15", "Asia/Seoul", base));
    expect(pinned.toISOString()).toBe("2027-01-14T23:50:00.000Z");
    expect(businessDateAt(pinned, "Asia/Seoul")).toBe("2027-01-15");
  });

  it("keeps the local time of day across a daylight-saving change (New York: 12:00 EST in January is 12:00 EDT in July)", () => {
    expect(atTimeOfDayOn("2026-07-15", new Date("2026-01-15T17:00:00Z"), "America/New_York").toISOString()).toBe("2026-07-15T16:00:00.000Z");
    expect(atTimeOfDayOn("2026-12-01", new Date("2026-07-15T16:00:00Z"), "America/New_York").toISOString()).toBe("2026-12-01T17:00:00.000Z");
    // Just after midnight in New York is still the previous day in UTC terms, a day behind Seoul.
    expect(atTimeOfDayOn("2026-02-10", new Date("2026-06-01T04:15:00Z"), "America/New_York").toISOString()).toBe("2026-02-10T05:15:00.000Z");
  });

  it("moves with the wall clock, so timestamps taken from it stay ordered", () => {
    let wall = new Date("2026-11-24T05:30:00Z");
    const base: Clock = { now: () => wall, today: () => businessDateAt(wall, "Asia/Seoul") };
    const clock = pinnedClock("2026-12-01", "Asia/Seoul", base);
    const first = businessNow(clock);
    wall = new Date(wall.getTime() + 90_000);
    expect(businessNow(clock).getTime() - first.getTime()).toBe(90_000);
  });
});
