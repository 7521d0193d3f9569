import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "@sunap/core";
import { createApiHarness, HARNESS_TODAY, type ApiHarness } from "../testing/api-harness.ts";
import { debitTimingNow, loadBankingCalendar } from "../services/banking-calendar-service.ts";
import { runRegistrationJobs } from "../services/enrollment-testing.ts";

let h: ApiHarness;

beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(async () => {
  await h?.drop();
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string; field?: string } };
    return { code: e.code, domainCode: e.cause?.code, field: e.cause?.field };
  }
  throw new Error("expected a refusal");
}

describe("bankingCalendar", () => {
  it("lists a year's shipped closures: holidays, substitute days, May 1 and Dec 31", async () => {
    const { days } = await h.callerFor("finance").bankingCalendar.year({ year: 2026 });
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get("2026-05-01")).toMatchObject({ source: "shipped", weekday: 5 });
    expect(byDate.get("2026-12-31")).toMatchObject({ source: "shipped", kind: "bank_closure" });
    expect(byDate.get("2026-12-25")).toMatchObject({ source: "shipped", name: { ko: "기독탄신일" } });
    expect(days.some((d) => d.kind === "substitute")).toBe(true);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });

  it("closes a banking day the admin names, and every banking-day count then skips it; undo restores it", async () => {
    const admin = h.callerFor("admin");
    expect((await loadBankingCalendar(h.db)).nextBankingDay("2026-10-19")).toBe("2026-10-20");
    await admin.bankingCalendar.close({ date: "2026-10-20", nameKo: "임시공휴일", nameEn: "Temporary holiday", reason: "국무회의 의결" });
    const calendar = await loadBankingCalendar(h.db);
    expect(calendar.isBankingDay("2026-10-20")).toBe(false);
    expect(calendar.nextBankingDay("2026-10-19")).toBe("2026-10-21");
    const { days } = await admin.bankingCalendar.year({ year: 2026 });
    expect(days.find((d) => d.date === "2026-10-20")).toMatchObject({ source: "added", name: { ko: "임시공휴일" }, reason: "국무회의 의결" });

    await admin.bankingCalendar.undo({ date: "2026-10-20" });
    expect((await loadBankingCalendar(h.db)).isBankingDay("2026-10-20")).toBe(true);
  });

  it("is read once per transaction (a billing chunk's loans share it), and afresh on the shared client", async () => {
    await h.db.$transaction(async (tx) => {
      expect(await loadBankingCalendar(tx)).toBe(await loadBankingCalendar(tx));
    });
    expect(await loadBankingCalendar(h.db)).not.toBe(await loadBankingCalendar(h.db));
  });

  it("reopens a shipped closure, listed as reopened with its reason", async () => {
    const admin = h.callerFor("admin");
    await admin.bankingCalendar.reopen({ date: "2027-12-31", reason: "연말 휴무 없음" });
    expect((await loadBankingCalendar(h.db)).isBankingDay("2027-12-31")).toBe(true);
    const { days } = await admin.bankingCalendar.year({ year: 2027 });
    expect(days.find((d) => d.date === "2027-12-31")).toMatchObject({ source: "reopened", reason: "연말 휴무 없음" });
  });

  it("refuses, with the field and why: a weekend, a day already closed, reopening a plain day, undoing nothing, a year without data", async () => {
    const admin = h.callerFor("admin");
    const closing = { nameKo: "휴무", nameEn: "Closed", reason: "사유" };
    expect(await refusal(admin.bankingCalendar.close({ date: "2026-10-24", ...closing }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "calendar.weekend", field: "date" });
    expect(await refusal(admin.bankingCalendar.close({ date: "2026-12-25", ...closing }))).toMatchObject({ code: "CONFLICT", domainCode: "calendar.already_closed" });
    expect(await refusal(admin.bankingCalendar.reopen({ date: "2026-10-21", reason: "x" }))).toMatchObject({ domainCode: "calendar.not_a_shipped_closure", field: "date" });
    expect(await refusal(admin.bankingCalendar.undo({ date: "2026-10-21" }))).toMatchObject({ code: "NOT_FOUND", domainCode: "calendar.no_adjustment" });
    expect(await refusal(admin.bankingCalendar.close({ date: "2040-10-22", ...closing }))).toMatchObject({ domainCode: "calendar.year_outside_data" });
    expect(await h.db.bankingCalendarAdjustment.count({ where: { reason: "사유" } })).toBe(0);
  });

  it("lets finance read but not change the calendar; a store owner cannot read it", async () => {
    expect(await refusal(h.callerFor("finance").bankingCalendar.close({ date: "2026-10-22", nameKo: "a", nameEn: "a", reason: "a" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(h.callerFor("store_owner").bankingCalendar.year({ year: 2026 }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("times a debit by the cut-off: before it the file goes today and the debit is the next banking day, after it one day later", async () => {
    const at = (iso: string): Clock => ({ now: () => new Date(iso), today: () => iso.slice(0, 10) as never });
    await h.callerFor("admin").bankingCalendar.updateSettings({ debitCutoff: "17:00" });
    // Tuesday 2026-12-29, 16:59 in Seoul (07:59 UTC): sent that day, debited Wednesday the 30th.
    expect(await debitTimingNow(h.db, at("2026-12-29T07:59:00Z"), "Asia/Seoul")).toMatchObject({ submitOn: "2026-12-29", debitOn: "2026-12-30", cutoff: "17:00" });
    // 17:01: sent Wednesday; Dec 31 and Jan 1 are closed, so debited Monday 2027-01-04.
    expect(await debitTimingNow(h.db, at("2026-12-29T08:01:00Z"), "Asia/Seoul")).toMatchObject({ submitOn: "2026-12-30", debitOn: "2027-01-04" });
    await h.callerFor("admin").bankingCalendar.updateSettings({ debitCutoff: "18:00" });
    expect(await debitTimingNow(h.db, at("2026-12-29T08:01:00Z"), "Asia/Seoul")).toMatchObject({ debitOn: "2026-12-30", cutoff: "18:00" });
    expect(await refusal(h.callerFor("admin").bankingCalendar.updateSettings({ debitCutoff: "25:00" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("moves the sandbox bank's answer past a closure the admin added: a registration sent Monday is answered Wednesday when Tuesday is closed", async () => {
    const finance = h.callerFor("finance");
    const payer = await finance.payers.create({ payerCode: "CAL-1", kind: "individual", name: "달력확인", birthDate: "1980-02-02", phone: "010-8080-1212" });
    const scan = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(512, 0x20), Buffer.from("\n%%EOF\n")]);
    const consent = await finance.consents.recordOffline({ payerId: payer.id, method: "paper", agreedOn: HARNESS_TODAY, bankCode: "004", accountNumber: "12345678901111", holderName: "달력확인", file: { name: "consent.pdf", base64: scan.toString("base64") }, idempotencyKey: "calendar-consent" });
    await h.callerFor("admin").bankingCalendar.close({ date: "2026-03-17", nameKo: "임시공휴일", nameEn: "Temporary holiday", reason: "테스트" });
    try {
      expect((await runRegistrationJobs(h)).submitted.records).toBe(1); // Monday 2026-03-16
      await h.setToday("2026-03-17");
      expect((await runRegistrationJobs(h)).collected.applied).toEqual([]);
      await h.setToday("2026-03-18");
      expect((await runRegistrationJobs(h)).collected.applied).toMatchObject([{ registered: 1 }]);
      expect((await finance.registrations.get({ id: consent.registration!.id })).status).toBe("registered");
    } finally {
      await h.setToday(HARNESS_TODAY);
      await h.callerFor("admin").bankingCalendar.undo({ date: "2026-03-17" });
    }
  });
});
