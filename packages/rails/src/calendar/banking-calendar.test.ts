import { describe, expect, it } from "vitest";
import { DomainError } from "@sunap/core";
import { BankingCalendar } from "./banking-calendar.ts";

const calendar = BankingCalendar.korea();

describe("BankingCalendar.isBankingDay", () => {
  it.each([
    ["2026-11-24", true, "an ordinary Tuesday"],
    ["2026-11-28", false, "a Saturday"],
    ["2026-11-29", false, "a Sunday"],
    ["2026-02-16", false, "the day before Seollal 2026"],
    ["2026-02-17", false, "Seollal 2026"],
    ["2026-02-18", false, "the day after Seollal 2026"],
    ["2026-02-19", true, "the Thursday after Seollal 2026"],
    ["2026-09-24", false, "the day before Chuseok 2026"],
    ["2026-09-25", false, "Chuseok 2026"],
    ["2026-09-28", true, "the Monday after Chuseok 2026 (no substitute: only a Saturday was lost)"],
    ["2026-03-02", false, "the substitute for 3·1절 on a Sunday"],
    ["2026-05-25", false, "the substitute for Buddha's Birthday on a Sunday"],
    ["2026-08-17", false, "the substitute for Liberation Day on a Saturday"],
    ["2026-10-05", false, "the substitute for National Foundation Day on a Saturday"],
    ["2025-05-01", false, "Workers' Day 2025, when only the banks closed"],
    ["2025-05-02", true, "the Friday after Workers' Day 2025"],
    ["2026-05-01", false, "Labour Day, a public holiday from 2026"],
    ["2026-07-17", false, "Constitution Day, a public holiday again from 2026"],
    ["2025-12-31", false, "the banks' year-end closing day"],
    ["2026-12-31", false, "the banks' year-end closing day"],
    ["2026-06-03", false, "the 2026 local elections"],
    ["2025-01-27", false, "the temporary holiday of 2025"],
    ["2025-10-08", false, "the substitute for Chuseok 2025 on a Sunday"],
    ["2027-02-09", false, "the substitute for Seollal 2027 on a Sunday"],
    ["2027-05-03", false, "the substitute for Labour Day 2027 on a Saturday"],
    ["2027-12-27", false, "the substitute for Christmas 2027 on a Saturday"],
    ["2028-10-05", false, "the substitute for Chuseok 2028 meeting National Foundation Day"],
    ["2029-09-24", false, "the substitute for Chuseok 2029 on a Sunday"],
    ["2030-02-05", false, "the substitute for Seollal 2030 on a Sunday"],
  ])("says %s is a banking day: %s (%s)", (date, expected) => {
    expect(calendar.isBankingDay(date)).toBe(expected);
  });
});

describe("BankingCalendar stepping", () => {
  it.each([
    ["2026-02-13", "2026-02-19", "jumps a weekend and the three Seollal days"],
    ["2026-09-23", "2026-09-28", "jumps Chuseok and the weekend"],
    ["2025-10-02", "2025-10-10", "jumps the 2025 October week: 10/3, weekend, Chuseok, its substitute and Hangul Day"],
    ["2026-05-22", "2026-05-26", "jumps the weekend and the Buddha's Birthday substitute"],
    ["2025-04-30", "2025-05-02", "jumps Workers' Day 2025"],
    ["2025-12-30", "2026-01-02", "crosses the year over Dec 31 and New Year's Day"],
    ["2027-12-30", "2028-01-03", "crosses the year over Dec 31, a weekend New Year's Day"],
    ["2028-12-29", "2029-01-02", "crosses the year over a weekend, Dec 31 and New Year's Day"],
  ])("moves from %s to the next banking day %s (%s)", (from, to) => {
    expect(calendar.nextBankingDay(from)).toBe(to);
    expect(calendar.previousBankingDay(to)).toBe(from);
  });

  it("counts banking days forward and back, and leaves the date alone for 0", () => {
    expect(calendar.addBankingDays("2026-02-13", 1)).toBe("2026-02-19");
    expect(calendar.addBankingDays("2026-02-13", 2)).toBe("2026-02-20");
    expect(calendar.addBankingDays("2025-12-29", 3)).toBe("2026-01-05");
    expect(calendar.addBankingDays("2026-02-19", -1)).toBe("2026-02-13");
    expect(calendar.addBankingDays("2026-02-17", 0)).toBe("2026-02-17");
  });

  it("finds the banking day on or after a date", () => {
    expect(calendar.bankingDayOnOrAfter("2026-11-24")).toBe("2026-11-24");
    expect(calendar.bankingDayOnOrAfter("2026-11-28")).toBe("2026-11-30");
  });

  it("refuses to guess beyond the years it has holidays for", () => {
    expect(() => calendar.isBankingDay("2031-01-02")).toThrow(DomainError);
    expect(() => calendar.nextBankingDay("2030-12-30")).toThrowError("calendar.year_not_covered");
    expect(() => calendar.isBankingDay("2026-02-30")).toThrowError("calendar.bad_date");
  });
});

describe("BankingCalendar cut-off", () => {
  it.each([
    ["2026-02-19", "2026-02-13", "the Friday before Seollal for the Thursday after"],
    ["2026-01-02", "2025-12-30", "Dec 30 for the first banking day of the year"],
    ["2026-05-26", "2026-05-22", "the Friday before the substitute Monday"],
    ["2026-11-25", "2026-11-24", "the day before on an ordinary week"],
  ])("sends the EB21 for a debit on %s on %s (%s)", (debitDate, submissionDay) => {
    expect(calendar.submissionDayFor(debitDate)).toBe(submissionDay);
  });

  it("refuses a debit date that is not a banking day", () => {
    expect(() => calendar.submissionDayFor("2026-02-17")).toThrowError("calendar.not_a_banking_day");
  });

  it.each([
    ["2026-11-24T07:59:00Z", "2026-11-25", "16:59 in Seoul on a Tuesday: sent today, debited tomorrow"],
    ["2026-11-24T08:00:00Z", "2026-11-26", "17:00 in Seoul: past the cut-off, so a day later"],
    ["2026-11-23T16:30:00Z", "2026-11-25", "01:30 on Tuesday in Seoul while it is still Monday in UTC"],
    ["2026-11-27T10:00:00Z", "2026-12-01", "Friday evening: sent Monday, debited Tuesday"],
    ["2026-11-28T01:00:00Z", "2026-12-01", "Saturday morning: sent Monday, debited Tuesday"],
    ["2026-02-13T05:00:00Z", "2026-02-19", "Friday afternoon before Seollal: debited after the holidays"],
    ["2025-12-30T09:00:00Z", "2026-01-05", "Dec 30 evening: sent Jan 2, debited Jan 5"],
  ])("at %s the earliest debit date is %s (%s)", (instant, expected) => {
    expect(calendar.earliestDebitDate(new Date(instant), "Asia/Seoul", "17:00")).toBe(expected);
  });

  it("takes its cut-off and time zone as given", () => {
    expect(calendar.earliestDebitDate(new Date("2026-11-24T03:30:00Z"), "Asia/Seoul", "12:00")).toBe("2026-11-26");
    expect(calendar.earliestDebitDate(new Date("2026-11-24T03:30:00Z"))).toBe("2026-11-25");
    expect(() => calendar.earliestDebitDate(new Date(), "Asia/Seoul", "5pm")).toThrowError("calendar.bad_cutoff");
    expect(() => calendar.earliestDebitDate(new Date(), "Mars/Olympus", "17:00")).toThrowError("calendar.bad_time_zone");
  });
});

describe("BankingCalendar adjustments", () => {
  it("closes a day the admin adds and opens a day the admin removes", () => {
    const adjusted = BankingCalendar.korea({
      extraClosures: [{ date: "2026-11-25", name: { ko: "임시공휴일", en: "Temporary holiday" }, kind: "public", occasion: "temporary" }],
      reopenedDates: ["2026-12-31"],
    });
    expect(adjusted.nextBankingDay("2026-11-24")).toBe("2026-11-26");
    expect(adjusted.isBankingDay("2026-12-31")).toBe(true);
    expect(calendar.isBankingDay("2026-11-25")).toBe(true);
  });

  it("lists the closures of a period with their names", () => {
    const closures = calendar.closuresBetween("2026-09-01", "2026-10-31").map((h) => `${h.date} ${h.name.ko}`);
    expect(closures).toEqual([
      "2026-09-24 추석 전날",
      "2026-09-25 추석",
      "2026-09-26 추석 다음 날",
      "2026-10-03 개천절",
      "2026-10-05 대체공휴일(개천절)",
      "2026-10-09 한글날",
    ]);
  });
});
