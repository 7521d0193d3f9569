export { router, publicProcedure, procedure, createCallerFactory, assertStoreVisible, actorOf, type Meta, type FieldError } from "./trpc.ts";
export type { Context, SessionUser, SessionInfo, SessionCookieJar, ServerSettings, Locale } from "./context.ts";
export { AppClock } from "./app-clock.ts";
export { coreRouters, coreRouter } from "./app-router.ts";
export { routerWithPlugins } from "./plugin-routers.ts";
export { BillingRegistry, EMPTY_BILLING_REGISTRY } from "./billing-registry.ts";
export {
  ContractService,
  parseWithSchema,
  type ContractView,
  type CreateContractInput,
  type UpdateContractTermsInput,
  type EndContractInput,
  type ContractListInput,
} from "./services/contract-service.ts";
export { runBilling, invoiceNumber, invoiceIdempotencyKey, type RunBillingOptions, type BillingRunResult, type BillingFailure } from "./services/billing-engine.ts";
export { CreditNoteService, issueCreditNoteInTx, type IssueCreditNoteInput, type CreditNoteOutcome, type CreditNoteDetail } from "./services/credit-note-service.ts";
export { InvoiceService, invoiceStatusWhere, INVOICE_STATUS_FILTERS, type InvoiceStatusFilter, type InvoiceListItem } from "./services/invoice-service.ts";
export { previewContract, pluginSettingsOf, billingContextOf, type PreviewedPeriod, type ContractBillingRow } from "./services/contract-billing.ts";
export { contractService, type AuthedContext } from "./routers/contracts-router.ts";
export type { CoreRouter } from "./app-router.ts";
export { recordAudit, type Actor, type AuditEvent } from "./audit.ts";
export { auditSink, type AuditSink } from "./procedure-audit.ts";
export { loadSession, signIn, hashToken } from "./auth/session-service.ts";
export { hashPassword } from "./auth/password-hash.ts";
export { createUser } from "./services/user-service.ts";
export { rotatePersonalDataKeys, ENCRYPTED_COLUMNS, type EncryptedColumns } from "./services/key-rotation.ts";
export { PayerService, presentPayer, PAYER_FIELD_CONTEXT, type PayerInput, type PresentedPayer } from "./services/payer-service.ts";
export { PaymentService, type RecordPaymentInput } from "./services/payment-service.ts";
export { defineServerPlugin, defineServerBilling, type ServerPlugin, type ServerBilling, type LoadedContract, type DemoSeedContext } from "./server-plugin.ts";
export { prismaListArgs, type ListSpec } from "./list-query.ts";
export * from "./jobs/index.ts";
export * from "./services/notify-api.ts";
export { createConsentJobs } from "./jobs/registration-jobs.ts";
export { registerEvidenceRoutes, type EvidenceRouteDeps } from "./services/evidence-routes.ts";
export { openKoreanPdf } from "./services/korean-pdf.ts";
export { invoiceLinkToken, verifyInvoiceLinkToken, invoicePath, invoiceUrl } from "./services/invoice-links.ts";
export { registerInvoiceRoutes, type InvoiceRouteDeps } from "./services/invoice-routes.ts";
export { createCmsProvider, sandboxCmsProvider, cmsProviderFactory, type CmsProviderFactory, type CmsProviderDeps, type CmsRailConfig } from "./services/registration-provider.ts";
export { activeMandate } from "./services/registration-service.ts";
export { loadBankingCalendar } from "./services/banking-calendar-service.ts";
export { manageUrlsFor } from "./services/manage-links.ts";
export { ConsentService } from "./services/consent-service.ts";
export { PgEvidenceStore } from "./services/evidence-store.ts";
export { EnrollmentLinkService } from "./services/enrollment-links.ts";
