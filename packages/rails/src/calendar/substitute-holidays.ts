import { addDays, type BusinessDate } from "@sunap/core";
import type { BankHoliday, HolidayOccasion } from "./bank-holiday.ts";
import { weekdayOf } from "./weekday.ts";

/** 제3조①1: these move when they fall on a Saturday or a Sunday. */
const MOVE_ON_WEEKEND = new Set<HolidayOccasion>([
  "independence_movement_day",
  "constitution_day",
  "liberation_day",
  "national_foundation_day",
  "hangul_day",
  "buddhas_birthday",
  "labour_day",
  "childrens_day",
  "christmas",
]);
/** 제3조①2: the Seollal and Chuseok days move only when one falls on a Sunday. */
const MOVE_ON_SUNDAY = new Set<HolidayOccasion>(["seollal", "chuseok"]);
/** 제3조①3: any of these moves when it coincides with another holiday on a weekday. */
const MOVE_ON_OVERLAP = new Set<HolidayOccasion>([...MOVE_ON_WEEKEND, ...MOVE_ON_SUNDAY, "memorial_day"]);

export interface SubstituteDay {
  date: BusinessDate;
  substituteFor: BusinessDate;
  occasion: HolidayOccasion;
}

/**
 * The substitute holidays (대체공휴일) that 「관공서의 공휴일에 관한 규정」 제3조 derives from a list
 * of base holidays: each lost day becomes the first following day that is neither a weekend
 * nor a holiday nor already a substitute. Used to check the shipped data and to draft a new
 * year's entries; New Year's Day, Memorial Day on a weekend, elections and bank closures never move.
 */
export function substituteHolidays(holidays: readonly BankHoliday[]): SubstituteDay[] {
  const offDays = holidays.filter((h) => h.kind === "public" || h.kind === "election");
  const byDate = new Map<BusinessDate, BankHoliday[]>();
  for (const h of offDays) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h]);

  const taken = new Set<BusinessDate>();
  const result: SubstituteDay[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const onDate = byDate.get(date) ?? [];
    const movable = onDate.filter((h) => MOVE_ON_OVERLAP.has(h.occasion));
    const weekday = weekdayOf(date);
    let lost: BankHoliday[];
    if (weekday === 6) lost = movable.filter((h) => MOVE_ON_WEEKEND.has(h.occasion));
    else if (weekday === 0) lost = movable.filter((h) => MOVE_ON_WEEKEND.has(h.occasion) || MOVE_ON_SUNDAY.has(h.occasion));
    else lost = onDate.length > 1 ? movable.slice(0, Math.min(movable.length, onDate.length - 1)) : [];

    let candidate = date;
    for (const holiday of lost) {
      do candidate = addDays(candidate, 1);
      while (isWeekend(candidate) || byDate.has(candidate) || taken.has(candidate));
      taken.add(candidate);
      result.push({ date: candidate, substituteFor: date, occasion: holiday.occasion });
    }
  }
  return result;
}

function isWeekend(date: BusinessDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}
