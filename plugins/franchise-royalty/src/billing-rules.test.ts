import { describe, expect, it } from "vitest";
import { chargeTotal, decodeJson, encodeJson, type BillingPeriod, type ChargeLine } from "@sunap/core";
import { NO_ROYALTY_INPUTS, parsePeriodKey, royaltyBillingRules, trueUpKey, type IssuedRoyaltyInvoice, type RoyaltyInputs } from "./billing-rules.ts";
import { RoyaltyTerms } from "./billing/terms.ts";

const terms = RoyaltyTerms.parse({
  storeCode: "GN01",
  firstMonth: "2026-01",
  royalty: { kind: "flat", rateBp: 500 },
  fixedFees: [{ code: "marketing_fund", name: { ko: "광고분담금", en: "Marketing fund" }, amountWon: 200_000n }],
  minimumRoyaltyWon: 300_000n,
});
const settings = royaltyBillingRules.settingsSchema.parse({});
const facts = { id: 7, payerId: 3, storeId: 1, startsOn: "2026-01-01" };
const context = (inputs: RoyaltyInputs) => ({ contract: facts, terms, settings, inputs });
const compact = (lines: readonly ChargeLine[]) => lines.map((l) => `${l.kind} ${l.amountWon}`);
const issuedFrom = (period: BillingPeriod, lines: ChargeLine[], voided = false): IssuedRoyaltyInvoice => ({ periodKey: period.key, issueOn: period.issueOn, dueOn: period.dueOn, voided, lines });

describe("royalty billing rules (the engine's view)", () => {
  it("settings default to a report due on the 5th and payment 10 days after issue", () => {
    expect(settings).toMatchObject({ defaultReportDueDay: 5, defaultPaymentDueDays: 10 });
  });

  it("terms survive the jsonb round trip with their bigints", () => {
    const stored = JSON.parse(JSON.stringify(encodeJson(terms)));
    expect(royaltyBillingRules.contractSchema.parse(decodeJson(stored))).toEqual(terms);
  });

  it("bad terms name the field that is wrong", () => {
    const result = royaltyBillingRules.contractSchema.safeParse({ ...terms, royalty: { kind: "tiered", tiers: [{ fromWon: 0n, rateBp: 500 }, { fromWon: 0n, rateBp: 400 }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("royalty.tiers.1.fromWon");
    const negative = royaltyBillingRules.contractSchema.safeParse({ ...terms, minimumRoyaltyWon: -1n });
    expect(negative.error?.issues[0]?.path).toEqual(["minimumRoyaltyWon"]);
  });

  it("starts on the first day of the first month and describes itself", () => {
    expect(royaltyBillingRules.startsOn(terms)).toBe("2026-01-01");
    expect(royaltyBillingRules.describe(terms, "ko")).toBe("GN01 · 5% · 최저 300,000원 · 고정 수수료 1건");
    expect(royaltyBillingRules.describe(terms, "en")).toBe("GN01 · 5% · min. ₩300,000 · 1 fixed fee");
  });

  it("lists every month since the first as a stable key, the same on every run (catch-up)", () => {
    const first = royaltyBillingRules.periods(context(NO_ROYALTY_INPUTS), "2026-05-06").map((p) => p.key);
    const again = royaltyBillingRules.periods(context(NO_ROYALTY_INPUTS), "2026-05-06").map((p) => p.key);
    expect(first).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(again).toEqual(first);
  });

  it("stops at the month the store closed in", () => {
    const inputs = { ...NO_ROYALTY_INPUTS, storeClosedOn: "2026-02-10" };
    expect(royaltyBillingRules.periods(context(inputs), "2026-12-31").map((p) => p.key)).toEqual(["2026-01", "2026-02"]);
  });

  it("bills a reported month on its report and a missing one on the estimate", () => {
    const inputs = { ...NO_ROYALTY_INPUTS, reports: [{ month: "2026-01", grossSalesWon: 10_000_000n, reportedOn: "2026-02-03" }, { month: "2026-02", grossSalesWon: 20_000_000n, reportedOn: "2026-03-03" }] };
    const [jan, feb, mar] = royaltyBillingRules.periods(context(inputs), "2026-04-06");
    expect(compact(royaltyBillingRules.charges(context(inputs), jan!))).toEqual(["royalty 500000", "marketing_fund 200000", "vat 50000", "vat 20000"]);
    const estimated = royaltyBillingRules.charges(context(inputs), mar!);
    expect(compact(estimated)).toEqual(["royalty 750000", "marketing_fund 200000", "vat 75000", "vat 20000"]);
    expect(estimated[0]!.label.en).toBe("Royalty (estimated sales)");
    expect(feb!.key).toBe("2026-02");
  });

  it("adds a true-up period once the real report of an estimated month arrives, and bills the difference", () => {
    const reports = [{ month: "2026-01", grossSalesWon: 10_000_000n, reportedOn: "2026-02-03" }];
    const before = { ...NO_ROYALTY_INPUTS, reports };
    const [jan, feb] = royaltyBillingRules.periods(context(before), "2026-03-06");
    const issued = [issuedFrom(jan!, royaltyBillingRules.charges(context(before), jan!)), issuedFrom(feb!, royaltyBillingRules.charges(context(before), feb!))];
    const after: RoyaltyInputs = { ...before, reports: [...reports, { month: "2026-02", grossSalesWon: 16_000_000n, reportedOn: "2026-03-20" }], issued };

    expect(royaltyBillingRules.periods(context(after), "2026-03-19").map((p) => p.key)).toEqual(["2026-01", "2026-02"]);
    // The preview looks a year ahead: the true-up still falls on the day the report arrived.
    expect(royaltyBillingRules.periods(context(after), "2027-04-30").find((p) => p.key === "2026-02:true-up")?.issueOn).toBe("2026-03-20");
    const periods = royaltyBillingRules.periods(context(after), "2026-03-20");
    expect(periods.map((p) => p.key)).toEqual(["2026-01", "2026-02", "2026-02:true-up"]);
    const trueUpPeriod = periods[2]!;
    expect(trueUpPeriod).toMatchObject({ start: "2026-02-01", end: "2026-02-28", issueOn: "2026-03-20", dueOn: "2026-03-30" });
    // estimate 10,000,000 → 500,000; real 16,000,000 → 800,000
    expect(compact(royaltyBillingRules.charges(context(after), trueUpPeriod))).toEqual(["royalty_true_up 300000", "vat_true_up 30000"]);
  });

  it("once issued, the true-up keeps its key and dates and is not listed twice", () => {
    const before = { ...NO_ROYALTY_INPUTS, reports: [{ month: "2026-01", grossSalesWon: 10_000_000n, reportedOn: "2026-02-03" }] };
    const [jan, feb] = royaltyBillingRules.periods(context(before), "2026-03-06");
    const reports = [...before.reports, { month: "2026-02", grossSalesWon: 16_000_000n, reportedOn: "2026-03-20" }];
    const issued = [issuedFrom(jan!, royaltyBillingRules.charges(context(before), jan!)), issuedFrom(feb!, royaltyBillingRules.charges(context(before), feb!))];
    const trueUp = { periodKey: trueUpKey("2026-02"), issueOn: "2026-03-20", dueOn: "2026-03-30", voided: false, lines: [] };
    const periods = royaltyBillingRules.periods(context({ ...before, reports, issued: [...issued, trueUp] }), "2026-06-30");
    expect(periods.filter((p) => p.key === "2026-02:true-up")).toEqual([{ start: "2026-02-01", end: "2026-02-28", issueOn: "2026-03-20", dueOn: "2026-03-30", key: "2026-02:true-up" }]);
  });

  it("lists no true-up when the real royalty is lower: the credit is not an invoice", () => {
    const before = { ...NO_ROYALTY_INPUTS, reports: [{ month: "2026-01", grossSalesWon: 20_000_000n, reportedOn: "2026-02-03" }] };
    const [jan, feb] = royaltyBillingRules.periods(context(before), "2026-03-06");
    const issued = [issuedFrom(jan!, royaltyBillingRules.charges(context(before), jan!)), issuedFrom(feb!, royaltyBillingRules.charges(context(before), feb!))];
    const after = { ...before, reports: [...before.reports, { month: "2026-02", grossSalesWon: 8_000_000n, reportedOn: "2026-03-20" }], issued };
    expect(royaltyBillingRules.periods(context(after), "2026-03-20").map((p) => p.key)).toEqual(["2026-01", "2026-02"]);
    const credit = royaltyBillingRules.charges(context(after), { start: "2026-02-01", end: "2026-02-28", issueOn: "2026-03-20", dueOn: "2026-03-30", key: trueUpKey("2026-02") });
    // estimate 1,000,000 against real 400,000: a credit of 600,000 + VAT
    expect(chargeTotal(credit)).toBe(-660_000n);
  });

  it("a month billed on its report needs no true-up, nor does a void month", () => {
    const inputs = { ...NO_ROYALTY_INPUTS, reports: [{ month: "2026-01", grossSalesWon: 10_000_000n, reportedOn: "2026-02-03" }, { month: "2026-02", grossSalesWon: 30_000_000n, reportedOn: "2026-03-03" }] };
    const [jan, feb] = royaltyBillingRules.periods(context(inputs), "2026-03-06");
    const issued = [issuedFrom(jan!, royaltyBillingRules.charges(context(inputs), jan!)), issuedFrom(feb!, [], true)];
    expect(royaltyBillingRules.periods(context({ ...inputs, issued }), "2026-06-30").some((p) => p.key.endsWith(":true-up"))).toBe(false);
  });

  it("parses its own period keys and nothing else", () => {
    expect(parsePeriodKey("2026-10")).toEqual({ month: "2026-10", trueUp: false });
    expect(parsePeriodKey("2026-10:true-up")).toEqual({ month: "2026-10", trueUp: true });
    expect(parsePeriodKey("2026-13")).toBeNull();
    expect(parsePeriodKey("installment-3")).toBeNull();
  });
});

describe("isEstimateLine", () => {
  it("recognises the lines of a month billed without its report", async () => {
    const { isEstimateLine } = await import("./billing-rules.ts");
    const reported = royaltyBillingRules.charges(context({ ...NO_ROYALTY_INPUTS, reports: [{ month: "2026-01", grossSalesWon: 1_000_000n, reportedOn: "2026-02-02" }] }), { start: "2026-01-01", end: "2026-01-31", issueOn: "2026-02-06", dueOn: "2026-02-16", key: "2026-01" });
    const estimated = royaltyBillingRules.charges(context({ ...NO_ROYALTY_INPUTS, reports: [{ month: "2026-01", grossSalesWon: 1_000_000n, reportedOn: "2026-02-02" }] }), { start: "2026-02-01", end: "2026-02-28", issueOn: "2026-03-06", dueOn: "2026-03-16", key: "2026-02" });
    const none = royaltyBillingRules.charges(context(NO_ROYALTY_INPUTS), { start: "2026-01-01", end: "2026-01-31", issueOn: "2026-02-06", dueOn: "2026-02-16", key: "2026-01" });
    expect(reported.some(isEstimateLine)).toBe(false);
    expect(estimated.some(isEstimateLine)).toBe(true);
    expect(none.some(isEstimateLine)).toBe(true);
  });
});
