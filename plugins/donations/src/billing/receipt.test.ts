import { describe, expect, it } from "vitest";
import { DomainError } from "@sunap/core";
import { Pledge } from "./pledge.ts";
import { pledgeCharges, pledgePeriods } from "./pledge-billing.ts";
import { donationReceipt, donationReceiptsForYear, type CollectedPayment } from "./receipt.ts";
import { normalizeResidentNumber, receiptIssuanceList, RECEIPT_ISSUANCE_COLUMNS } from "./issuance-list.ts";

const organisation = {
  name: "사단법인 맑은물나눔",
  registrationNumber: "1018100001",
  representative: "박대표",
  address: "서울특별시 종로구 세종대로 1",
  donationTypeCode: "40" as const,
  legalBasis: "소득세법 제34조 제3항 제1호",
};
const donor = { code: "D-0001", name: "홍길동", address: "서울" };
const pay = (on: string, amountWon: bigint): CollectedPayment => ({ on, amountWon });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe("donationReceipt", () => {
  it("totals what was collected, month by month, with the organisation's registration details", () => {
    const receipt = donationReceipt({
      serialNumber: "2026-000001",
      year: 2026,
      issueOn: "2027-01-10",
      organisation,
      donor,
      payments: [pay("2026-03-25", 30_000n), pay("2026-01-25", 30_000n), pay("2026-12-24", 100_000n), pay("2026-12-26", 30_000n)],
    });
    expect(receipt).toMatchObject({
      serialNumber: "2026-000001",
      organisation: { registrationNumber: "101-81-00001", name: "사단법인 맑은물나눔" },
      donationType: { code: "40", ko: "일반기부금(종교단체 외)" },
      months: [
        { month: "2026-01", kind: "money", count: 1, amountWon: 30_000n },
        { month: "2026-03", kind: "money", count: 1, amountWon: 30_000n },
        { month: "2026-12", kind: "money", count: 2, amountWon: 130_000n },
      ],
      donationCount: 4,
      totalWon: 190_000n,
    });
  });

  it("takes refunds off the month they were made in", () => {
    const receipt = donationReceipt({
      serialNumber: "2026-000002",
      year: 2026,
      issueOn: "2027-01-10",
      organisation,
      donor,
      payments: [pay("2026-05-25", 30_000n), pay("2026-06-25", 30_000n), pay("2026-06-28", -30_000n)],
    });
    expect(receipt.months.map((m) => [m.month, m.amountWon])).toEqual([["2026-05", 30_000n]]);
    expect(receipt.totalWon).toBe(30_000n);
    expect(receipt.donationCount).toBe(1);
  });

  it("totals a pledge upgraded mid-year from its collections", () => {
    const pledge = Pledge.parse({ monthlyAmountWon: 20_000n, dayOfMonth: 10, startOn: "2026-01-01", status: "active", amountChanges: [{ effectiveOn: "2026-07-01", monthlyAmountWon: 50_000n }] });
    const payments = pledgePeriods(pledge, { through: "2026-12-31" }).map((p) => pay(p.dueOn, pledgeCharges(pledge, p)[0]!.amountWon));
    const receipt = donationReceipt({ serialNumber: "2026-000003", year: 2026, issueOn: "2027-01-10", organisation, donor, payments });
    expect(receipt.totalWon).toBe(6n * 20_000n + 6n * 50_000n);
    expect(receipt.months).toHaveLength(12);
  });

  const bad: { name: string; payments: CollectedPayment[]; issueOn?: string; organisation?: object; code: string }[] = [
    { name: "a payment of another year", payments: [pay("2025-12-31", 1_000n)], code: "donations.receipt.payment_outside_year" },
    { name: "nothing collected", payments: [], code: "donations.receipt.nothing_collected" },
    { name: "a month with more refunded than paid", payments: [pay("2026-01-10", 1_000n), pay("2026-02-10", -1_000n)], code: "donations.receipt.negative_month" },
    { name: "a receipt dated before a payment", payments: [pay("2026-12-30", 1_000n)], issueOn: "2026-12-01", code: "donations.receipt.issued_before_payment" },
    { name: "an organisation number with a wrong check digit", payments: [pay("2026-01-10", 1_000n)], organisation: { ...organisation, registrationNumber: "1018100002" }, code: "donations.receipt.bad_organisation" },
  ];
  for (const c of bad) {
    it(`refuses ${c.name}`, () => {
      const input = { serialNumber: "X", year: 2026, issueOn: c.issueOn ?? "2027-01-10", organisation: (c.organisation ?? organisation) as typeof organisation, donor, payments: c.payments };
      expect(codeOf(() => donationReceipt(input))).toBe(c.code);
    });
  }
});

describe("donationReceiptsForYear", () => {
  const donors = [
    { donor: { code: "D-0003", name: "세번째" }, payments: [pay("2026-02-01", 10_000n)] },
    { donor: { code: "D-0001", name: "첫번째" }, payments: [pay("2026-03-01", 20_000n), pay("2026-04-01", 20_000n)] },
    { donor: { code: "D-0002", name: "환불만" }, payments: [pay("2026-05-01", 5_000n), pay("2026-05-02", -5_000n)] },
  ];
  it("numbers receipts by donor code, skipping donors with nothing collected, the same every run", () => {
    const receipts = donationReceiptsForYear({ year: 2026, issueOn: "2027-01-15", organisation, donors, firstSequence: 7 });
    expect(receipts.map((r) => [r.serialNumber, r.donor.code, r.totalWon])).toEqual([
      ["2026-000007", "D-0001", 40_000n],
      ["2026-000008", "D-0003", 10_000n],
    ]);
    expect(donationReceiptsForYear({ year: 2026, issueOn: "2027-01-15", organisation, donors: [...donors].reverse(), firstSequence: 7 })).toEqual(receipts);
  });
  it("refuses a donor listed twice", () => {
    expect(codeOf(() => donationReceiptsForYear({ year: 2026, issueOn: "2027-01-15", organisation, donors: [donors[0]!, donors[0]!] }))).toBe("donations.receipt.duplicate_donor");
  });
});

describe("receiptIssuanceList (personal-data export)", () => {
  const receipts = donationReceiptsForYear({
    year: 2026,
    issueOn: "2027-01-15",
    organisation,
    donors: [
      { donor: { code: "D-0001", name: "홍길동" }, payments: [pay("2026-03-01", 20_000n)] },
      { donor: { code: "D-0002", name: "김철수" }, payments: [pay("2026-03-01", 30_000n)] },
      { donor: { code: "D-0003", name: "이영희" }, payments: [pay("2026-03-01", 40_000n)] },
    ],
  });

  it("includes the resident registration number only where the donor consented", () => {
    const rows = receiptIssuanceList([
      { receipt: receipts[2]!, residentRegistrationNumber: "0101014123456", residentNumberConsent: true },
      { receipt: receipts[0]!, residentRegistrationNumber: "800101-1234567", residentNumberConsent: true },
      { receipt: receipts[1]!, residentRegistrationNumber: "8501012345678", residentNumberConsent: false },
    ]);
    expect(rows.map((r) => [r.serialNumber, r.donorName, r.residentRegistrationNumber, r.totalWon])).toEqual([
      ["2026-000001", "홍길동", "800101-1234567", 20_000n],
      ["2026-000002", "김철수", null, 30_000n],
      ["2026-000003", "이영희", "010101-4123456", 40_000n],
    ]);
    expect(rows[0]).toMatchObject({ year: 2026, organisationRegistrationNumber: "101-81-00001", donationTypeCode: "40", donationCount: 1, issueOn: "2027-01-15" });
  });

  it("has a heading for every field of a row", () => {
    const row = receiptIssuanceList([{ receipt: receipts[0]! }])[0]!;
    expect(RECEIPT_ISSUANCE_COLUMNS.map((c) => c.key).sort()).toEqual(Object.keys(row).sort());
  });

  it.each([
    ["12 digits", "800101123456"],
    ["a birth date that does not exist", "800230-1234567"],
    ["letters", "80010A-1234567"],
    ["29 February in a common year (2001)", "010229-3234567"],
  ])("refuses a consented number with %s", (_name, value) => {
    expect(codeOf(() => normalizeResidentNumber(value, "D-0001"))).toBe("donations.bad_resident_number");
  });

  it("accepts 29 February in a leap year (2028 → digit 3 or 4)", () => {
    expect(normalizeResidentNumber("280229-4000000", "D-0001")).toBe("280229-4000000");
  });
});
