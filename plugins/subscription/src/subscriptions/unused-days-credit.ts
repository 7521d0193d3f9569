import { businessDateFromDb, creditableWon, supplyAndVatLines, type BusinessDate, type CreditNoteInvoice } from "@sunap/core";
import { issueCreditNoteInTx, type AuditSink, type CreditNoteDetail } from "@sunap/api";
import type { Tx } from "@sunap/db";
import { SUBSCRIPTION_REVENUE_ACCOUNT } from "../billing/charges.ts";
import { unusedInvoicedDays, unusedSupplyWon } from "../billing/unused-days.ts";
import type { SubscriptionTerms } from "../contract/terms.ts";

export interface UnusedDaysCreditInput {
  contractId: number;
  /** The terms before the pause or cancellation: the schedule the invoices were billed on. */
  before: SubscriptionTerms;
  /** From `from` (inclusive) until `resumeOn` (exclusive; null: for good). */
  stop: { from: BusinessDate; resumeOn: BusinessDate | null };
  kind: "pause" | "cancel";
  today: BusinessDate;
  userId: number | null;
}

/**
 * A pause or a cancel-now dated inside a period already invoiced: a credit note on each such
 * invoice for the days left unused — the net supply prorated by day, truncated to the won, and its
 * VAT as billed. Keyed `pause:<periodKey>` / `cancel:<periodKey>`, so a replay issues nothing new.
 * Runs in the transaction that saves the new terms.
 */
export async function creditUnusedInvoicedDays(tx: Tx, input: UnusedDaysCreditInput, audit: AuditSink): Promise<CreditNoteDetail[]> {
  const invoices = await tx.invoice.findMany({
    where: { contractId: input.contractId, voidedAt: null, periodEnd: { gte: new Date(`${input.stop.from}T00:00:00Z`) }, NOT: { periodKey: { contains: ":" } } },
    include: { lines: { orderBy: { position: "asc" } } },
    orderBy: { periodStart: "asc" },
  });
  const notes: CreditNoteDetail[] = [];
  for (const invoice of invoices) {
    const days = unusedInvoicedDays(input.before, input.before.plan, invoice.periodKey, input.stop);
    if (!days) continue;
    const taken = await tx.creditNoteLine.groupBy({ by: ["invoiceLinePosition"], where: { creditNote: { invoiceId: invoice.id } }, _sum: { amountWon: true } });
    const view: Pick<CreditNoteInvoice, "lines" | "creditedByPosition"> = {
      lines: invoice.lines.map((l) => ({ position: l.position, labelKo: l.labelKo, labelEn: l.labelEn, amountWon: l.amountWon, creditAccount: l.creditAccount })),
      creditedByPosition: new Map(taken.filter((t) => t.invoiceLinePosition !== null).map((t) => [t.invoiceLinePosition!, t._sum.amountWon ?? 0n])),
    };
    const netSupplyWon = invoice.lines.filter((l) => l.creditAccount === SUBSCRIPTION_REVENUE_ACCOUNT).reduce((sum, l) => sum + l.amountWon, 0n);
    // Never more than what earlier notes left of the supply.
    const leftWon = view.lines.filter((l) => l.creditAccount === SUBSCRIPTION_REVENUE_ACCOUNT).reduce((sum, l) => sum + creditableWon(l, view.creditedByPosition), 0n);
    const wanted = unusedSupplyWon(netSupplyWon, days);
    const supplyWon = wanted < leftWon ? wanted : leftWon;
    if (supplyWon <= 0n) continue;
    const what = input.kind === "pause" ? { ko: "일시정지", en: "Pause" } : { ko: "즉시 해지", en: "Cancellation" };
    const label = {
      ko: `${what.ko} 미사용 ${days.unusedDays}/${days.billableDays}일 (일할, 원 미만 절사)`,
      en: `${what.en}: ${days.unusedDays}/${days.billableDays} days unused (daily proration, truncated to the won)`,
    };
    const { creditNote } = await issueCreditNoteInTx(
      tx,
      {
        invoiceId: invoice.id,
        lines: supplyAndVatLines(view, supplyWon, label),
        reason: `${what.ko} ${input.stop.from}${input.stop.resumeOn ? ` ~ ${input.stop.resumeOn}` : ""} (${invoice.periodKey}, ${businessDateFromDb(invoice.periodStart)} ~ ${businessDateFromDb(invoice.periodEnd)})`,
        issueOn: input.today,
        today: input.today,
        idempotencyKey: `${input.kind}:${invoice.periodKey}`,
        userId: input.userId,
      },
      audit,
    );
    notes.push(creditNote);
  }
  return notes;
}
