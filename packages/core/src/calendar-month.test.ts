import { describe, expect, it } from "vitest";
import { addMonths, dayOfMonth, daysInMonth, isMonth, lastDayOf, nextMonth } from "./calendar-month.ts";

describe("calendar months", () => {
  it("knows February in common and leap years", () => {
    expect(daysInMonth("2026-02")).toBe(28);
    expect(daysInMonth("2028-02")).toBe(29);
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
  });
  it("moves across year ends in both directions", () => {
    expect(nextMonth("2026-12")).toBe("2027-01");
    expect(addMonths("2027-01", -2)).toBe("2026-11");
    expect(addMonths("2026-11", 14)).toBe("2028-01");
  });
  it("clamps a day 31 to the month's last day", () => {
    expect(dayOfMonth("2026-04", 31)).toBe("2026-04-30");
    expect(dayOfMonth("2026-02", 30)).toBe("2026-02-28");
  });
  it("accepts only real months", () => {
    expect(isMonth("2026-13")).toBe(false);
    expect(isMonth("2026-00")).toBe(false);
    expect(isMonth("2026-1")).toBe(false);
    expect(isMonth("2026-11")).toBe(true);
  });
});
