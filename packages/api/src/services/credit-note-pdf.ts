import { businessDateFromDb, DomainError, formatWon, type BusinessDate, type Won } from "@sunap/core";
import { decryptField, maskPhone, type DbOrTx, type Keyring } from "@sunap/db";
import type { Locale } from "../context.ts";
import { CONTENT_WIDTH, drawCallout, drawFooters, drawLabelledRows, drawStatementHead, drawTableHeader, drawTableRows, drawTotals, openStatementPdf, PAGE, PARTY_LABELS, creditorRows, pairsText, statementCreditor, statementHeadText, type Pair, type StatementCreditor } from "./statement-pdf.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

/**
 * The credit note (감액 청구서) as an A4 PDF, drawn with the invoice statement's parts (parties,
 * table header, callout, footers). Like the statement, two pure steps: `creditNoteLayout` words it,
 * `renderCreditNotePdf` places it.
 */


export interface CreditNoteDocument {
  locale: Locale;
  number: string;
  issueOn: BusinessDate;
  reason: string;
  invoice: { number: string; issueOn: BusinessDate; totalWon: Won; creditedWon: Won; openWon: Won };
  creditor: StatementCreditor;
  payer: { payerCode: string; name: string; phoneMasked: string };
  lines: { label: string; invoiceLinePosition: number | null; amountWon: Won }[];
  totalWon: Won;
  toCustomerCreditWon: Won;
}

export async function loadCreditNoteDocument(db: DbOrTx, id: number, options: { keyring: Keyring; locale: Locale; storeScope: readonly number[] | null }): Promise<CreditNoteDocument> {
  const scope = options.storeScope;
  const note = await db.creditNote.findFirst({
    where: { id, ...(scope ? { storeId: { in: [...scope] } } : {}) },
    include: { lines: { orderBy: { position: "asc" } }, invoice: true, payer: { select: { payerCode: true, name: true, phoneEnc: true } } },
  });
  if (!note) throw new DomainError("NOT_FOUND", "not_found", { entity: `credit note ${id}` });
  const org = await db.organization.findUniqueOrThrow({ where: { id: 1 } });
  let phoneMasked: string;
  try {
    phoneMasked = maskPhone(decryptField(options.keyring, note.payer.phoneEnc, PAYER_FIELD_CONTEXT.phone));
  } catch {
    phoneMasked = "-";
  }
  return {
    locale: options.locale,
    number: note.number,
    issueOn: businessDateFromDb(note.issueOn),
    reason: note.reason,
    invoice: { number: note.invoice.number, issueOn: businessDateFromDb(note.invoice.issueOn), totalWon: note.invoice.totalWon, creditedWon: note.invoice.creditedWon, openWon: note.invoice.openWon },
    creditor: statementCreditor(org),
    payer: { payerCode: note.payer.payerCode, name: note.payer.name, phoneMasked },
    lines: note.lines.map((l) => ({ label: options.locale === "ko" ? l.labelKo : l.labelEn, invoiceLinePosition: l.invoiceLinePosition, amountWon: l.amountWon })),
    totalWon: note.totalWon,
    toCustomerCreditWon: note.toCustomerCreditWon,
  };
}

const TEXT = {
  ko: {
    ...PARTY_LABELS.ko,
    title: "감액 청구서",
    subtitle: "CREDIT NOTE",
    number: "감액번호",
    issueOn: "발행일",
    invoice: "원 청구서",
    creditor: "청구기관",
    payer: "납부자",
    columns: ["항목", "원 청구서 항목", "감액 금액"] as const,
    linePosition: (n: number | null) => (n === null ? "-" : `${n}번 항목`),
    total: "감액 합계",
    callout: "감액된 금액",
    reason: "사유",
    settlement: "원 청구서 현황",
    invoiceTotal: "청구금액",
    credited: "감액 누계",
    openAfter: "감액 후 미납액",
    toCredit: "선수금으로 적립",
    toCreditNote: "이미 납부하신 금액은 고객 선수금으로 적립되어 다음 청구에 사용됩니다.",
    footer: (date: string) => `본 감액 청구서는 ${date}에 발행되었습니다.`,
  },
  en: {
    ...PARTY_LABELS.en,
    title: "Credit note",
    subtitle: "감액 청구서",
    number: "Credit note no.",
    issueOn: "Issued",
    invoice: "Invoice",
    creditor: "From",
    payer: "To",
    columns: ["Item", "Invoice line", "Amount credited"] as const,
    linePosition: (n: number | null) => (n === null ? "-" : `line ${n}`),
    total: "Total credited",
    callout: "Amount credited",
    reason: "Reason",
    settlement: "The invoice now",
    invoiceTotal: "Invoiced",
    credited: "Credited to date",
    openAfter: "Outstanding after credits",
    toCredit: "Kept as customer credit",
    toCreditNote: "What you had paid already is kept as customer credit and used for your next invoice.",
    footer: (date: string) => `Credit note issued on ${date}.`,
  },
} as const;

export interface CreditNoteLayout {
  title: string;
  subtitle: string;
  meta: Pair[];
  creditor: { heading: string; rows: Pair[] };
  payer: { heading: string; rows: Pair[] };
  table: { headers: readonly [string, string, string]; rows: (readonly [string, string, string])[] };
  total: Pair;
  callout: { label: string; value: string };
  settlement: { heading: string; rows: Pair[] };
  note: string | null;
  footer: string[];
}

export function creditNoteLayout(doc: CreditNoteDocument): CreditNoteLayout {
  const t = TEXT[doc.locale];
  const won = (amount: bigint) => formatWon(amount, doc.locale);
  const settlement: Pair[] = [
    [t.invoiceTotal, won(doc.invoice.totalWon)],
    [t.credited, won(doc.invoice.creditedWon)],
    [t.openAfter, won(doc.invoice.openWon > 0n ? doc.invoice.openWon : 0n)],
  ];
  if (doc.toCustomerCreditWon > 0n) settlement.push([t.toCredit, won(doc.toCustomerCreditWon)]);
  return {
    title: t.title,
    subtitle: t.subtitle,
    meta: [
      [t.number, doc.number],
      [t.issueOn, doc.issueOn],
      [t.invoice, `${doc.invoice.number} (${doc.invoice.issueOn})`],
    ],
    creditor: {
      heading: t.creditor,
      rows: creditorRows(doc.creditor, t),
    },
    payer: {
      heading: t.payer,
      rows: [
        [t.payerName, doc.payer.name],
        [t.payerCode, doc.payer.payerCode],
        [t.phone, doc.payer.phoneMasked],
      ],
    },
    table: { headers: t.columns, rows: doc.lines.map((l) => [l.label, t.linePosition(l.invoiceLinePosition), won(l.amountWon)] as const) },
    total: [t.total, won(doc.totalWon)],
    callout: { label: `${t.callout} · ${t.reason}: ${doc.reason}`, value: `−${won(doc.totalWon)}` },
    settlement: { heading: t.settlement, rows: settlement },
    note: doc.toCustomerCreditWon > 0n ? t.toCreditNote : null,
    footer: [doc.creditor.creditorText, t.footer(doc.issueOn)].filter((line) => line.trim() !== ""),
  };
}

/** Every string of the layout in reading order (what a test finds in the PDF). */
export function creditNoteLayoutText(layout: CreditNoteLayout): string[] {
  return [
    ...statementHeadText(layout),
    layout.table.headers.join(" | "),
    ...layout.table.rows.map((row) => row.join(" | ")),
    ...pairsText([layout.total]),
    `${layout.callout.label}: ${layout.callout.value}`,
    layout.settlement.heading,
    ...pairsText(layout.settlement.rows),
    ...(layout.note ? [layout.note] : []),
    ...layout.footer,
  ];
}

const COLUMNS = [230, 150, CONTENT_WIDTH - 380] as const;

export function renderCreditNotePdf(document: CreditNoteDocument): Promise<Buffer> {
  const layout = creditNoteLayout(document);
  const { doc, done } = openStatementPdf({ Title: `${layout.title} ${document.number}`, Author: document.creditor.legalName, Subject: layout.subtitle });
  let y = drawStatementHead(doc, layout);
  y = drawTableHeader(doc, y, layout.table.headers, COLUMNS);
  y = drawTableRows(doc, y, layout.table, COLUMNS);
  y = drawTotals(doc, y + 6, [layout.total], COLUMNS) + 8;

  drawCallout(doc, y, layout.callout, { fill: "#e8f4ec", edge: "#2e7d32", label: "#1b5e20" });
  y += 58;
  y = drawLabelledRows(doc, y, layout.settlement, 110);
  if (layout.note) doc.font("ko").fontSize(9).fillColor("#333").text(layout.note, PAGE.margin, y + 6, { width: CONTENT_WIDTH });

  drawFooters(doc, layout.footer.join("  ·  "));
  doc.end();
  return done;
}

/** `credit-note-CN-2026-000001.pdf`. */
export function creditNoteFileName(number: string): string {
  return `credit-note-${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
}
