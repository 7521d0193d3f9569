import { addDays, isBusinessDate, type BusinessDate } from "@sunap/core";
import { RailError } from "../rail-error.ts";
import type { BankHoliday } from "./bank-holiday.ts";
import { KOREAN_BANK_HOLIDAY_YEARS, KOREAN_BANK_HOLIDAYS } from "./korean-holidays.ts";
import { weekdayOf } from "./weekday.ts";
import { parseTimeOfDay, zonedDateTime } from "./zoned-time.ts";

export interface BankingCalendarOptions {
  holidays: readonly BankHoliday[];
  /** The years the holiday list is complete for; any other year is refused rather than guessed. */
  firstYear: number;
  lastYear: number;
  /** Closures the admin adds, e.g. a temporary holiday declared by the cabinet. */
  extraClosures?: readonly BankHoliday[];
  /** Shipped closures the admin removes, by date. */
  reopenedDates?: readonly BusinessDate[];
}

/** Cut-off for next-day debits: EB21 must reach the clearing house by 17:00 on D-1. */
export const DEFAULT_DEBIT_CUTOFF = "17:00";
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

/**
 * Banking days for CMS: not a weekend, not a public or substitute holiday, not an election
 * day, not a bank closure (May 1 before 2026, Dec 31). Every question names a date; nothing
 * here reads the clock.
 */
export class BankingCalendar {
  private readonly closures = new Map<BusinessDate, BankHoliday[]>();
  private readonly firstYear: number;
  private readonly lastYear: number;

  constructor(options: BankingCalendarOptions) {
    this.firstYear = options.firstYear;
    this.lastYear = options.lastYear;
    const reopened = new Set(options.reopenedDates ?? []);
    for (const holiday of [...options.holidays, ...(options.extraClosures ?? [])]) {
      this.requireDate(holiday.date);
      if (reopened.has(holiday.date)) continue;
      this.closures.set(holiday.date, [...(this.closures.get(holiday.date) ?? []), holiday]);
    }
  }

  /** The shipped Korean calendar (2025–2030) with the admin's additions and removals. */
  static korea(adjustments: Pick<BankingCalendarOptions, "extraClosures" | "reopenedDates"> = {}): BankingCalendar {
    return new BankingCalendar({
      holidays: KOREAN_BANK_HOLIDAYS,
      firstYear: KOREAN_BANK_HOLIDAY_YEARS.first,
      lastYear: KOREAN_BANK_HOLIDAY_YEARS.last,
      ...adjustments,
    });
  }

  /** Why a date is closed (empty on a banking day and on a plain weekend). */
  closuresOn(date: BusinessDate): readonly BankHoliday[] {
    this.requireCovered(date);
    return this.closures.get(date) ?? [];
  }

  /** Closures between two dates, both included, in date order: what the admin lists and edits. */
  closuresBetween(from: BusinessDate, to: BusinessDate): BankHoliday[] {
    this.requireDate(from);
    this.requireDate(to);
    return [...this.closures.entries()]
      .filter(([date]) => date >= from && date <= to)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([, holidays]) => holidays);
  }

  isBankingDay(date: BusinessDate): boolean {
    this.requireCovered(date);
    const weekday = weekdayOf(date);
    return weekday !== 0 && weekday !== 6 && !this.closures.has(date);
  }

  /** The first banking day strictly after `date`. */
  nextBankingDay(date: BusinessDate): BusinessDate {
    return this.step(date, 1);
  }

  /** The last banking day strictly before `date`. */
  previousBankingDay(date: BusinessDate): BusinessDate {
    return this.step(date, -1);
  }

  /** `date` itself when it is a banking day, else the next one. */
  bankingDayOnOrAfter(date: BusinessDate): BusinessDate {
    return this.isBankingDay(date) ? date : this.nextBankingDay(date);
  }

  /**
   * Counts `days` banking days forward (or back when negative) from `date`; 0 returns `date`
   * unchanged, banking day or not.
   */
  addBankingDays(date: BusinessDate, days: number): BusinessDate {
    if (!Number.isInteger(days)) throw new RailError("INVALID", "calendar.bad_day_count", { value: String(days) });
    this.requireCovered(date);
    let current = date;
    for (let i = 0; i < Math.abs(days); i += 1) current = this.step(current, Math.sign(days));
    return current;
  }

  /** The banking day before a debit date: the last day its EB21 may be sent (before the cut-off). */
  submissionDayFor(debitDate: BusinessDate): BusinessDate {
    if (!this.isBankingDay(debitDate)) throw new RailError("INVALID", "calendar.not_a_banking_day", { date: debitDate });
    return this.previousBankingDay(debitDate);
  }

  /**
   * The earliest debit date for a request made at `now`: the file goes today when today is a
   * banking day and the local time is before the cut-off, else on the next banking day, and
   * the debit happens the banking day after the file.
   */
  earliestDebitDate(now: Date, timeZone: string = DEFAULT_TIME_ZONE, cutoff: string = DEFAULT_DEBIT_CUTOFF): BusinessDate {
    const cutoffMinute = parseTimeOfDay(cutoff);
    if (cutoffMinute === undefined) throw new RailError("INVALID", "calendar.bad_cutoff", { value: cutoff });
    if (Number.isNaN(now.getTime())) throw new RailError("INVALID", "calendar.bad_date", { value: String(now) });
    let local;
    try {
      local = zonedDateTime(now, timeZone);
    } catch {
      throw new RailError("INVALID", "calendar.bad_time_zone", { value: timeZone });
    }
    const submitOn = this.isBankingDay(local.date) && local.minuteOfDay < cutoffMinute ? local.date : this.nextBankingDay(local.date);
    return this.nextBankingDay(submitOn);
  }

  private step(date: BusinessDate, direction: number): BusinessDate {
    this.requireCovered(date);
    let current = addDays(date, direction);
    while (!this.isBankingDay(current)) current = addDays(current, direction);
    return current;
  }

  private requireDate(date: BusinessDate): void {
    if (!isBusinessDate(date)) throw new RailError("INVALID", "calendar.bad_date", { value: date });
  }

  private requireCovered(date: BusinessDate): void {
    this.requireDate(date);
    const year = Number(date.slice(0, 4));
    if (year < this.firstYear || year > this.lastYear) throw new RailError("UNAVAILABLE", "calendar.year_not_covered", { year });
  }
}
