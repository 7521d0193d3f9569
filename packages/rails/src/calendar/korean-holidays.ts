import type { BusinessDate } from "@sunap/core";
import type { BankHoliday, BankHolidayKind, HolidayOccasion } from "./bank-holiday.ts";

/**
 * Days the Korean banks do not process CMS, 2025–2030, shipped as data; the admin edits the
 * calendar through extra and removed days (see BankingCalendar), never this file.
 *
 * Basis: 「관공서의 공휴일에 관한 규정」 as amended in 2026 — Labour Day (노동절, 5/1) is a public
 * holiday from 2026 and Constitution Day (제헌절, 7/17) again from 2026, both with substitute
 * days. Seollal, Buddha's Birthday and Chuseok follow the Korean lunisolar calendar (KST, which
 * is why Seollal 2028 is Jan 27 in Korea but Jan 26 in China); a test checks them against ICU's
 * `dangi` calendar and every substitute day against the rule in substitute-holidays.ts.
 * Election days after 2026 are the statutory dates of 공직선거법 §34 and change only if the
 * law or a by-election changes them; temporary holidays (임시공휴일) are added when declared.
 */

const OCCASION_NAMES: Record<HolidayOccasion, { ko: string; en: string }> = {
  new_year: { ko: "신정", en: "New Year's Day" },
  seollal: { ko: "설날", en: "Seollal" },
  independence_movement_day: { ko: "3·1절", en: "Independence Movement Day" },
  labour_day: { ko: "노동절", en: "Labour Day" },
  childrens_day: { ko: "어린이날", en: "Children's Day" },
  buddhas_birthday: { ko: "부처님오신날", en: "Buddha's Birthday" },
  memorial_day: { ko: "현충일", en: "Memorial Day" },
  constitution_day: { ko: "제헌절", en: "Constitution Day" },
  liberation_day: { ko: "광복절", en: "Liberation Day" },
  chuseok: { ko: "추석", en: "Chuseok" },
  national_foundation_day: { ko: "개천절", en: "National Foundation Day" },
  hangul_day: { ko: "한글날", en: "Hangul Day" },
  christmas: { ko: "기독탄신일", en: "Christmas Day" },
  temporary: { ko: "임시공휴일", en: "Temporary public holiday" },
  election: { ko: "선거일", en: "Election day" },
  year_end_closing: { ko: "은행 연말 휴무일", en: "Bank year-end closing day" },
};

function day(date: BusinessDate, occasion: HolidayOccasion, kind: BankHolidayKind = "public", name = OCCASION_NAMES[occasion]): BankHoliday {
  return { date, name, kind, occasion };
}

/** The three days of Seollal or Chuseok: the eve, the day itself and the day after. */
function festival(occasion: "seollal" | "chuseok", eve: BusinessDate, main: BusinessDate, after: BusinessDate): BankHoliday[] {
  const { ko, en } = OCCASION_NAMES[occasion];
  return [
    day(eve, occasion, "public", { ko: `${ko} 전날`, en: `Day before ${en}` }),
    day(main, occasion),
    day(after, occasion, "public", { ko: `${ko} 다음 날`, en: `Day after ${en}` }),
  ];
}

function substitute(date: BusinessDate, occasion: HolidayOccasion, forDate: BusinessDate): BankHoliday {
  const { ko, en } = OCCASION_NAMES[occasion];
  return { date, name: { ko: `대체공휴일(${ko})`, en: `Substitute holiday (${en})` }, kind: "substitute", occasion, substituteFor: forDate };
}

function election(date: BusinessDate, ko: string, en: string): BankHoliday {
  return day(date, "election", "election", { ko, en });
}

/** Dec 31: the banks close their books and process no transfers. */
function yearEnd(year: number): BankHoliday {
  return day(`${year}-12-31`, "year_end_closing", "bank_closure");
}

/** The holidays fixed to a solar date, from the year each one counts. */
function fixedDays(year: number): BankHoliday[] {
  const from2026 = year >= 2026;
  return [
    day(`${year}-01-01`, "new_year"),
    day(`${year}-03-01`, "independence_movement_day"),
    from2026
      ? day(`${year}-05-01`, "labour_day")
      : day(`${year}-05-01`, "labour_day", "bank_closure", { ko: "근로자의 날(은행 휴무)", en: "Workers' Day (banks closed)" }),
    day(`${year}-05-05`, "childrens_day"),
    day(`${year}-06-06`, "memorial_day"),
    ...(from2026 ? [day(`${year}-07-17`, "constitution_day")] : []),
    day(`${year}-08-15`, "liberation_day"),
    day(`${year}-10-03`, "national_foundation_day"),
    day(`${year}-10-09`, "hangul_day"),
    day(`${year}-12-25`, "christmas"),
    yearEnd(year),
  ];
}

export const KOREAN_BANK_HOLIDAYS: readonly BankHoliday[] = [
  // 2025
  ...fixedDays(2025),
  day("2025-01-27", "temporary"),
  ...festival("seollal", "2025-01-28", "2025-01-29", "2025-01-30"),
  substitute("2025-03-03", "independence_movement_day", "2025-03-01"),
  day("2025-05-05", "buddhas_birthday"),
  substitute("2025-05-06", "buddhas_birthday", "2025-05-05"),
  election("2025-06-03", "제21대 대통령선거", "21st presidential election"),
  ...festival("chuseok", "2025-10-05", "2025-10-06", "2025-10-07"),
  substitute("2025-10-08", "chuseok", "2025-10-05"),

  // 2026
  ...fixedDays(2026),
  ...festival("seollal", "2026-02-16", "2026-02-17", "2026-02-18"),
  substitute("2026-03-02", "independence_movement_day", "2026-03-01"),
  day("2026-05-24", "buddhas_birthday"),
  substitute("2026-05-25", "buddhas_birthday", "2026-05-24"),
  election("2026-06-03", "제9회 전국동시지방선거", "9th nationwide local elections"),
  substitute("2026-08-17", "liberation_day", "2026-08-15"),
  ...festival("chuseok", "2026-09-24", "2026-09-25", "2026-09-26"),
  substitute("2026-10-05", "national_foundation_day", "2026-10-03"),

  // 2027
  ...fixedDays(2027),
  ...festival("seollal", "2027-02-06", "2027-02-07", "2027-02-08"),
  substitute("2027-02-09", "seollal", "2027-02-07"),
  substitute("2027-05-03", "labour_day", "2027-05-01"),
  day("2027-05-13", "buddhas_birthday"),
  substitute("2027-07-19", "constitution_day", "2027-07-17"),
  substitute("2027-08-16", "liberation_day", "2027-08-15"),
  ...festival("chuseok", "2027-09-14", "2027-09-15", "2027-09-16"),
  substitute("2027-10-04", "national_foundation_day", "2027-10-03"),
  substitute("2027-10-11", "hangul_day", "2027-10-09"),
  substitute("2027-12-27", "christmas", "2027-12-25"),

  // 2028
  ...fixedDays(2028),
  ...festival("seollal", "2028-01-26", "2028-01-27", "2028-01-28"),
  election("2028-04-12", "제23대 국회의원선거", "23rd National Assembly election"),
  day("2028-05-02", "buddhas_birthday"),
  ...festival("chuseok", "2028-10-02", "2028-10-03", "2028-10-04"),
  substitute("2028-10-05", "chuseok", "2028-10-03"),

  // 2029
  ...fixedDays(2029),
  ...festival("seollal", "2029-02-12", "2029-02-13", "2029-02-14"),
  substitute("2029-05-07", "childrens_day", "2029-05-05"),
  day("2029-05-20", "buddhas_birthday"),
  substitute("2029-05-21", "buddhas_birthday", "2029-05-20"),
  ...festival("chuseok", "2029-09-21", "2029-09-22", "2029-09-23"),
  substitute("2029-09-24", "chuseok", "2029-09-23"),

  // 2030
  ...fixedDays(2030),
  ...festival("seollal", "2030-02-02", "2030-02-03", "2030-02-04"),
  substitute("2030-02-05", "seollal", "2030-02-03"),
  election("2030-03-27", "제22대 대통령선거", "22nd presidential election"),
  substitute("2030-05-06", "childrens_day", "2030-05-05"),
  day("2030-05-09", "buddhas_birthday"),
  election("2030-06-12", "제10회 전국동시지방선거", "10th nationwide local elections"),
  ...festival("chuseok", "2030-09-11", "2030-09-12", "2030-09-13"),
].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** The years the shipped data covers; a calendar refuses questions outside them. */
export const KOREAN_BANK_HOLIDAY_YEARS = { first: 2025, last: 2030 } as const;
