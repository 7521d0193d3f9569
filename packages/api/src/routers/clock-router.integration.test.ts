import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessDateAt } from "@sunap/core";
import { AppClock } from "../app-clock.ts";
import { createApiHarness, HARNESS_TODAY, refusal, type ApiHarness } from "../testing/api-harness.ts";

let h: ApiHarness;

beforeAll(async () => {
  h = await createApiHarness();
});
afterAll(async () => {
  await h?.drop();
});

describe("the business date in demo mode", () => {
  it("pins today for every caller and for a process that refreshes its clock (the worker)", async () => {
    await expect(h.callerFor("admin").clock.set({ today: "2026-07-01" })).resolves.toEqual({ today: "2026-07-01", pinned: true });
    await expect(h.callerFor("auditor").clock.get()).resolves.toMatchObject({ today: "2026-07-01", pinned: true, demoMode: true });
    expect((await h.callerFor("finance").dashboard.summary()).today).toBe("2026-07-01");
    const worker = new AppClock("Asia/Seoul", true);
    await worker.refresh(h.db);
    expect(worker.today()).toBe("2026-07-01");
  });

  it("lets the calendar run again when unpinned", async () => {
    const { today, pinned } = await h.callerFor("admin").clock.set({ today: null });
    expect(pinned).toBe(false);
    expect([businessDateAt(new Date(Date.now() - 60_000), "Asia/Seoul"), businessDateAt(new Date(), "Asia/Seoul")]).toContain(today);
    await h.setToday(HARNESS_TODAY);
  });

  it("refuses to move the date outside demo mode, and leaves it as it was", async () => {
    expect(await refusal(h.callerFor("admin", { demoMode: false }).clock.set({ today: "2030-01-01" }))).toMatchObject({ code: "FORBIDDEN", domainCode: "clock.demo_only" });
    expect(h.clock.today()).toBe(HARNESS_TODAY);
    expect(await h.db.clockOverride.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ today: new Date(`${HARNESS_TODAY}T00:00:00Z`) });
  });

  it("lets only the admin move it, and only to a real date", async () => {
    expect(await refusal(h.callerFor("finance").clock.set({ today: "2026-07-01" }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
    expect((await refusal(h.callerFor("admin").clock.set({ today: "2026-02-30" }))).zodPaths).toEqual(["today"]);
    expect(h.clock.today()).toBe(HARNESS_TODAY);
  });
});
