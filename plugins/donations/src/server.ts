import { defineServerBilling, defineServerPlugin } from "@sunap/api";
import { donationBillingRules } from "./billing-rules.ts";
import { donationsManifest } from "./manifest.ts";
import { seedDonationsDemo } from "./server/demo-seed.ts";
import { redactDonorPersonalData } from "./server/retention.ts";
import { donationsRouter } from "./server/router.ts";
import { thankYouJob } from "./server/thank-you-job.ts";
import { RESIDENT_NUMBER_CONTEXT } from "./server/tax-consent.ts";

/**
 * Server half: pledges and one-off gifts billed by the core engine, the pledge changes, annual
 * receipts from what was collected, the donors' tax consent and the year's issuance list, and
 * the thank-you after a first gift.
 */
export const donationsPlugin = defineServerPlugin({
  manifest: donationsManifest,
  billing: defineServerBilling({ rules: donationBillingRules }),
  router: donationsRouter,
  jobs: [thankYouJob],
  encryptedColumns: [{ table: "donor_tax_consent", idColumn: "payer_id", columns: { resident_number_enc: RESIDENT_NUMBER_CONTEXT } }],
  retention: { redactPayer: redactDonorPersonalData },
  seedDemo: seedDonationsDemo,
});

export type { DonationsRouter } from "./server/router.ts";
export { DonationTerms, PledgeTerms, GiftTerms, DonationSettings } from "./billing-rules.ts";
