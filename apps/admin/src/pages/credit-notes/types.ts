import type { trpc } from "../../api/trpc.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

/** Credit notes (감액 청구서) as the `creditNotes` router returns them. */
export type CreditNoteRow = Output<typeof trpc.creditNotes.list.query>["data"][number];
export type CreditNotePreview = Output<typeof trpc.creditNotes.preview.query>;
export type CreditableLine = Output<typeof trpc.creditNotes.creditable.query>[number];

/** The credit note PDF, served for users with invoice.read (store owners: their stores' only). */
export function creditNotePdfUrl(id: number): string {
  return `/api/credit-notes/${id}/pdf`;
}
