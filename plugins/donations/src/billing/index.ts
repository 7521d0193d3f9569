export { Pledge, PledgePause, PledgeAmountChange, Gift } from "./pledge.ts";
export { isMonth, type Month } from "./inputs.ts";
export { pledgePeriods, pledgeCharges, pledgeCollectionOn, pledgeAmountOn, giftPeriod, giftCharges, DONATION_INCOME_ACCOUNT } from "./pledge-billing.ts";
export {
  donationReceipt,
  donationReceiptsForYear,
  DonationOrganisation,
  DONATION_TYPES,
  type DonationTypeCode,
  type DonationReceipt,
  type DonationReceiptMonth,
  type ReceiptDonor,
  type CollectedPayment,
} from "./receipt.ts";
export { receiptIssuanceList, normalizeResidentNumber, RECEIPT_ISSUANCE_COLUMNS, type ReceiptIssuanceRow } from "./issuance-list.ts";
