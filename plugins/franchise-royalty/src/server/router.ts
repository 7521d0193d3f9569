import { z } from "zod";
import { DomainError, isMonth, ListInput } from "@sunap/core";
import { assertStoreVisible, auditSink, ContractService, procedure, router } from "@sunap/api";
import { SalesReportService, reportInstant, PLUGIN_ID } from "./sales-reports.ts";
import { contractInvoices, royaltyStatement } from "./statement.ts";
import { royaltyCollections } from "./collections.ts";
import { TaxInvoiceService } from "./tax-invoices.ts";
import type { TaxInvoiceProvider } from "./tax-invoice-provider.ts";
import { createRoyaltyContract, updateRoyaltyTerms } from "./royalty-contracts.ts";
import { decodeImportFile, MAX_IMPORT_BASE64_CHARS } from "./import-file.ts";

const Id = z.number().int().min(1).max(2_147_483_647);
const MonthInput = z.string().refine(isMonth, "input.month");
const WonInput = z.bigint().nonnegative("money.negative").max(9_223_372_036_854_775_807n);
const Page = { skip: 0, take: 20 };

function pageOf(input: ListInput) {
  return { skip: (input.pagination.current - 1) * input.pagination.pageSize, take: input.pagination.pageSize };
}

/** A Refine list filter's value by field (eq), or undefined. */
function filterValue(input: ListInput, field: string): unknown {
  const filter = input.filters.find((f) => f.field === field);
  return filter?.value === "" || filter?.value === null ? undefined : filter?.value;
}

function optionalId(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Id.safeParse(typeof value === "string" ? Number(value) : value);
  if (!parsed.success) throw new DomainError("INVALID", "input.invalid", { detail: `${field}: ${String(value)}` }, field);
  return parsed.data;
}

function optionalMonth(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !isMonth(value.slice(0, 7))) throw new DomainError("INVALID", "royalty.bad_month", { month: String(value) }, field);
  return value.slice(0, 7);
}

/** The plugin's sub-router, mounted by the host under `franchise-royalty.*`. */
export function createRoyaltyRouter(taxInvoiceProvider: TaxInvoiceProvider) {
  return router({
    contracts: router({
      /**
       * Royalty terms for a store, billed to its franchisee: a business payer of that store. A store
       * has at most one active set of terms.
       */
      create: procedure
        .permission("contract.write")
        .input(z.object({ storeId: Id, payerId: Id, terms: z.unknown() }))
        .mutation(({ ctx, input }) => {
          assertStoreVisible(ctx.storeScope, input.storeId);
          return createRoyaltyContract(ctx.db, new ContractService(ctx.db, ctx.billing, auditSink(ctx)), input, ctx.actor);
        }),

      /** New terms for an active contract; the store code stays the contract's store's. */
      updateTerms: procedure
        .permission("contract.write")
        .input(z.object({ id: Id, version: z.number().int().min(1), terms: z.unknown(), reason: z.string().trim().max(200).optional() }))
        .mutation(async ({ ctx, input }) => {
          const service = new ContractService(ctx.db, ctx.billing, auditSink(ctx));
          await service.get(input.id, ctx.storeScope);
          return updateRoyaltyTerms(ctx.db, service, input, ctx.actor);
        }),

      /** The contract's invoices, newest first, with whether each was billed on an estimate and its tax invoice. */
      invoices: procedure
        .permission("invoice.read")
        .input(z.object({ contractId: Id, pagination: z.object({ current: z.number().int().min(1), pageSize: z.number().int().min(1).max(100) }).default({ current: 1, pageSize: 12 }) }))
        .query(async ({ ctx, input }) => {
          const contract = await ctx.db.contract.findUnique({ where: { id: input.contractId }, select: { pluginId: true, storeId: true } });
          if (!contract || contract.pluginId !== PLUGIN_ID) throw new DomainError("NOT_FOUND", "not_found", { entity: `royalty contract ${input.contractId}` });
          assertStoreVisible(ctx.storeScope, contract.storeId);
          return contractInvoices(ctx.db, input.contractId, ctx.clock.today(), { skip: (input.pagination.current - 1) * input.pagination.pageSize, take: input.pagination.pageSize });
        }),

      /** A store's franchisees: the business payers the create form offers for the store. */
      franchisees: procedure
        .permission("payer.read")
        .input(z.object({ storeId: Id }))
        .query(async ({ ctx, input }) => {
          assertStoreVisible(ctx.storeScope, input.storeId);
          return ctx.db.payer.findMany({ where: { storeId: input.storeId, kind: "business", status: "active" }, select: { id: true, payerCode: true, name: true, representative: true }, orderBy: { payerCode: "asc" } });
        }),
    }),

    sales: router({
      /** Reports, newest month first; filters: storeId, fromMonth, toMonth. A store owner sees their stores only. */
      list: procedure
        .permission("contract.read")
        .input(ListInput)
        .query(({ ctx, input }) => {
          const order = input.sorters.find((s) => s.field === "month")?.order ?? "desc";
          const storeId = optionalId(filterValue(input, "storeId"), "storeId");
          if (storeId !== undefined) assertStoreVisible(ctx.storeScope, storeId);
          const filter = { ...(storeId !== undefined ? { storeId } : {}), fromMonth: optionalMonth(filterValue(input, "fromMonth"), "fromMonth"), toMonth: optionalMonth(filterValue(input, "toMonth"), "toMonth") };
          return new SalesReportService(ctx.db, auditSink(ctx)).list(filter, ctx.storeScope, pageOf(input), order);
        }),

      /** A month's gross sales, entered or corrected: by the store's owner for their stores, or by HQ. */
      submit: procedure
        .permission("sales.report")
        .input(z.object({ storeId: Id, month: MonthInput, grossSalesWon: WonInput, expectedRevision: z.number().int().min(0).optional() }))
        .mutation(({ ctx, input }) =>
          new SalesReportService(ctx.db, auditSink(ctx)).submit(input, { userId: ctx.user.id, storeScope: ctx.storeScope }, ctx.clock.today(), reportInstant(ctx.clock)),
        ),

      /** HQ's import of many stores' months from CSV or XLSX, all or nothing; problems name row and column. */
      import: procedure
        .permission("sales.import")
        .input(z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: z.string().min(1).max(MAX_IMPORT_BASE64_CHARS, "input.import_too_large") }))
        .mutation(({ ctx, input }) => {
          const file = decodeImportFile(input.fileName, input.contentBase64);
          return new SalesReportService(ctx.db, auditSink(ctx)).import(file, { userId: ctx.user.id, storeScope: ctx.storeScope }, ctx.clock.today(), reportInstant(ctx.clock), ctx.locale);
        }),
    }),

    /** A store's royalty statement for a month: sales, terms, charges, estimate and true-up, invoices and their status. */
    statement: procedure
      .permission("contract.read")
      .input(z.object({ storeId: Id, month: MonthInput }))
      .query(({ ctx, input }) => {
        assertStoreVisible(ctx.storeScope, input.storeId);
        return royaltyStatement(ctx.db, input.storeId, input.month, ctx.clock.today());
      }),

    /** Royalty billed, collected and outstanding by region and store over a range of months. */
    collections: procedure
      .permission("invoice.read")
      .input(z.object({ fromMonth: MonthInput, toMonth: MonthInput }))
      .query(({ ctx, input }) => royaltyCollections(ctx.db, input, ctx.storeScope, ctx.clock.today())),

    taxInvoices: router({
      /** The month's royalty invoices (by issue date) and their tax invoices; filters: month (required), storeId, issued. */
      list: procedure
        .permission("invoice.read")
        .input(ListInput)
        .query(({ ctx, input }) => {
          const month = optionalMonth(filterValue(input, "month"), "month");
          if (!month) throw new DomainError("INVALID", "royalty.bad_month", { month: "" }, "month");
          const storeId = optionalId(filterValue(input, "storeId"), "storeId");
          if (storeId !== undefined) assertStoreVisible(ctx.storeScope, storeId);
          const issuedValue = filterValue(input, "issued");
          const issued = issuedValue === undefined ? undefined : issuedValue === true || issuedValue === "true";
          return new TaxInvoiceService(ctx.db, ctx.keyring, taxInvoiceProvider, auditSink(ctx)).list({ month, ...(storeId !== undefined ? { storeId } : {}), ...(issued !== undefined ? { issued } : {}) }, ctx.storeScope, input.pagination ? pageOf(input) : Page);
        }),

      /** Issues the 세금계산서 of one royalty invoice through the provider, once. */
      issue: procedure
        .permission("sales.import")
        .input(z.object({ invoiceId: Id }))
        .mutation(({ ctx, input }) => new TaxInvoiceService(ctx.db, ctx.keyring, taxInvoiceProvider, auditSink(ctx)).issue(input.invoiceId, ctx.actor)),

      /** The month's issued tax invoices as CSV with full business numbers: logged as a personal-data export. */
      exportCsv: procedure
        .permission("sales.import")
        .input(z.object({ month: MonthInput }))
        .mutation(({ ctx, input }) => new TaxInvoiceService(ctx.db, ctx.keyring, taxInvoiceProvider, auditSink(ctx)).exportCsv(input.month, ctx.actor)),
    }),
  });
}

export type RoyaltyRouter = ReturnType<typeof createRoyaltyRouter>;
export { PLUGIN_ID };
