import { describe, expect, it } from "vitest";
import { chargeTotal, decodeJson, encodeJson, type BillingContext } from "@sunap/core";
import { DonationSettings, DonationTerms, donationBillingRules } from "./billing-rules.ts";

const settings = DonationSettings.parse({});
const pledgeTerms = DonationTerms.parse({
  kind: "pledge",
  monthlyAmountWon: 30_000n,
  dayOfMonth: 31,
  startOn: "2028-01-10",
  status: "active",
  campaign: "WATER",
  amountChanges: [{ effectiveOn: "2028-03-01", monthlyAmountWon: 50_000n }],
  pauses: [{ from: "2028-04-01", until: "2028-05-01" }],
});
const giftTerms = DonationTerms.parse({ kind: "gift", amountWon: 100_000n, on: "2028-02-14", fund: "SCHOOL" });

const context = (terms: DonationTerms, id = 7): BillingContext<DonationTerms, DonationSettings, undefined> => ({
  contract: { id, payerId: 1, storeId: null, startsOn: donationBillingRules.startsOn(terms) },
  terms,
  settings,
  inputs: undefined,
});

describe("donation billing rules (the engine's view)", () => {
  it("bills a pledge on its day every month, the month-end day on Feb 29 of a leap year, skipping a paused month", () => {
    const periods = donationBillingRules.periods(context(pledgeTerms), "2028-05-31");
    expect(periods.map((p) => [p.key, p.issueOn])).toEqual([
      ["2028-01", "2028-01-31"],
      ["2028-02", "2028-02-29"],
      ["2028-03", "2028-03-31"],
      ["2028-05", "2028-05-31"],
    ]);
  });

  it("gives the same period keys on every run, however late the run (catch-up is stable)", () => {
    const early = donationBillingRules.periods(context(pledgeTerms), "2028-03-31").map((p) => p.key);
    const late = donationBillingRules.periods(context(pledgeTerms), "2029-01-01").map((p) => p.key);
    expect(late.slice(0, early.length)).toEqual(early);
  });

  it("charges the upgraded amount from the first collection on or after the change, with no VAT, to donation income", () => {
    const ctx = context(pledgeTerms);
    const [feb, mar] = donationBillingRules.periods(ctx, "2028-03-31").slice(1);
    expect(chargeTotal(donationBillingRules.charges(ctx, feb!))).toBe(30_000n);
    const march = donationBillingRules.charges(ctx, mar!);
    expect(march).toHaveLength(1);
    expect(march[0]).toMatchObject({ kind: "donation", amountWon: 50_000n, creditAccount: "donation_income" });
    expect(march[0]!.basis?.ko).toContain("캠페인 WATER");
  });

  it("bills a one-off gift once, on its day, keyed by its contract", () => {
    expect(donationBillingRules.periods(context(giftTerms, 42), "2028-02-13")).toEqual([]);
    const periods = donationBillingRules.periods(context(giftTerms, 42), "2028-12-31");
    expect(periods).toEqual([{ start: "2028-02-14", end: "2028-02-14", issueOn: "2028-02-14", dueOn: "2028-02-14", key: "gift-42" }]);
    expect(donationBillingRules.charges(context(giftTerms, 42), periods[0]!)).toMatchObject([{ kind: "gift", amountWon: 100_000n, creditAccount: "donation_income" }]);
  });

  it("stores terms as JSON and reads back the same value (bigints included)", () => {
    for (const terms of [pledgeTerms, giftTerms]) {
      const stored = JSON.parse(JSON.stringify(encodeJson(terms))) as unknown;
      expect(DonationTerms.parse(decodeJson(stored))).toEqual(terms);
    }
  });

  it("describes a pledge and a gift for lists in both languages", () => {
    expect(donationBillingRules.describe(pledgeTerms, "ko")).toBe("정기후원 매월 31일 30,000원 → 50,000원 (WATER)");
    expect(donationBillingRules.describe(giftTerms, "en")).toBe("One-off gift ₩100,000 on 2028-02-14 (SCHOOL)");
  });

  it.each([
    ["an unknown kind", { kind: "loan" }, "kind"],
    ["a negative monthly amount", { kind: "pledge", monthlyAmountWon: -1n, dayOfMonth: 5, startOn: "2026-01-01", status: "active" }, "monthlyAmountWon"],
    ["a fractional amount given as a number", { kind: "gift", amountWon: 1000.5, on: "2026-01-01" }, "amountWon"],
    ["day 32", { kind: "pledge", monthlyAmountWon: 1n, dayOfMonth: 32, startOn: "2026-01-01", status: "active" }, "dayOfMonth"],
    ["a cancellation before the start", { kind: "pledge", monthlyAmountWon: 1n, dayOfMonth: 5, startOn: "2026-02-01", status: "cancelled", cancelledOn: "2026-01-01" }, "cancelledOn"],
    ["a gift on 30 February", { kind: "gift", amountWon: 1n, on: "2026-02-30" }, "on"],
  ])("refuses %s and names the field", (_what, terms, field) => {
    const parsed = DonationTerms.safeParse(terms);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path.join(".")).toBe(field);
  });

  it("has usable default settings and refuses a registration number whose check digit is wrong", () => {
    expect(settings).toMatchObject({ donationTypeCode: "40", thankYouChannel: "alimtalk" });
    const bad = DonationSettings.safeParse({ registrationNumber: "220-81-62518" });
    expect(bad.error?.issues[0]?.path).toEqual(["registrationNumber"]);
  });
});
