import { describe, expect, it } from "vitest";
import { addDays, isBusinessDate } from "@sunap/core";
import type { HolidayOccasion } from "./bank-holiday.ts";
import { KOREAN_BANK_HOLIDAY_YEARS, KOREAN_BANK_HOLIDAYS } from "./korean-holidays.ts";
import { substituteHolidays } from "./substitute-holidays.ts";
import { weekdayOf } from "./weekday.ts";

const YEARS = Array.from({ length: KOREAN_BANK_HOLIDAY_YEARS.last - KOREAN_BANK_HOLIDAY_YEARS.first + 1 }, (_, i) => KOREAN_BANK_HOLIDAY_YEARS.first + i);

const dangi = new Intl.DateTimeFormat("en-u-ca-dangi", { month: "numeric", day: "numeric", timeZone: "UTC" });

/** The Korean lunisolar month/day of a date, e.g. "1/1" for Seollal; leap months read "4bis". */
function lunar(date: string): string {
  const parts = dangi.formatToParts(new Date(`${date}T00:00:00Z`));
  return `${parts.find((p) => p.type === "month")?.value}/${parts.find((p) => p.type === "day")?.value}`;
}

function mainDays(occasion: HolidayOccasion, year: number): string[] {
  return KOREAN_BANK_HOLIDAYS.filter(
    (h) => h.occasion === occasion && h.kind === "public" && h.date.startsWith(`${year}`) && !/전날|다음 날/.test(h.name.ko),
  ).map((h) => h.date);
}

describe("the shipped Korean holiday data", () => {
  it("holds only valid dates inside the covered years", () => {
    for (const h of KOREAN_BANK_HOLIDAYS) {
      expect(isBusinessDate(h.date), h.date).toBe(true);
      expect(YEARS).toContain(Number(h.date.slice(0, 4)));
    }
  });

  it.each(YEARS)("has every fixed-date holiday and bank closure in %i", (year) => {
    const dates = new Set(KOREAN_BANK_HOLIDAYS.map((h) => h.date));
    for (const monthDay of ["01-01", "03-01", "05-01", "05-05", "06-06", "08-15", "10-03", "10-09", "12-25", "12-31"]) {
      expect(dates.has(`${year}-${monthDay}`), `${year}-${monthDay}`).toBe(true);
    }
    expect(dates.has(`${year}-07-17`)).toBe(year >= 2026);
  });

  it.each(YEARS)("puts Seollal, Buddha's Birthday and Chuseok %i on the Korean lunar dates (ICU dangi calendar)", (year) => {
    const [seollal] = mainDays("seollal", year);
    const [buddha] = mainDays("buddhas_birthday", year);
    const [chuseok] = mainDays("chuseok", year);
    expect(seollal && lunar(seollal)).toBe("1/1");
    expect(buddha && lunar(buddha)).toBe("4/8");
    expect(chuseok && lunar(chuseok)).toBe("8/15");
    for (const [occasion, main] of [["seollal", seollal], ["chuseok", chuseok]] as const) {
      const days = KOREAN_BANK_HOLIDAYS.filter((h) => h.occasion === occasion && h.kind === "public" && h.date.startsWith(`${year}`)).map((h) => h.date);
      expect(days).toEqual([addDays(main ?? "", -1), main, addDays(main ?? "", 1)]);
    }
  });

  it("has the dates everyone checks for 2026", () => {
    const on = (date: string) => KOREAN_BANK_HOLIDAYS.filter((h) => h.date === date).map((h) => h.kind);
    expect(["2026-02-16", "2026-02-17", "2026-02-18"].map(on)).toEqual([["public"], ["public"], ["public"]]);
    expect(["2026-09-24", "2026-09-25", "2026-09-26"].map(on)).toEqual([["public"], ["public"], ["public"]]);
    expect(on("2026-05-24")).toEqual(["public"]);
    expect(on("2026-05-25")).toEqual(["substitute"]);
    expect(on("2026-06-03")).toEqual(["election"]);
  });

  it("has exactly the substitute holidays the rule of 제3조 derives, year by year", () => {
    const shipped = KOREAN_BANK_HOLIDAYS.filter((h) => h.kind === "substitute").map((h) => `${h.date} for ${h.substituteFor}`);
    const derived = substituteHolidays(KOREAN_BANK_HOLIDAYS.filter((h) => h.kind !== "substitute")).map((s) => `${s.date} for ${s.substituteFor}`);
    expect(shipped).toEqual(derived);
  });

  it("never puts a substitute holiday on a weekend or on another closure", () => {
    const others = new Set(KOREAN_BANK_HOLIDAYS.filter((h) => h.kind !== "substitute").map((h) => h.date));
    for (const h of KOREAN_BANK_HOLIDAYS.filter((x) => x.kind === "substitute")) {
      expect([0, 6], h.date).not.toContain(weekdayOf(h.date));
      expect(others.has(h.date), h.date).toBe(false);
    }
  });

  it("holds elections at the end of a term on Wednesdays, as the election law fixes them", () => {
    // 2025-06-03 was an early presidential election (a Tuesday): only term-end elections fall on Wednesdays.
    const termEnd = KOREAN_BANK_HOLIDAYS.filter((x) => x.kind === "election" && x.date !== "2025-06-03");
    expect(termEnd.map((h) => h.date)).toEqual(["2026-06-03", "2028-04-12", "2030-03-27", "2030-06-12"]);
    for (const h of termEnd) expect(weekdayOf(h.date), h.date).toBe(3);
  });

  it("names every day in Korean and English", () => {
    for (const h of KOREAN_BANK_HOLIDAYS) {
      expect(h.name.ko.length).toBeGreaterThan(0);
      expect(h.name.en.length).toBeGreaterThan(0);
    }
  });
});
