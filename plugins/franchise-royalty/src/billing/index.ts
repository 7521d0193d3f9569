export { RoyaltyTerms, RoyaltyRate, RoyaltyTier, FixedFee } from "./terms.ts";
export { isMonth, type Month } from "./inputs.ts";
export { royaltyOnSales, formatRate, type RoyaltyPart } from "./royalty-rate.ts";
export { NO_SALES_HISTORY, type MonthSales, type ReportedSales, type EstimatedSales, type SalesReport } from "./sales.ts";
export { royaltyCharges, ROYALTY_ACCOUNT, FRANCHISE_FEES_ACCOUNT, VAT_PAYABLE_ACCOUNT, type RoyaltyMonth } from "./royalty-charges.ts";
export { estimateSales } from "./estimate.ts";
export { trueUp } from "./true-up.ts";
export { royaltyPeriod, royaltyPeriods, reportDueOn } from "./royalty-periods.ts";
export {
  parseSalesReportCsv,
  parseSalesReportXlsx,
  validateSalesTable,
  MAX_IMPORT_ROWS,
  type SalesImportContext,
  type SalesImportResult,
  type ImportedSalesReport,
  type ImportProblem,
  type Cell,
} from "./sales-import.ts";
export {
  buildTaxInvoice,
  taxInvoiceItemsFromCharges,
  MAX_TAX_INVOICE_ITEMS,
  type TaxInvoiceData,
  type TaxInvoiceParty,
  type TaxInvoiceItem,
  type TaxInvoiceItemInput,
} from "./tax-invoice.ts";
