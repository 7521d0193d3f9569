import { vatOf } from "./billing-contract.ts";
import { DomainError } from "./domain-error.ts";
import type { Won } from "./money.ts";

/** An invoice line a credit note may take back from. */
export interface CreditableInvoiceLine {
  position: number;
  labelKo: string;
  labelEn: string;
  amountWon: Won;
  creditAccount: string;
}

/** One line asked for: from an invoice line (its account by default), or free-standing with its own account. */
export interface CreditNoteLineRequest {
  invoiceLinePosition?: number | null;
  labelKo: string;
  labelEn: string;
  amountWon: Won;
  debitAccount?: string | null;
}

export interface PlannedCreditNoteLine {
  position: number;
  invoiceLinePosition: number | null;
  labelKo: string;
  labelEn: string;
  amountWon: Won;
  debitAccount: string;
}

export interface CreditNoteInvoice {
  totalWon: Won;
  /** What the ledger says is still owed on the invoice now. */
  openWon: Won;
  /** Taken back by its earlier credit notes, in all. */
  creditedWon: Won;
  lines: readonly CreditableInvoiceLine[];
  /** Taken back by earlier credit notes, per invoice line position. */
  creditedByPosition: ReadonlyMap<number, Won>;
}

export interface CreditNotePlan {
  lines: PlannedCreditNoteLine[];
  totalWon: Won;
  /** Credited to the invoice's receivable: never more than is open. */
  receivableWon: Won;
  /** The rest, already paid: credited to the payer's customer credit. */
  toCustomerCreditWon: Won;
}

/** What is left to take back from an invoice line (a discount line, negative, has nothing). */
export function creditableWon(line: CreditableInvoiceLine, creditedByPosition: ReadonlyMap<number, Won>): Won {
  const left = line.amountWon - (creditedByPosition.get(line.position) ?? 0n);
  return left > 0n ? left : 0n;
}

/**
 * Checks a credit note against its invoice and splits it: every line positive; a line naming an
 * invoice line takes back no more than that line has left (earlier notes and this one's other
 * lines counted); all notes together take back no more than the invoice's total. The receivable
 * is credited with what is still open, the rest (already paid) goes to the payer's credit.
 */
export function planCreditNote(invoice: CreditNoteInvoice, requested: readonly CreditNoteLineRequest[]): CreditNotePlan {
  if (requested.length === 0) throw new DomainError("INVALID", "credit_note.no_lines", {}, "lines");
  const usedByPosition = new Map(invoice.creditedByPosition);
  const lines = requested.map((request, index): PlannedCreditNoteLine => {
    const field = `lines.${index}`;
    if (request.amountWon <= 0n) throw new DomainError("INVALID", "credit_note.amount_not_positive", { line: index + 1 }, `${field}.amountWon`);
    if (request.labelKo.trim() === "" || request.labelEn.trim() === "") throw new DomainError("INVALID", "credit_note.label_required", { line: index + 1 }, `${field}.labelKo`);
    const position = request.invoiceLinePosition ?? null;
    if (position === null) {
      if (!request.debitAccount) throw new DomainError("INVALID", "credit_note.account_required", { line: index + 1 }, `${field}.debitAccount`);
      return { position: index + 1, invoiceLinePosition: null, labelKo: request.labelKo.trim(), labelEn: request.labelEn.trim(), amountWon: request.amountWon, debitAccount: request.debitAccount };
    }
    const invoiceLine = invoice.lines.find((l) => l.position === position);
    if (!invoiceLine) throw new DomainError("INVALID", "credit_note.unknown_line", { line: index + 1, position }, `${field}.invoiceLinePosition`);
    const leftWon = creditableWon(invoiceLine, usedByPosition);
    if (request.amountWon > leftWon) throw new DomainError("INVALID", "credit_note.exceeds_line", { line: index + 1, leftWon: leftWon.toString() }, `${field}.amountWon`);
    usedByPosition.set(position, (usedByPosition.get(position) ?? 0n) + request.amountWon);
    return { position: index + 1, invoiceLinePosition: position, labelKo: request.labelKo.trim(), labelEn: request.labelEn.trim(), amountWon: request.amountWon, debitAccount: request.debitAccount || invoiceLine.creditAccount };
  });
  const totalWon = lines.reduce((sum, line) => sum + line.amountWon, 0n);
  const leftOnInvoice = invoice.totalWon - invoice.creditedWon;
  if (totalWon > leftOnInvoice) throw new DomainError("INVALID", "credit_note.exceeds_invoice", { leftWon: (leftOnInvoice > 0n ? leftOnInvoice : 0n).toString() }, "lines");
  const openWon = invoice.openWon > 0n ? invoice.openWon : 0n;
  const receivableWon = totalWon < openWon ? totalWon : openWon;
  return { lines, totalWon, receivableWon, toCustomerCreditWon: totalWon - receivableWon };
}

const VAT_ACCOUNT = "vat_payable";

/**
 * The lines that take back `supplyWon` of supply from a VAT-bearing invoice the way it was built:
 * the supply from its non-VAT lines in order (each up to what it has left), and VAT of 10% of that
 * supply truncated to the won (`vatOf`, as billed) from its VAT line. An invoice without a VAT
 * line gets no VAT line. Refuses when the lines have too little left.
 */
export function supplyAndVatLines(invoice: Pick<CreditNoteInvoice, "lines" | "creditedByPosition">, supplyWon: Won, label?: { ko: string; en: string }): CreditNoteLineRequest[] {
  if (supplyWon <= 0n) throw new DomainError("INVALID", "credit_note.amount_not_positive", { line: 1 }, "supplyWon");
  const requests: CreditNoteLineRequest[] = [];
  let remaining = supplyWon;
  for (const line of invoice.lines) {
    if (remaining === 0n) break;
    if (line.creditAccount === VAT_ACCOUNT) continue;
    const left = creditableWon(line, invoice.creditedByPosition);
    if (left === 0n) continue;
    const take = left < remaining ? left : remaining;
    requests.push({ invoiceLinePosition: line.position, labelKo: label?.ko ?? `${line.labelKo} 감액`, labelEn: label?.en ?? `${line.labelEn} credit`, amountWon: take });
    remaining -= take;
  }
  if (remaining > 0n) throw new DomainError("INVALID", "credit_note.exceeds_invoice", { leftWon: (supplyWon - remaining).toString() }, "supplyWon");
  const vatLine = invoice.lines.find((l) => l.creditAccount === VAT_ACCOUNT && l.amountWon > 0n);
  const vatWon = vatLine ? vatOf(supplyWon) : 0n;
  if (vatLine && vatWon > 0n) {
    const left = creditableWon(vatLine, invoice.creditedByPosition);
    // The invoice's VAT was truncated once on its total: a won may be missing from a last take-back.
    const take = vatWon < left ? vatWon : left;
    if (take > 0n) requests.push({ invoiceLinePosition: vatLine.position, labelKo: "부가세 감액", labelEn: "VAT credit", amountWon: take });
  }
  return requests;
}

/** The number of the n-th credit note of a year: gapless, `CN-2026-000001`. */
export function creditNoteNumber(year: number, n: number): string {
  return `CN-${year}-${String(n).padStart(6, "0")}`;
}

/** `credit-note:v1:<invoice>:<key>`: the key a plugin derives (`pause:2026-03`) or the clerk's form key. */
export function creditNoteIdempotencyKey(invoiceId: number, key: string): string {
  return `credit-note:v1:${invoiceId}:${key}`;
}
