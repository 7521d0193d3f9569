import { describe, expect, it } from "vitest";
import { ageOn, birthDateProblem, isKoreanPhone } from "./payer-rules.ts";

describe("payer rules", () => {
  it("counts age in full years, the birthday itself included", () => {
    expect(ageOn("2012-11-24", "2026-11-24")).toBe(14);
    expect(ageOn("2012-11-25", "2026-11-24")).toBe(13);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });
  it("refuses a birth date in the future, a date that does not exist, and a payer under 14", () => {
    expect(birthDateProblem("2027-01-01", "2026-11-24")).toBe("payer.birth_date_future");
    expect(birthDateProblem("1990-02-30", "2026-11-24")).toBe("payer.birth_date_invalid");
    expect(birthDateProblem("2013-01-01", "2026-11-24")).toBe("payer.under_minimum_age");
    expect(birthDateProblem("1990-05-17", "2026-11-24")).toBeNull();
  });
  it("accepts Korean mobile and landline numbers with or without dashes", () => {
    for (const phone of ["010-1234-5678", "01012345678", "02-123-4567", "031-123-4567", "070-1234-5678"]) expect(isKoreanPhone(phone), phone).toBe(true);
    for (const phone of ["1234", "010-12-34", "+1 555 0100", "011-1234"]) expect(isKoreanPhone(phone), phone).toBe(false);
  });
});
