/** The invoice statement PDF, served by the server for users with invoice.read (store owners: their stores' only). */
export function invoicePdfUrl(invoiceId: number): string {
  return `/api/invoices/${invoiceId}/pdf`;
}

/** The host's invoice detail page. */
export function invoiceDetailPath(invoiceId: number): string {
  return `/invoices/show/${invoiceId}`;
}
