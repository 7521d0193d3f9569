import { addMonths, businessDateFromDb, chargeTotal, creditableWon, decodeJson, lastDayOf, type BusinessDate, type ChargeLine, type CreditNoteLineRequest } from "@sunap/core";
import { issueCreditNoteInTx, type AuditSink, type CreditNoteDetail } from "@sunap/api";
import type { Tx } from "@sunap/db";
import { pendingTrueUp, trueUpKey } from "../billing-rules.ts";
import { RoyaltyTerms } from "../billing/terms.ts";
import { franchiseRoyaltyManifest } from "../manifest.ts";
import { loadRoyaltyInputs } from "./load-inputs.ts";

const PLUGIN_ID = franchiseRoyaltyManifest.id;

const TRUE_UP_SUFFIX = "_true_up";

/**
 * The credit note lines of a lower true-up: each line that went down (royalty, a fee, VAT) taken
 * back from the month invoice's lines of the same kind and account, in order, each up to what it
 * has left. Lines that went up are left to the engine's true-up invoice.
 */
export function trueUpCreditLines(trueUp: readonly ChargeLine[], invoiceLines: readonly { position: number; kind: string; amountWon: bigint; creditAccount: string; labelKo: string; labelEn: string }[], credited: ReadonlyMap<number, bigint>): CreditNoteLineRequest[] {
  const used = new Map(credited);
  const requests: CreditNoteLineRequest[] = [];
  for (const line of trueUp) {
    if (line.amountWon >= 0n) continue;
    const kind = line.kind.endsWith(TRUE_UP_SUFFIX) ? line.kind.slice(0, -TRUE_UP_SUFFIX.length) : line.kind;
    let remaining = -line.amountWon;
    for (const source of invoiceLines) {
      if (remaining === 0n) break;
      if (source.kind !== kind || source.creditAccount !== line.creditAccount) continue;
      const left = creditableWon({ ...source }, used);
      if (left === 0n) continue;
      const take = left < remaining ? left : remaining;
      requests.push({ invoiceLinePosition: source.position, labelKo: line.label.ko, labelEn: line.label.en, amountWon: take });
      used.set(source.position, (used.get(source.position) ?? 0n) + take);
      remaining -= take;
    }
  }
  return requests;
}

/**
 * A report (or a correction) that makes a month billed on other figures come out lower: a credit
 * note on that month's invoice for the difference (supply and VAT, as the true-up computes it),
 * keyed `true-up:<YYYY-MM>`, dated today, in the transaction that saved the report. A month whose
 * true-up invoice was issued already, or that has no live invoice, gets nothing here.
 */
export async function creditLowerTrueUps(tx: Tx, months: readonly { storeId: number; month: string }[], today: BusinessDate, userId: number | null, audit: AuditSink): Promise<CreditNoteDetail[]> {
  const notes: CreditNoteDetail[] = [];
  for (const { storeId, month } of months) {
    const contracts = await tx.contract.findMany({ where: { pluginId: PLUGIN_ID, storeId }, orderBy: { id: "asc" } });
    for (const contract of contracts) {
      const parsed = RoyaltyTerms.safeParse(decodeJson(contract.terms));
      if (!parsed.success) continue;
      const invoices = await tx.invoice.findMany({ where: { contractId: contract.id, periodKey: { in: [month, trueUpKey(month)] }, voidEntryId: null }, include: { lines: { orderBy: { position: "asc" } } } });
      const invoice = invoices.find((i) => i.periodKey === month);
      if (!invoice || invoices.some((i) => i.periodKey === trueUpKey(month))) continue;
      const inputs = await loadRoyaltyInputs(tx, { id: contract.id, payerId: contract.payerId, storeId, startsOn: businessDateFromDb(contract.startsOn), terms: parsed.data }, lastDayOf(addMonths(month, 1)));
      const pending = pendingTrueUp(parsed.data, inputs, month);
      if (chargeTotal(pending) >= 0n) continue;
      const taken = await tx.creditNoteLine.groupBy({ by: ["invoiceLinePosition"], where: { creditNote: { invoiceId: invoice.id } }, _sum: { amountWon: true } });
      const credited = new Map(taken.filter((t) => t.invoiceLinePosition !== null).map((t) => [t.invoiceLinePosition!, t._sum.amountWon ?? 0n]));
      const lines = trueUpCreditLines(pending, invoice.lines, credited);
      if (lines.length === 0) continue;
      const { creditNote } = await issueCreditNoteInTx(
        tx,
        { invoiceId: invoice.id, lines, reason: `${month} 매출 보고 정산: 청구액보다 낮음`, issueOn: today, today, idempotencyKey: `true-up:${month}`, userId },
        audit,
      );
      notes.push(creditNote);
    }
  }
  return notes;
}
