import { describe, expect, it } from "vitest";
import { DomainError } from "@sunap/core";
import { Pledge } from "./pledge.ts";
import { pledgePeriods } from "./pledge-billing.ts";
import { cancelPledge, changePledgeAmount, pausePledge, pledgeStatusOn, resumePledge } from "./pledge-changes.ts";

const TODAY = "2026-03-16";
const base = Pledge.parse({ monthlyAmountWon: 20_000n, dayOfMonth: 25, startOn: "2026-01-01", status: "active" });
const months = (p: Pledge, through = "2026-08-31") => pledgePeriods(p, { through }).map((x) => x.key);

function refusal(run: () => unknown): { code: string; kind: string; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, field: error.field };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("pledge changes", () => {
  it("pauses from a day to the resume day: the months in between are skipped and the status is paused inside it", () => {
    const paused = pausePledge(base, { from: "2026-03-16", until: "2026-06-01" }, TODAY);
    expect(paused.status).toBe("paused");
    expect(months(paused)).toEqual(["2026-01", "2026-02", "2026-06", "2026-07", "2026-08"]);
    expect(pledgeStatusOn(paused, "2026-06-01")).toBe("active");
  });

  it("a pause starting later leaves the pledge active until then", () => {
    expect(pausePledge(base, { from: "2026-05-01" }, TODAY).status).toBe("active");
  });

  it("resumes an open-ended pause on a day: collection comes back from that day's month", () => {
    const paused = pausePledge(base, { from: "2026-03-20" }, TODAY);
    const resumed = resumePledge(paused, { on: "2026-05-10" }, TODAY);
    expect(resumed.pauses).toEqual([{ from: "2026-03-20", until: "2026-05-10" }]);
    expect(months(resumed)).toEqual(["2026-01", "2026-02", "2026-05", "2026-06", "2026-07", "2026-08"]);
  });

  it("resuming before a scheduled pause begins drops the pause", () => {
    const paused = pausePledge(base, { from: "2026-04-01", until: "2026-07-01" }, TODAY);
    expect(resumePledge(paused, { on: TODAY }, TODAY).pauses).toEqual([]);
  });

  it("cancels from a day: nothing is collected from then on", () => {
    const cancelled = cancelPledge(base, { on: "2026-04-25" }, TODAY);
    expect(months(cancelled)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(cancelled.status).toBe("active");
    expect(pledgeStatusOn(cancelled, "2026-04-25")).toBe("cancelled");
    expect(cancelPledge(base, { on: TODAY }, TODAY).status).toBe("cancelled");
  });

  it("upgrades the amount from a date, replacing a change set for the same day", () => {
    const up = changePledgeAmount(base, { effectiveOn: "2026-04-01", monthlyAmountWon: 30_000n }, TODAY);
    const again = changePledgeAmount(up, { effectiveOn: "2026-04-01", monthlyAmountWon: 40_000n }, TODAY);
    expect(again.amountChanges).toEqual([{ effectiveOn: "2026-04-01", monthlyAmountWon: 40_000n }]);
  });

  it.each([
    ["pausing a cancelled pledge", () => pausePledge(cancelPledge(base, { on: TODAY }, TODAY), { from: "2026-04-01" }, TODAY), "donations.pledge.cancelled", "CONFLICT", undefined],
    ["pausing a paused pledge", () => pausePledge(pausePledge(base, { from: TODAY }, TODAY), { from: "2026-05-01" }, TODAY), "donations.pledge.already_paused", "CONFLICT", "from"],
    ["a pause that starts in the past", () => pausePledge(base, { from: "2026-03-15" }, TODAY), "donations.pledge.date_in_past", "INVALID", "from"],
    ["a pause resuming before it starts", () => pausePledge(base, { from: "2026-04-01", until: "2026-04-01" }, TODAY), "donations.pledge.resume_before_pause", "INVALID", "until"],
    ["resuming a pledge that is not paused", () => resumePledge(base, { on: TODAY }, TODAY), "donations.pledge.not_paused", "CONFLICT", "on"],
    ["resuming a cancelled pledge", () => resumePledge(cancelPledge(base, { on: TODAY }, TODAY), { on: TODAY }, TODAY), "donations.pledge.cancelled", "CONFLICT", undefined],
    ["cancelling twice", () => cancelPledge(cancelPledge(base, { on: "2026-05-01" }, TODAY), { on: "2026-06-01" }, TODAY), "donations.pledge.already_cancelled", "CONFLICT", undefined],
    ["cancelling back in time", () => cancelPledge(base, { on: "2026-02-01" }, TODAY), "donations.pledge.date_in_past", "INVALID", "on"],
    ["upgrading a cancelled pledge", () => changePledgeAmount(cancelPledge(base, { on: "2026-09-01" }, TODAY), { effectiveOn: "2026-04-01", monthlyAmountWon: 1n }, TODAY), "donations.pledge.cancelled", "CONFLICT", undefined],
    ["an upgrade to the amount already in force", () => changePledgeAmount(base, { effectiveOn: "2026-04-01", monthlyAmountWon: 20_000n }, TODAY), "donations.pledge.same_amount", "INVALID", "monthlyAmountWon"],
    ["an amount of zero", () => changePledgeAmount(base, { effectiveOn: "2026-04-01", monthlyAmountWon: 0n }, TODAY), "donations.pledge.amount_not_positive", "INVALID", "monthlyAmountWon"],
    ["an upgrade dated in the past", () => changePledgeAmount(base, { effectiveOn: "2026-03-01", monthlyAmountWon: 5n }, TODAY), "donations.pledge.date_in_past", "INVALID", "effectiveOn"],
  ] as const)("refuses %s", (_what, run, code, kind, field) => {
    expect(refusal(run)).toEqual({ code, kind, field });
  });
});
