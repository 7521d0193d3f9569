import { businessDateAt, businessDateFromDb, monthOf, type BusinessDate, type ChargeLine } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import type { LoadedContract } from "@sunap/api";
import { NO_ROYALTY_INPUTS, type IssuedRoyaltyInvoice, type RoyaltyInputs, type StoredSalesReport } from "../billing-rules.ts";
import type { RoyaltyTerms } from "../billing/terms.ts";

/** The organisation's time zone: a report's instant becomes the business day it was made on. */
export async function organizationTimeZone(db: DbOrTx): Promise<string> {
  const org = await db.organization.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return org?.timeZone ?? "Asia/Seoul";
}

/** The store's sales reports up to `throughMonth`, with the business day each was last entered. */
export async function loadSalesReports(db: DbOrTx, storeId: number, timeZone: string, throughMonth?: string): Promise<StoredSalesReport[]> {
  const rows = await db.royaltySalesReport.findMany({
    where: { storeId, ...(throughMonth ? { month: { lte: throughMonth } } : {}) },
    orderBy: { month: "asc" },
    select: { month: true, grossSalesWon: true, reportedAt: true },
  });
  return rows.map((r) => ({ month: r.month, grossSalesWon: r.grossSalesWon, reportedOn: businessDateAt(r.reportedAt, timeZone) }));
}

/** The contract's invoices as the engine issued them, void ones included, with their lines less what credit notes took back. */
export async function loadIssuedInvoices(db: DbOrTx, contractId: number): Promise<IssuedRoyaltyInvoice[]> {
  if (contractId <= 0) return [];
  const invoices = await db.invoice.findMany({
    where: { contractId },
    orderBy: { issueOn: "asc" },
    include: { lines: { orderBy: { position: "asc" } }, creditNotes: { select: { lines: { select: { invoiceLinePosition: true, amountWon: true } } } } },
  });
  return invoices.map((invoice) => {
    // What its credit notes took back is no longer billed: a true-up compares with what is left.
    const credited = new Map<number, bigint>();
    for (const line of invoice.creditNotes.flatMap((n) => n.lines)) if (line.invoiceLinePosition !== null) credited.set(line.invoiceLinePosition, (credited.get(line.invoiceLinePosition) ?? 0n) + line.amountWon);
    return {
      periodKey: invoice.periodKey,
      issueOn: businessDateFromDb(invoice.issueOn),
      dueOn: businessDateFromDb(invoice.dueOn),
      voided: invoice.voidEntryId !== null,
      lines: invoice.lines.map((line) => chargeLineOf({ ...line, amountWon: line.amountWon - (credited.get(line.position) ?? 0n) })),
    };
  });
}

export function chargeLineOf(line: { kind: string; labelKo: string; labelEn: string; amountWon: bigint; creditAccount: string; basisKo: string | null; basisEn: string | null }): ChargeLine {
  return {
    kind: line.kind,
    label: { ko: line.labelKo, en: line.labelEn },
    amountWon: line.amountWon,
    creditAccount: line.creditAccount,
    ...(line.basisKo !== null || line.basisEn !== null ? { basis: { ko: line.basisKo ?? "", en: line.basisEn ?? "" } } : {}),
  };
}

/**
 * What the royalty rules need for one contract on a run: the store's opening and closing dates
 * (a closed store stops billing), its reports up to the run's month (for the months in play and
 * the estimates of the missing ones) and the contract's earlier invoices (for true-ups).
 */
export async function loadRoyaltyInputs(db: DbOrTx, contract: LoadedContract<RoyaltyTerms>, through: BusinessDate): Promise<RoyaltyInputs> {
  if (contract.storeId === null) return NO_ROYALTY_INPUTS;
  const store = await db.store.findUnique({ where: { id: contract.storeId }, select: { openedOn: true, closedOn: true } });
  if (!store) return NO_ROYALTY_INPUTS;
  const timeZone = await organizationTimeZone(db);
  const [reports, issued] = await Promise.all([loadSalesReports(db, contract.storeId, timeZone, monthOf(through)), loadIssuedInvoices(db, contract.id)]);
  return {
    storeOpenedOn: businessDateFromDb(store.openedOn),
    storeClosedOn: store.closedOn ? businessDateFromDb(store.closedOn) : null,
    reports,
    issued,
  };
}
