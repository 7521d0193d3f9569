import { businessDateFromDb, businessDateToDb, businessNow, DomainError, type BusinessDate, type Clock } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { BankingCalendar, DEFAULT_DEBIT_CUTOFF, KOREAN_BANK_HOLIDAY_YEARS, weekdayOf, type BankHoliday } from "@sunap/rails";
import type { AuditSink } from "../procedure-audit.ts";

/**
 * The banking calendar in force: the shipped Korean data (packages/rails) with the admin's
 * adjustments from `banking_calendar_adjustment`. Everything that counts banking days (the CMS
 * provider, loan collection days, the debit preview) loads it from here.
 */
export function loadBankingCalendar(db: DbOrTx): Promise<BankingCalendar> {
  // Inside a transaction (a billing chunk asks once per loan) it is read once; the shared client,
  // which lives for the process (and alone can disconnect), always reads afresh so an admin's
  // change shows at once.
  if ("$disconnect" in db) return readBankingCalendar(db);
  let calendar = perTransaction.get(db);
  if (!calendar) perTransaction.set(db, (calendar = readBankingCalendar(db)));
  return calendar;
}

const perTransaction = new WeakMap<DbOrTx, Promise<BankingCalendar>>();

async function readBankingCalendar(db: DbOrTx): Promise<BankingCalendar> {
  const rows = await db.bankingCalendarAdjustment.findMany({ orderBy: { date: "asc" } });
  return BankingCalendar.korea({
    extraClosures: rows.filter((r) => r.kind === "closed").map((r) => addedClosure(businessDateFromDb(r.date), { ko: r.nameKo, en: r.nameEn })),
    reopenedDates: rows.filter((r) => r.kind === "open").map((r) => businessDateFromDb(r.date)),
  });
}

function addedClosure(date: BusinessDate, name: { ko: string; en: string }): BankHoliday {
  return { date, name, kind: "public", occasion: "temporary" };
}

export type ClosureSource = "shipped" | "added" | "reopened";

export interface CalendarDay {
  date: BusinessDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  name: { ko: string; en: string };
  kind: BankHoliday["kind"];
  /** shipped: in the data; added: closed by the admin; reopened: shipped but opened by the admin. */
  source: ClosureSource;
  reason: string | null;
}

const shipped = BankingCalendar.korea();

function requireCoveredYear(year: number): void {
  if (year < KOREAN_BANK_HOLIDAY_YEARS.first || year > KOREAN_BANK_HOLIDAY_YEARS.last) {
    throw new DomainError("INVALID", "calendar.year_outside_data", { year, first: KOREAN_BANK_HOLIDAY_YEARS.first, last: KOREAN_BANK_HOLIDAY_YEARS.last }, "date");
  }
}

/** A year's closures as the admin lists them: shipped, added and reopened, in date order. */
export async function calendarYear(db: DbOrTx, year: number) {
  requireCoveredYear(year);
  const from = `${year}-01-01` as BusinessDate;
  const to = `${year}-12-31` as BusinessDate;
  const adjustments = await db.bankingCalendarAdjustment.findMany({ where: { date: { gte: businessDateToDb(from), lte: businessDateToDb(to) } } });
  const byDate = new Map(adjustments.map((a) => [businessDateFromDb(a.date), a]));
  const days: CalendarDay[] = [];
  const seen = new Set<BusinessDate>();
  for (const holiday of shipped.closuresBetween(from, to)) {
    if (seen.has(holiday.date)) continue; // two occasions on one day: one row
    seen.add(holiday.date);
    const adjustment = byDate.get(holiday.date);
    days.push({ date: holiday.date, weekday: weekdayOf(holiday.date), name: holiday.name, kind: holiday.kind, source: adjustment?.kind === "open" ? "reopened" : "shipped", reason: adjustment?.reason ?? null });
  }
  for (const [date, adjustment] of byDate) {
    if (adjustment.kind !== "closed") continue;
    days.push({ date, weekday: weekdayOf(date), name: { ko: adjustment.nameKo, en: adjustment.nameEn }, kind: "public", source: "added", reason: adjustment.reason });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, firstYear: KOREAN_BANK_HOLIDAY_YEARS.first, lastYear: KOREAN_BANK_HOLIDAY_YEARS.last, days };
}

export interface CloseDayInput {
  date: BusinessDate;
  nameKo: string;
  nameEn: string;
  reason: string;
}

/** Closes a banking day (a temporary holiday, a by-election). A weekend or a day already closed is refused. */
export async function closeBankingDay(db: DbOrTx, input: CloseDayInput, userId: number | null, audit: AuditSink) {
  requireCoveredYear(Number(input.date.slice(0, 4)));
  const weekday = weekdayOf(input.date);
  if (weekday === 0 || weekday === 6) throw new DomainError("INVALID", "calendar.weekend", { date: input.date }, "date");
  if (shipped.closuresOn(input.date).length > 0) throw new DomainError("CONFLICT", "calendar.already_closed", { date: input.date }, "date");
  const existing = await db.bankingCalendarAdjustment.findUnique({ where: { date: businessDateToDb(input.date) } });
  if (existing) throw new DomainError("CONFLICT", "calendar.already_adjusted", { date: input.date }, "date");
  await db.bankingCalendarAdjustment.create({ data: { date: businessDateToDb(input.date), kind: "closed", nameKo: input.nameKo, nameEn: input.nameEn, reason: input.reason, createdById: userId } });
  await audit(db, { action: "banking_calendar.close", entityType: "banking_calendar_adjustment", entityId: input.date, after: { ...input } });
}

/** Opens a shipped closure (e.g. an election moved by law). Only shipped closures can be reopened. */
export async function reopenBankingDay(db: DbOrTx, input: { date: BusinessDate; reason: string }, userId: number | null, audit: AuditSink) {
  requireCoveredYear(Number(input.date.slice(0, 4)));
  const closures = shipped.closuresOn(input.date);
  if (closures.length === 0) throw new DomainError("INVALID", "calendar.not_a_shipped_closure", { date: input.date }, "date");
  const existing = await db.bankingCalendarAdjustment.findUnique({ where: { date: businessDateToDb(input.date) } });
  if (existing) throw new DomainError("CONFLICT", "calendar.already_adjusted", { date: input.date }, "date");
  const name = closures[0]!.name;
  await db.bankingCalendarAdjustment.create({ data: { date: businessDateToDb(input.date), kind: "open", nameKo: name.ko, nameEn: name.en, reason: input.reason, createdById: userId } });
  await audit(db, { action: "banking_calendar.reopen", entityType: "banking_calendar_adjustment", entityId: input.date, after: { date: input.date, name: name.ko, reason: input.reason } });
}

/** Undoes an adjustment: the day is again as the shipped data says. */
export async function removeCalendarAdjustment(db: DbOrTx, date: BusinessDate, audit: AuditSink) {
  const existing = await db.bankingCalendarAdjustment.findUnique({ where: { date: businessDateToDb(date) } });
  if (!existing) throw new DomainError("NOT_FOUND", "calendar.no_adjustment", { date }, "date");
  await db.bankingCalendarAdjustment.delete({ where: { date: businessDateToDb(date) } });
  await audit(db, { action: "banking_calendar.undo", entityType: "banking_calendar_adjustment", entityId: date, before: { kind: existing.kind, name: existing.nameKo, reason: existing.reason } });
}

export async function cmsSettings(db: DbOrTx) {
  const row = await db.cmsSetting.findUnique({ where: { id: 1 } });
  return { debitCutoff: row?.debitCutoff ?? DEFAULT_DEBIT_CUTOFF, updatedAt: row?.updatedAt ?? null };
}

export async function updateCmsSettings(db: DbOrTx, input: { debitCutoff: string }, audit: AuditSink) {
  const before = await cmsSettings(db);
  const row = await db.cmsSetting.upsert({ where: { id: 1 }, create: { id: 1, debitCutoff: input.debitCutoff }, update: { debitCutoff: input.debitCutoff } });
  await audit(db, { action: "cms_setting.update", entityType: "cms_setting", entityId: 1, before: { debitCutoff: before.debitCutoff }, after: { debitCutoff: row.debitCutoff } });
  return { debitCutoff: row.debitCutoff, updatedAt: row.updatedAt };
}

/**
 * What a debit requested now would do: the day its file goes to the clearing house (today before
 * the cut-off on a banking day, else the next banking day) and the debit day after it. "Now" is
 * the business clock's, so a demo date moved to a holiday shows what that day would do.
 */
export async function debitTimingNow(db: DbOrTx, clock: Clock, timeZone: string) {
  const [calendar, settings] = await Promise.all([loadBankingCalendar(db), cmsSettings(db)]);
  const now = businessNow(clock);
  const debitOn = calendar.earliestDebitDate(now, timeZone, settings.debitCutoff);
  return { now: now.toISOString(), cutoff: settings.debitCutoff, submitOn: calendar.submissionDayFor(debitOn), debitOn };
}
