import { atTimeOfDayOn, businessDateAt, businessDateFromDb, type BusinessDate, type Clock } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";

/**
 * The application's clock: real time, with the business date taken in the organisation's
 * time zone. In demo and test mode the date may be pinned (SUNAP_TODAY, or the admin's demo
 * control, stored in `clock_override` so the server and the worker agree). `refresh()` re-reads
 * the organisation's time zone and the override; jobs call it before they run.
 */
export class AppClock implements Clock {
  private override: BusinessDate | null;

  constructor(
    public timeZone: string,
    readonly demoMode: boolean,
    private readonly envToday: BusinessDate | null = null,
  ) {
    this.override = envToday;
  }

  now(): Date {
    return new Date();
  }

  today(): BusinessDate {
    return this.override ?? businessDateAt(this.now(), this.timeZone);
  }

  /**
   * The pinned date at the wall clock's time of day, so links valid for N days expire when the
   * demo moves the date past them; the real now() when nothing is pinned. Sessions and one-time
   * codes stay on now(): their minutes protect against a real person guessing or replaying.
   */
  businessNow(): Date {
    const now = this.now();
    return this.override === null ? now : atTimeOfDayOn(this.override, now, this.timeZone);
  }

  /** True when today() is not the calendar's today. */
  isPinned(): boolean {
    return this.override !== null;
  }

  async refresh(db: DbOrTx): Promise<void> {
    const org = await db.organization.findUnique({ where: { id: 1 }, select: { timeZone: true } });
    if (org) this.timeZone = org.timeZone;
    if (!this.demoMode) return;
    const row = await db.clockOverride.findUnique({ where: { id: 1 } });
    this.override = row ? businessDateFromDb(row.today) : this.envToday;
  }
}
