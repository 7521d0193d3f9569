import { addMonths, businessDateFromDb, chargeTotal, decodeJson, DomainError, invoiceStatus, isMonth, lastDayOf, type BusinessDate, type ChargeLine, type Won } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { isEstimateLine, monthCharges, pendingTrueUp, trueUpKey } from "../billing-rules.ts";
import { FRANCHISE_FEES_ACCOUNT, ROYALTY_ACCOUNT, VAT_PAYABLE_ACCOUNT } from "../billing/royalty-charges.ts";
import { reportDueOn, royaltyPeriod } from "../billing/royalty-periods.ts";
import { RoyaltyTerms } from "../billing/terms.ts";
import { chargeLineOf, loadRoyaltyInputs } from "./load-inputs.ts";
import { PLUGIN_ID } from "./sales-reports.ts";

export type StatementInvoiceStatus = "open" | "partially_paid" | "paid" | "credited" | "void";

export interface StatementInvoice {
  id: number;
  number: string;
  periodKey: string;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  totalWon: Won;
  openWon: Won;
  status: StatementInvoiceStatus;
  overdue: boolean;
  estimated: boolean;
  lines: ChargeLine[];
  taxInvoice: { providerRef: string; issuedAt: Date } | null;
  /** Its credit notes (감액 청구서): e.g. a true-up that came out lower than the estimate. */
  creditNotes: { id: number; number: string; issueOn: BusinessDate; totalWon: Won; reason: string }[];
}

/** What a store's royalty came to for a month, per contract (a store normally has one). */
export interface RoyaltyStatement {
  store: { id: number; code: string; name: string; region: string; openedOn: BusinessDate; closedOn: BusinessDate | null };
  month: string;
  report: { grossSalesWon: Won; revision: number; source: string; reportedAt: Date } | null;
  reportDueOn: BusinessDate | null;
  contracts: {
    contractId: number;
    title: string;
    status: string;
    terms: RoyaltyTerms;
    /** The month's invoice and its true-up, as issued. */
    invoices: StatementInvoice[];
    /** Not issued yet: what the month would bill now (on the report, or an estimate). */
    preview: { issueOn: BusinessDate; lines: ChargeLine[]; totalWon: Won } | null;
    /** A difference not billed: a true-up still to come (> 0), or a credit not yet issued (< 0; a lower report issues its credit note at once). */
    pendingAdjustment: { lines: ChargeLine[]; totalWon: Won } | null;
    totals: { royaltyWon: Won; feesWon: Won; vatWon: Won; billedWon: Won; collectedWon: Won; outstandingWon: Won };
  }[];
}

const sumOf = (lines: readonly ChargeLine[], account: string) => lines.filter((l) => l.creditAccount === account).reduce((sum, l) => sum + l.amountWon, 0n);

/** The store's royalty statement for a month: sales, terms, what was billed (or would be), paid and still owed. */
export async function royaltyStatement(db: DbOrTx, storeId: number, month: string, today: BusinessDate): Promise<RoyaltyStatement> {
  if (!isMonth(month)) throw new DomainError("INVALID", "royalty.bad_month", { month }, "month");
  const store = await db.store.findUnique({ where: { id: storeId } });
  if (!store) throw new DomainError("NOT_FOUND", "not_found", { entity: `store ${storeId}` });
  const report = await db.royaltySalesReport.findUnique({ where: { storeId_month: { storeId, month } } });
  const contracts = await db.contract.findMany({ where: { pluginId: PLUGIN_ID, storeId }, orderBy: { id: "asc" } });
  const through = lastDayOf(addMonths(month, 1));
  const result: RoyaltyStatement["contracts"] = [];
  let dueOn: BusinessDate | null = null;
  for (const contract of contracts) {
    const parsed = RoyaltyTerms.safeParse(decodeJson(contract.terms));
    if (!parsed.success || parsed.data.firstMonth > month) continue;
    const terms = parsed.data;
    dueOn ??= reportDueOn(terms, month);
    const inputs = await loadRoyaltyInputs(db, { id: contract.id, payerId: contract.payerId, storeId, startsOn: businessDateFromDb(contract.startsOn), terms }, through);
    const rows = await db.invoice.findMany({ where: { contractId: contract.id, periodKey: { in: [month, trueUpKey(month)] } }, include: invoiceInclude, orderBy: { issueOn: "asc" } });
    const taxRows = new Map((await db.royaltyTaxInvoice.findMany({ where: { invoiceId: { in: rows.map((r) => r.id) } } })).map((t) => [t.invoiceId, t]));
    const invoices = rows.map((row) => presentInvoice(row, taxRows.get(row.id), today));
    const monthInvoice = invoices.find((i) => i.periodKey === month);
    const trueUpIssued = invoices.some((i) => i.periodKey === trueUpKey(month));
    const previewLines = monthInvoice ? null : monthCharges(terms, inputs, month);
    const pending = monthInvoice && !trueUpIssued ? pendingTrueUp(terms, inputs, month) : [];
    const billed = invoices.filter((i) => i.status !== "void");
    // Billed is net of credit notes: what they took back (by the account they debited) was not owed after all.
    const creditedLines = rows.filter((r) => r.voidEntryId === null).flatMap((r) => r.creditNotes.flatMap((n) => n.lines));
    const creditedOf = (account: string) => creditedLines.filter((l) => l.debitAccount === account).reduce((sum, l) => sum + l.amountWon, 0n);
    const billedLines = billed.flatMap((i) => i.lines);
    const billedWon = billed.reduce((sum, i) => sum + i.totalWon, 0n) - creditedLines.reduce((sum, l) => sum + l.amountWon, 0n);
    const outstandingWon = billed.reduce((sum, i) => sum + (i.openWon > 0n ? i.openWon : 0n), 0n);
    result.push({
      contractId: contract.id,
      title: contract.title,
      status: contract.status,
      terms,
      invoices,
      preview: previewLines ? { issueOn: royaltyPeriod(terms, month).issueOn, lines: previewLines, totalWon: chargeTotal(previewLines) } : null,
      pendingAdjustment: pending.length > 0 ? { lines: pending, totalWon: chargeTotal(pending) } : null,
      totals: {
        royaltyWon: sumOf(billedLines, ROYALTY_ACCOUNT) - creditedOf(ROYALTY_ACCOUNT),
        feesWon: sumOf(billedLines, FRANCHISE_FEES_ACCOUNT) - creditedOf(FRANCHISE_FEES_ACCOUNT),
        vatWon: sumOf(billedLines, VAT_PAYABLE_ACCOUNT) - creditedOf(VAT_PAYABLE_ACCOUNT),
        billedWon,
        collectedWon: billedWon - outstandingWon,
        outstandingWon,
      },
    });
  }
  return {
    store: { id: store.id, code: store.code, name: store.name, region: store.region, openedOn: businessDateFromDb(store.openedOn), closedOn: store.closedOn ? businessDateFromDb(store.closedOn) : null },
    month,
    report: report ? { grossSalesWon: report.grossSalesWon, revision: report.revision, source: report.source, reportedAt: report.reportedAt } : null,
    reportDueOn: dueOn,
    contracts: result,
  };
}

const invoiceInclude = {
  lines: { orderBy: { position: "asc" } },
  creditNotes: { orderBy: { id: "asc" }, select: { id: true, number: true, issueOn: true, totalWon: true, reason: true, lines: { select: { amountWon: true, debitAccount: true } } } },
} as const;

type InvoiceRow = {
  id: number;
  number: string;
  periodKey: string;
  issueOn: Date;
  dueOn: Date;
  totalWon: bigint;
  openWon: bigint;
  creditedWon: bigint;
  voidEntryId: number | null;
  lines: Parameters<typeof chargeLineOf>[0][];
  creditNotes: { id: number; number: string; issueOn: Date; totalWon: bigint; reason: string }[];
};

function presentInvoice(row: InvoiceRow, tax: { providerRef: string; issuedAt: Date } | undefined, today: BusinessDate): StatementInvoice {
  const lines = row.lines.map(chargeLineOf);
  const voided = row.voidEntryId !== null;
  const { status } = invoiceStatus({ totalWon: row.totalWon, openWon: row.openWon, creditedWon: row.creditedWon, voided });
  return {
    id: row.id,
    number: row.number,
    periodKey: row.periodKey,
    issueOn: businessDateFromDb(row.issueOn),
    dueOn: businessDateFromDb(row.dueOn),
    totalWon: row.totalWon,
    openWon: row.openWon,
    status,
    overdue: !voided && row.openWon > 0n && today > businessDateFromDb(row.dueOn),
    estimated: lines.some(isEstimateLine),
    lines,
    taxInvoice: tax ? { providerRef: tax.providerRef, issuedAt: tax.issuedAt } : null,
    creditNotes: row.creditNotes.map((n) => ({ id: n.id, number: n.number, issueOn: businessDateFromDb(n.issueOn), totalWon: n.totalWon, reason: n.reason })),
  };
}

/** A contract's invoices, newest first, as the statement shows them. */
export async function contractInvoices(db: DbOrTx, contractId: number, today: BusinessDate, page: { skip: number; take: number }): Promise<{ data: StatementInvoice[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.invoice.findMany({ where: { contractId }, include: invoiceInclude, orderBy: [{ issueOn: "desc" }, { id: "desc" }], ...page }),
    db.invoice.count({ where: { contractId } }),
  ]);
  const taxRows = new Map((await db.royaltyTaxInvoice.findMany({ where: { invoiceId: { in: rows.map((r) => r.id) } } })).map((t) => [t.invoiceId, t]));
  return { data: rows.map((row) => presentInvoice(row, taxRows.get(row.id), today)), total };
}
