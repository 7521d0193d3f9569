// The admin kit: front-end code shared by the admin host and the admin halves of plugins.

// API access
export { coreClient, createPluginClient, createSunapClient } from "./api/clients.ts";
export { prefixPathLink } from "./api/prefix-path-link.ts";
export { sunapBatchLink, sunapHeaders } from "./api/client-options.ts";
export { getCsrfToken, setCsrfToken } from "./api/csrf.ts";
export { ApiError, toHttpError, fieldErrorList, fieldErrorsForForm, type FieldErrorEntry } from "./api/errors.ts";
export { useApiQuery, useApiMutation } from "./api/hooks.ts";

// Language
export { getCurrentLocale, setCurrentLocale, hasStoredLocale, type Locale } from "./locale/current-locale.ts";
export { KitLocaleProvider, useLocale } from "./locale/locale-context.tsx";
export { pickLabel, type LocalizedText } from "./locale/pick-label.ts";
export { interpolate } from "./locale/interpolate.ts";
export { defineDictionary, translateWith, useKitTranslate, type KitDictionary, type KitTranslate } from "./locale/use-kit-translate.ts";

// Display and input
export { Money, SideAmount, useFormatWon } from "./format/money.tsx";
export { formatTimestamp, formatDay, formatDbDate, toBusinessDate, fromBusinessDate } from "./format/dates.ts";
export { WonInput, type WonInputProps } from "./inputs/won-input.tsx";
export { readWonTyping, groupWonDigits, type WonTyping } from "./inputs/won-digits.ts";
export { downloadBase64, downloadBlob } from "./files/download.ts";

// Server-side lists
export { useServerTable, listQueryKey, type ServerTableOptions, type ServerTableState } from "./server-table/use-server-table.ts";
export { ServerTable, type ServerTableProps } from "./server-table/server-table.tsx";
export { dayRangeFilters, type DayRange } from "./server-table/day-range.ts";
export { cleanFilters, type ListFilter, type ListOperator, type ListPage, type ListRequest, type ListSorter } from "./server-table/list-request.ts";

// Lookups
export { PayerSelect, payerSearchFilters, type PayerSelectProps, type PayerOption } from "./lookups/payer-select.tsx";
export { StoreSelect, type StoreSelectProps, type StoreOption } from "./lookups/store-select.tsx";
export { useDebounced } from "./lookups/use-debounced.ts";

// Contracts (the core `contracts` router) for plugin pages
export { ContractList, type ContractListProps } from "./contracts/contract-list.tsx";
export { ContractSummary, type ContractSummaryProps } from "./contracts/contract-summary.tsx";
export { ContractStatusTag } from "./contracts/contract-status-tag.tsx";
export { EndContractButton } from "./contracts/end-contract-button.tsx";
export { ChargePreviewTable } from "./contracts/charge-preview-table.tsx";
export { useContract, useContractPreview } from "./contracts/use-contract.ts";
export { defaultContractPath, type ContractView, type ContractRow, type PreviewedPeriod } from "./contracts/contract-types.ts";
export { useBusinessToday } from "./api/use-business-today.ts";

// Invoices
export { InvoiceStatusTag, type InvoiceStatus } from "./invoices/invoice-status-tag.tsx";
export { ContractInvoices } from "./invoices/contract-invoices.tsx";
export { invoicePdfUrl, invoiceDetailPath } from "./invoices/invoice-links.ts";
export type { InvoiceRow, InvoiceDetail } from "./invoices/invoice-types.ts";
