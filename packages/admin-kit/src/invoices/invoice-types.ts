import type { coreClient } from "../api/clients.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** An invoice as the core's `invoices` router lists it (status derived from the ledger, overdue flag). */
export type InvoiceRow = Output<typeof coreClient.invoices.list.query>["data"][number];
export type InvoiceDetail = Output<typeof coreClient.invoices.get.query>;
