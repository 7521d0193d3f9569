import type { BusinessDate } from "@sunap/core";

/**
 * Why a day is closed for CMS: a public holiday, a substitute holiday (대체공휴일), a day the
 * banks close although offices do not (bank_closure), or an election day (선거일).
 */
export type BankHolidayKind = "public" | "substitute" | "bank_closure" | "election";

/**
 * Which holiday of 「관공서의 공휴일에 관한 규정」 an entry is. The substitute-holiday rule depends
 * on it: Seollal and Chuseok move only when they fall on a Sunday, the national days and a few
 * others also on a Saturday, and New Year's Day, Memorial Day and election days never move.
 */
export type HolidayOccasion =
  | "new_year"
  | "seollal"
  | "independence_movement_day"
  | "labour_day"
  | "childrens_day"
  | "buddhas_birthday"
  | "memorial_day"
  | "constitution_day"
  | "liberation_day"
  | "chuseok"
  | "national_foundation_day"
  | "hangul_day"
  | "christmas"
  | "temporary"
  | "election"
  | "year_end_closing";

export interface BankHoliday {
  date: BusinessDate;
  name: { ko: string; en: string };
  kind: BankHolidayKind;
  occasion: HolidayOccasion;
  /** For a substitute holiday: the date of the holiday it stands in for. */
  substituteFor?: BusinessDate;
}
