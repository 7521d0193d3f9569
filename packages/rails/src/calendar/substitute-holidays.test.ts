import { describe, expect, it } from "vitest";
import type { BankHoliday, HolidayOccasion } from "./bank-holiday.ts";
import { substituteHolidays } from "./substitute-holidays.ts";

const day = (date: string, occasion: HolidayOccasion, kind: BankHoliday["kind"] = "public"): BankHoliday => ({
  date,
  occasion,
  kind,
  name: { ko: occasion, en: occasion },
});

const substitutes = (holidays: BankHoliday[]) => substituteHolidays(holidays).map((s) => s.date);

describe("substituteHolidays", () => {
  it("moves a national day on a Saturday to the Monday", () => {
    expect(substitutes([day("2026-08-15", "liberation_day")])).toEqual(["2026-08-17"]);
  });

  it("moves Christmas and Children's Day on a weekend too", () => {
    expect(substitutes([day("2027-12-25", "christmas"), day("2030-05-05", "childrens_day")])).toEqual(["2027-12-27", "2030-05-06"]);
  });

  it("does not move New Year's Day or Memorial Day on a weekend", () => {
    expect(substitutes([day("2028-01-01", "new_year"), day("2026-06-06", "memorial_day")])).toEqual([]);
  });

  it("does not move a Seollal or Chuseok day that falls on a Saturday", () => {
    expect(substitutes([day("2026-09-24", "chuseok"), day("2026-09-25", "chuseok"), day("2026-09-26", "chuseok")])).toEqual([]);
  });

  it("adds one day after the festival when one of its days is a Sunday", () => {
    expect(substitutes([day("2027-02-06", "seollal"), day("2027-02-07", "seollal"), day("2027-02-08", "seollal")])).toEqual(["2027-02-09"]);
  });

  it("adds one day when two holidays meet on a weekday", () => {
    expect(substitutes([day("2025-05-05", "childrens_day"), day("2025-05-05", "buddhas_birthday")])).toEqual(["2025-05-06"]);
    expect(
      substitutes([day("2028-10-02", "chuseok"), day("2028-10-03", "chuseok"), day("2028-10-03", "national_foundation_day"), day("2028-10-04", "chuseok")]),
    ).toEqual(["2028-10-05"]);
  });

  it("skips holidays and earlier substitutes when looking for the free day", () => {
    const oct2025 = [
      day("2025-10-03", "national_foundation_day"),
      day("2025-10-05", "chuseok"),
      day("2025-10-06", "chuseok"),
      day("2025-10-07", "chuseok"),
      day("2025-10-09", "hangul_day"),
    ];
    expect(substitutes(oct2025)).toEqual(["2025-10-08"]);
  });

  it("ignores bank closures, which are not public holidays", () => {
    expect(substitutes([day("2027-12-31", "year_end_closing", "bank_closure"), day("2025-05-01", "labour_day", "bank_closure")])).toEqual([]);
  });
});
