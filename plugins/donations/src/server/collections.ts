import { businessDateFromDb, type BusinessDate, type Won } from "@sunap/core";
import { Prisma, type DbOrTx } from "@sunap/db";
import type { CollectedPayment } from "../billing/receipt.ts";
import { donationsManifest } from "../manifest.ts";

export interface DonorCollections {
  payerId: number;
  payments: CollectedPayment[];
  /** Net of refunds and reversals. */
  collectedWon: Won;
}

/**
 * What each donor actually paid in a span, from the ledger: the receivable lines naming the
 * donor's invoices of this plugin, other than the invoice's own entry, its void and write-offs
 * (money not received) — that is, payments and applied credit (credits, counted positive) and
 * their reversals or refunds (debits, counted negative; a reversal is dated like the payment it
 * reverses). One payment per ledger entry and day, however many invoices it settled. Store
 * owners see only their stores' invoices.
 */
export async function collectedByDonor(
  db: DbOrTx,
  span: { from: BusinessDate; through: BusinessDate },
  options: { payerIds?: readonly number[]; storeScope?: readonly number[] | null } = {},
): Promise<DonorCollections[]> {
  const payerFilter = options.payerIds ? Prisma.sql`AND i.payer_id IN (${Prisma.join(options.payerIds.length ? [...options.payerIds] : [-1])})` : Prisma.empty;
  const storeFilter = options.storeScope ? Prisma.sql`AND i.store_id IN (${Prisma.join(options.storeScope.length ? [...options.storeScope] : [-1])})` : Prisma.empty;
  // A reversal (a voided payment) counts on the day of the payment it reverses: the payment was
  // never collected, so the pair cancels out in that month instead of leaving a negative month.
  const rows = await db.$queryRaw<{ payer_id: number; entry_id: number; on: Date; amount: bigint }[]>`
    SELECT i.payer_id, l.entry_id, COALESCE(r.effective_on, l.effective_on) AS "on", -SUM(l.amount_won)::bigint AS amount
      FROM journal_line l
      JOIN invoice i ON i.id = l.invoice_id
      JOIN journal_entry e ON e.id = l.entry_id
      LEFT JOIN journal_entry r ON r.id = e.reverses_entry_id
     WHERE i.plugin_id = ${donationsManifest.id}
       AND l.account_code = 'receivables'
       AND l.entry_id <> i.entry_id
       AND (i.void_entry_id IS NULL OR l.entry_id <> i.void_entry_id)
       AND e.kind NOT LIKE 'write_off%'
       AND COALESCE(r.effective_on, l.effective_on) BETWEEN ${span.from}::date AND ${span.through}::date
       ${payerFilter} ${storeFilter}
     GROUP BY i.payer_id, l.entry_id, COALESCE(r.effective_on, l.effective_on)
    HAVING SUM(l.amount_won) <> 0
     ORDER BY i.payer_id, 3, l.entry_id`;
  const byPayer = new Map<number, DonorCollections>();
  for (const row of rows) {
    const donor = byPayer.get(row.payer_id) ?? { payerId: row.payer_id, payments: [], collectedWon: 0n };
    donor.payments.push({ on: businessDateFromDb(row.on), amountWon: row.amount });
    donor.collectedWon += row.amount;
    byPayer.set(row.payer_id, donor);
  }
  return [...byPayer.values()];
}

/** The first and last day of a calendar year. */
export function yearSpan(year: number): { from: BusinessDate; through: BusinessDate } {
  return { from: `${year}-01-01`, through: `${year}-12-31` };
}
