import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, atTimeOfDayOn, businessDateAt } from "@sunap/core";
import { createApiHarness, HARNESS_TODAY, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { linkExpiry } from "./enrollment-links.ts";

let h: ApiHarness;
let finance: CoreCaller;
let admin: CoreCaller;
let ipSeq = 0;
const nextIp = () => `198.51.100.${++ipSeq}`;
const tokenOf = (link: { path: string }) => link.path.split("/").pop()!;

beforeAll(async () => {
  h = await createApiHarness();
  finance = h.callerFor("finance");
  admin = h.callerFor("admin");
});
afterAll(async () => {
  await h?.drop();
});

describe("enrollment links expire on the business clock", () => {
  it("counts a link's days from the pinned business date, at the wall clock's time of day", async () => {
    const before = h.clock.now();
    const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "만료 확인", expiresInDays: 1 });
    const after = h.clock.now();
    expect(link.state).toBe("active");
    // The day after the pinned date, at the time of day it was made: one whole day, not until midnight.
    const tomorrow = addDays(HARNESS_TODAY, 1);
    expect(link.expiresAt.getTime()).toBeGreaterThanOrEqual(atTimeOfDayOn(tomorrow, before, "Asia/Seoul").getTime());
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(atTimeOfDayOn(tomorrow, after, "Asia/Seoul").getTime());
    expect(businessDateAt(link.expiresAt, "Asia/Seoul")).toBe(tomorrow);
  });

  it("refuses a link on the public page once the demo date passes its expiry, in Korean and English, and accepts it again when the date goes back", async () => {
    const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "3월 모집", expiresInDays: 1 });
    const token = tokenOf(link);
    await expect(h.callerWithToken(null, { ip: nextIp() }).enroll.open({ token })).resolves.toMatchObject({ mode: "enroll", link: { purpose: "campaign" } });

    await expect(admin.clock.set({ today: addDays(HARNESS_TODAY, 2) })).resolves.toEqual({ today: addDays(HARNESS_TODAY, 2), pinned: true });
    const ko = await h.request(null, "enroll.open", { token }, { ip: nextIp() });
    expect(ko.error).toMatchObject({ message: "링크의 유효기간이 지났습니다. 새 링크를 요청하세요.", data: { domainCode: "enroll.link_expired", httpStatus: 400 } });
    const en = await h.request(null, "enroll.open", { token }, { ip: nextIp(), locale: "en" });
    expect(en.error).toMatchObject({ message: "This link has expired. Ask for a new one.", data: { domainCode: "enroll.link_expired" } });
    // Finance sees it expired too, and cannot send it.
    const listed = await finance.enrollmentLinks.list({ filters: [{ field: "id", operator: "eq", value: link.id }], pagination: { current: 1, pageSize: 5 } });
    expect(listed.data.map((l) => l.state)).toEqual(["expired"]);
    expect(await refusal(finance.enrollmentLinks.send({ id: link.id, channel: "sms", to: "010-7777-1234" }))).toMatchObject({ code: "CONFLICT", domainCode: "enroll.link_expired" });

    // Staff sessions keep to the wall clock: the admin moved the date two days on and is still signed in.
    await admin.clock.set({ today: HARNESS_TODAY });
    await expect(h.callerWithToken(null, { ip: nextIp() }).enroll.open({ token })).resolves.toMatchObject({ mode: "enroll" });
    expect((await finance.enrollmentLinks.list({ filters: [{ field: "id", operator: "eq", value: link.id }], pagination: { current: 1, pageSize: 5 } })).data[0]?.state).toBe("active");
  });

  it("keeps a link valid until the whole number of days has run, even when the date moves to its last day", async () => {
    const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "7일 링크", expiresInDays: 7 });
    await admin.clock.set({ today: addDays(HARNESS_TODAY, 6) });
    await expect(h.callerWithToken(null, { ip: nextIp() }).enroll.open({ token: tokenOf(link) })).resolves.toMatchObject({ mode: "enroll" });
    await admin.clock.set({ today: addDays(HARNESS_TODAY, 8) });
    expect(await refusal(h.callerWithToken(null, { ip: nextIp() }).enroll.open({ token: tokenOf(link) }))).toMatchObject({ domainCode: "enroll.link_expired" });
    await admin.clock.set({ today: HARNESS_TODAY });
  });

  it("cannot be expired by moving the date outside demo mode: the date stays where it is and so does the link", async () => {
    const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "운영 링크", expiresInDays: 1 });
    expect(await refusal(h.callerFor("admin", { demoMode: false }).clock.set({ today: addDays(HARNESS_TODAY, 30) }))).toMatchObject({ code: "FORBIDDEN", domainCode: "clock.demo_only" });
    await expect(h.callerWithToken(null, { ip: nextIp() }).enroll.open({ token: tokenOf(link) })).resolves.toMatchObject({ mode: "enroll" });
  });

  it("dates the self-service link's two years from the business date too", () => {
    expect(businessDateAt(linkExpiry(h.clock, 730), "Asia/Seoul")).toBe(addDays(HARNESS_TODAY, 730));
  });
});
