import { defineServerBilling, defineServerPlugin } from "@sunap/api";
import { franchiseRoyaltyManifest } from "./manifest.ts";
import { royaltyBillingRules } from "./billing-rules.ts";
import { loadRoyaltyInputs } from "./server/load-inputs.ts";
import { createRoyaltyRouter } from "./server/router.ts";
import { seedRoyaltyDemo } from "./server/seed-demo.ts";
import { SandboxTaxInvoiceProvider, type TaxInvoiceProvider } from "./server/tax-invoice-provider.ts";
import { TAX_INVOICE_FIELD_CONTEXT } from "./server/tax-invoices.ts";

/**
 * The server half: royalty terms billed by the core's engine (the rules in `billing-rules.ts`, fed
 * by `loadRoyaltyInputs`), the plugin's router (sales reports, statements, tax invoices, HQ view)
 * and its demo data. `taxInvoiceProvider` is where 세금계산서 go; the sandbox by default.
 */
export function createFranchiseRoyaltyPlugin(options: { taxInvoiceProvider?: TaxInvoiceProvider } = {}) {
  const router = createRoyaltyRouter(options.taxInvoiceProvider ?? new SandboxTaxInvoiceProvider());
  return defineServerPlugin({
    manifest: franchiseRoyaltyManifest,
    billing: defineServerBilling({ rules: royaltyBillingRules, loadInputs: loadRoyaltyInputs, changesThroughOwnRouter: true }),
    router,
    jobs: [],
    // The buyer's business number is kept encrypted inside the stored tax-invoice document.
    encryptedColumns: [{ table: "royalty_tax_invoice", jsonFields: [{ column: "data", path: ["buyer", "businessNumberEnc"], context: TAX_INVOICE_FIELD_CONTEXT }] }],
    seedDemo: seedRoyaltyDemo,
  });
}

export const franchiseRoyaltyPlugin = createFranchiseRoyaltyPlugin();

export type { RoyaltyRouter } from "./server/router.ts";
export { royaltyBillingRules, RoyaltySettings, type RoyaltyInputs } from "./billing-rules.ts";
export { SandboxTaxInvoiceProvider, type TaxInvoiceProvider, type TaxInvoiceReceipt } from "./server/tax-invoice-provider.ts";

/** The pure billing rules: schemas, periods, charges (see the plugin README). */
export * from "./billing/index.ts";
