import { describe, expect, it } from "vitest";
import { pinnedClock } from "./clock.ts";
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
