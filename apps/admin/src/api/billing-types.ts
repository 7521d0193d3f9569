import type { trpc } from "./trpc.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** Payments received by hand, as the `payments` router returns them. */
export type PaymentRow = Output<typeof trpc.payments.list.query>["data"][number];
export type PaymentDetail = Output<typeof trpc.payments.get.query>;
export type AllocationPreview = Output<typeof trpc.payments.previewAllocation.query>;
export type PayerSummary = Output<typeof trpc.payments.payerSummary.query>;
export type OpenInvoice = PayerSummary["openInvoices"][number];
export type RecordPaymentInput = Parameters<typeof trpc.payments.record.mutate>[0];
