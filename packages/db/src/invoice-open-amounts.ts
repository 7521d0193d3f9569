import type { Tx } from "./prisma-client.ts";

/**
 * Re-derives `invoice.open_won` from the ledger for the given invoices: the sum of all their
 * receivable lines, whatever their date. Call it in the transaction of every posting that names
 * an invoice (issue, payment, void, debit result), so the cached figure never drifts from the
 * ledger; lists filter and sort on it, while "as of a date" questions still read the ledger.
 */
export async function refreshInvoiceOpenAmounts(tx: Tx, invoiceIds: readonly number[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  // The account is a FILTER, not a WHERE: otherwise, on a table whose statistics lag behind (a big
  // billing run), the planner ANDs in the account's index and reads every receivable line per invoice.
  // A row whose figure is right already is left alone: a just-issued invoice is, and rewriting it
  // would only cost a new row version and its index entries.
  await tx.$executeRaw`
    UPDATE invoice AS i
       SET open_won = s.open_won
      FROM (SELECT v.id, COALESCE((SELECT SUM(l.amount_won) FILTER (WHERE l.account_code = 'receivables') FROM journal_line l WHERE l.invoice_id = v.id), 0) AS open_won
              FROM unnest(${[...new Set(invoiceIds)]}::int[]) AS v(id)) AS s
     WHERE i.id = s.id AND i.open_won IS DISTINCT FROM s.open_won`;
}
