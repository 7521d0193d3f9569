import { DomainError, isBusinessDate, isValidBusinessNumber, type BusinessDate, type Won } from "@sunap/core";
import { z } from "zod";
import { monthOf } from "./calendar.ts";
import { NameInput, type Month } from "./inputs.ts";

/** Donation type codes of the receipt form and the tax office's year-end service. */
export const DONATION_TYPES = {
  "10": { ko: "특례기부금(법정기부금)", en: "Special (statutory) donation" },
  "20": { ko: "정치자금기부금", en: "Political contribution" },
  "40": { ko: "일반기부금(종교단체 외)", en: "General donation (non-religious)" },
  "41": { ko: "일반기부금(종교단체)", en: "General donation (religious body)" },
  "42": { ko: "우리사주조합기부금", en: "Employee stock ownership association" },
  "50": { ko: "공제제외기부금", en: "Not deductible" },
} as const;
export type DonationTypeCode = keyof typeof DONATION_TYPES;

/** The organisation's registration details printed on every receipt (its settings). */
export const DonationOrganisation = z.object({
  name: NameInput,
  /** 사업자등록번호 or 고유번호: ten digits with the same check digit. */
  registrationNumber: z.string().refine(isValidBusinessNumber, "payer.bad_business_number"),
  representative: NameInput,
  address: z.string().trim().min(1).max(200),
  donationTypeCode: z.enum(Object.keys(DONATION_TYPES) as [DonationTypeCode, ...DonationTypeCode[]]),
  /** The legal basis (근거 법령) of the organisation's donation status, e.g. 소득세법 제34조 제3항 제1호. */
  legalBasis: z.string().trim().max(200).nullish(),
});
export type DonationOrganisation = z.infer<typeof DonationOrganisation>;

export interface ReceiptDonor {
  code: string;
  name: string;
  address?: string | null;
}

/** A payment collected from the donor, as the ledger has it; a refund or reversal is negative. */
export interface CollectedPayment {
  on: BusinessDate;
  amountWon: Won;
}

export interface DonationReceiptMonth {
  month: Month;
  /** Money (금전); gifts in kind are not collected through Sunap. */
  kind: "money";
  count: number;
  amountWon: Won;
}

/** 기부금 영수증 data for one donor and year. It carries no resident registration number. */
export interface DonationReceipt {
  serialNumber: string;
  year: number;
  issueOn: BusinessDate;
  /** With its registration number written `123-45-67890`. */
  organisation: DonationOrganisation;
  donationType: { code: DonationTypeCode; ko: string; en: string };
  donor: ReceiptDonor;
  months: DonationReceiptMonth[];
  /** Net payments counted (refunds taken off). */
  donationCount: number;
  totalWon: Won;
}

/**
 * Builds a donor's annual receipt from what was actually collected that year, month by month.
 * Refuses payments outside the year, a receipt dated before a payment it certifies, a month whose
 * refunds exceed its payments, and a year with nothing collected.
 */
export function donationReceipt(input: {
  serialNumber: string;
  year: number;
  issueOn: BusinessDate;
  organisation: DonationOrganisation;
  donor: ReceiptDonor;
  payments: readonly CollectedPayment[];
}): DonationReceipt {
  const { year, issueOn, donor } = input;
  if (!isBusinessDate(issueOn)) throw new DomainError("INVALID", "donations.receipt.bad_date", { value: issueOn }, "issueOn");
  const parsed = DonationOrganisation.safeParse(input.organisation);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") ?? "";
    throw new DomainError("INVALID", "donations.receipt.bad_organisation", { field }, `organisation.${field}`);
  }
  const organisation = parsed.data;
  const months = new Map<Month, DonationReceiptMonth>();
  for (const payment of [...input.payments].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
    if (!isBusinessDate(payment.on) || Number(payment.on.slice(0, 4)) !== year) {
      throw new DomainError("INVALID", "donations.receipt.payment_outside_year", { donorCode: donor.code, on: payment.on, year }, "payments");
    }
    if (payment.on > issueOn) throw new DomainError("INVALID", "donations.receipt.issued_before_payment", { donorCode: donor.code, on: payment.on }, "issueOn");
    const month = monthOf(payment.on);
    const entry = months.get(month) ?? { month, kind: "money" as const, count: 0, amountWon: 0n };
    entry.count += payment.amountWon > 0n ? 1 : payment.amountWon < 0n ? -1 : 0;
    entry.amountWon += payment.amountWon;
    months.set(month, entry);
  }
  for (const entry of months.values()) {
    if (entry.amountWon < 0n) throw new DomainError("INVALID", "donations.receipt.negative_month", { donorCode: donor.code, month: entry.month }, "payments");
  }
  const listed = [...months.values()].filter((m) => m.amountWon > 0n);
  const totalWon = listed.reduce((sum, m) => sum + m.amountWon, 0n);
  if (totalWon === 0n) throw new DomainError("INVALID", "donations.receipt.nothing_collected", { donorCode: donor.code, year }, "payments");
  const digits = organisation.registrationNumber.replace(/-/g, "");
  return {
    serialNumber: input.serialNumber,
    year,
    issueOn,
    organisation: { ...organisation, registrationNumber: `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` },
    donationType: { code: organisation.donationTypeCode, ...DONATION_TYPES[organisation.donationTypeCode] },
    donor,
    months: listed,
    donationCount: listed.reduce((sum, m) => sum + Math.max(m.count, 0), 0),
    totalWon,
  };
}

/**
 * The receipts of a year in bulk: one per donor with something collected, in donor-code order,
 * numbered `<year>-000001`, `<year>-000002`, … from `firstSequence` — the same input always gives
 * the same numbers. Donors with nothing collected get no receipt.
 */
export function donationReceiptsForYear(input: {
  year: number;
  issueOn: BusinessDate;
  organisation: DonationOrganisation;
  donors: readonly { donor: ReceiptDonor; payments: readonly CollectedPayment[] }[];
  firstSequence?: number;
}): DonationReceipt[] {
  const donors = [...input.donors].sort((a, b) => (a.donor.code < b.donor.code ? -1 : a.donor.code > b.donor.code ? 1 : 0));
  const codes = new Set<string>();
  for (const { donor } of donors) {
    if (codes.has(donor.code)) throw new DomainError("INVALID", "donations.receipt.duplicate_donor", { donorCode: donor.code }, "donors");
    codes.add(donor.code);
  }
  const receipts: DonationReceipt[] = [];
  let sequence = input.firstSequence ?? 1;
  for (const { donor, payments } of donors) {
    const net = payments.reduce((sum, p) => sum + p.amountWon, 0n);
    if (net === 0n) continue;
    const serialNumber = `${input.year}-${String(sequence).padStart(6, "0")}`;
    receipts.push(donationReceipt({ serialNumber, year: input.year, issueOn: input.issueOn, organisation: input.organisation, donor, payments }));
    sequence++;
  }
  return receipts;
}
