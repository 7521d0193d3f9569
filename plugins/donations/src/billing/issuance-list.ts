import { DomainError, isBusinessDate, type BusinessDate, type Won } from "@sunap/core";
import type { DonationReceipt, DonationTypeCode } from "./receipt.ts";

/** One row of the year's receipt issuance list (기부금영수증 발급명세) for the tax office's year-end service. */
export interface ReceiptIssuanceRow {
  year: number;
  serialNumber: string;
  issueOn: BusinessDate;
  organisationName: string;
  organisationRegistrationNumber: string;
  donationTypeCode: DonationTypeCode;
  donorCode: string;
  donorName: string;
  /** `YYMMDD-NNNNNNN`, only for a donor who consented to give it; null otherwise. */
  residentRegistrationNumber: string | null;
  donationCount: number;
  totalWon: Won;
}

/** The columns of the export, in order, with their headings. */
export const RECEIPT_ISSUANCE_COLUMNS: readonly { key: keyof ReceiptIssuanceRow; ko: string; en: string }[] = [
  { key: "year", ko: "귀속연도", en: "Year" },
  { key: "serialNumber", ko: "영수증 일련번호", en: "Receipt number" },
  { key: "issueOn", ko: "발급일", en: "Issued on" },
  { key: "organisationName", ko: "기부금 단체명", en: "Organisation" },
  { key: "organisationRegistrationNumber", ko: "단체 등록번호", en: "Organisation registration number" },
  { key: "donationTypeCode", ko: "기부금 유형 코드", en: "Donation type code" },
  { key: "donorCode", ko: "기부자 번호", en: "Donor number" },
  { key: "donorName", ko: "기부자 성명", en: "Donor name" },
  { key: "residentRegistrationNumber", ko: "주민등록번호", en: "Resident registration number" },
  { key: "donationCount", ko: "기부 건수", en: "Donations" },
  { key: "totalWon", ko: "기부금액", en: "Amount (won)" },
];

/**
 * PERSONAL-DATA EXPORT. The year's receipt issuance list, one row per receipt in serial order,
 * with the donor's resident registration number in clear where the donor consented to give it
 * (the number arrives already decrypted; a number without consent is dropped, never exported).
 * Nothing is masked: whoever calls this must record the export as a personal-data access
 * (접속기록) and hand the result only to the submission.
 */
export function receiptIssuanceList(
  entries: readonly { receipt: DonationReceipt; residentRegistrationNumber?: string | null; residentNumberConsent?: boolean }[],
): ReceiptIssuanceRow[] {
  return [...entries]
    .sort((a, b) => (a.receipt.serialNumber < b.receipt.serialNumber ? -1 : 1))
    .map(({ receipt, residentRegistrationNumber, residentNumberConsent }) => ({
      year: receipt.year,
      serialNumber: receipt.serialNumber,
      issueOn: receipt.issueOn,
      organisationName: receipt.organisation.name,
      organisationRegistrationNumber: receipt.organisation.registrationNumber,
      donationTypeCode: receipt.donationType.code,
      donorCode: receipt.donor.code,
      donorName: receipt.donor.name,
      residentRegistrationNumber: residentNumberConsent && residentRegistrationNumber ? normalizeResidentNumber(residentRegistrationNumber, receipt.donor.code) : null,
      donationCount: receipt.donationCount,
      totalWon: receipt.totalWon,
    }));
}

/**
 * `YYMMDD-NNNNNNN` from 13 digits (hyphen optional). Checks the birth date and the century digit
 * (1–8; 9 and 0 for the 1800s); the last digit is not checked, as numbers issued since
 * October 2020 no longer carry a check digit.
 */
export function normalizeResidentNumber(value: string, donorCode: string): string {
  const digits = value.replace(/[\s-]/g, "");
  const invalid = () => new DomainError("INVALID", "donations.bad_resident_number", { donorCode }, "residentRegistrationNumber");
  if (!/^\d{13}$/.test(digits)) throw invalid();
  const centuryDigit = Number(digits[6]);
  const century = centuryDigit === 9 || centuryDigit === 0 ? 1800 : centuryDigit <= 2 || centuryDigit === 5 || centuryDigit === 6 ? 1900 : 2000;
  const birth = `${century + Number(digits.slice(0, 2))}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  if (!isBusinessDate(birth)) throw invalid();
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
