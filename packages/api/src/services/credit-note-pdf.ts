import { businessDateFromDb, DomainError, formatWon, type BusinessDate, type Won } from "@sunap/core";
import { decryptField, maskPhone, type DbOrTx, type Keyring } from "@sunap/db";
import type { Locale } from "../context.ts";
import { ACCENT, CONTENT_WIDTH, drawCallout, drawFooters, drawParties, drawTableHeader, openStatementPdf, PAGE, RULE } from "./invoice-pdf.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

/**
 * The credit note (감액 청구서) as an A4 PDF, drawn with the invoice statement's parts (parties,
 * table header, callout, footers). Like the statement, two pure steps: `creditNoteLayout` words it,
 * `renderCreditNotePdf` places it.
 */

type Pair = readonly [label: string, value: string];

export interface CreditNoteDocument {
  locale: Locale;
  number: string;
  issueOn: BusinessDate;
  reason: string;
  invoice: { number: string; issueOn: BusinessDate; totalWon: Won; creditedWon: Won; openWon: Won };
  creditor: { legalName: string; businessNumber: string; representative: string; address: string; creditorText: string };
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
    creditor: { legalName: org.legalName, businessNumber: org.businessNumber, representative: org.representative, address: org.address, creditorText: org.creditorText },
    payer: { payerCode: note.payer.payerCode, name: note.payer.name, phoneMasked },
    lines: note.lines.map((l) => ({ label: options.locale === "ko" ? l.labelKo : l.labelEn, invoiceLinePosition: l.invoiceLinePosition, amountWon: l.amountWon })),
    totalWon: note.totalWon,
    toCustomerCreditWon: note.toCustomerCreditWon,
  };
}

const TEXT = {
  ko: {
    title: "감액 청구서",
    subtitle: "CREDIT NOTE",
    number: "감액번호",
    issueOn: "발행일",
    invoice: "원 청구서",
    creditor: "청구기관",
    legalName: "상호",
    businessNumber: "사업자등록번호",
    representative: "대표자",
    address: "주소",
    payer: "납부자",
    payerName: "성명",
    payerCode: "납부자번호",
    phone: "휴대전화",
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
    title: "Credit note",
    subtitle: "감액 청구서",
    number: "Credit note no.",
    issueOn: "Issued",
    invoice: "Invoice",
    creditor: "From",
    legalName: "Name",
    businessNumber: "Business no.",
    representative: "Representative",
    address: "Address",
    payer: "To",
    payerName: "Name",
    payerCode: "Payer no.",
    phone: "Phone",
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
      rows: [
        [t.legalName, doc.creditor.legalName],
        [t.businessNumber, doc.creditor.businessNumber],
        [t.representative, doc.creditor.representative],
        [t.address, doc.creditor.address],
      ],
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
  const pairs = (rows: readonly Pair[]) => rows.map(([label, value]) => `${label}: ${value}`);
  return [
    layout.title,
    layout.subtitle,
    ...pairs(layout.meta),
    layout.creditor.heading,
    ...pairs(layout.creditor.rows),
    layout.payer.heading,
    ...pairs(layout.payer.rows),
    layout.table.headers.join(" | "),
    ...layout.table.rows.map((row) => row.join(" | ")),
    ...pairs([layout.total]),
    `${layout.callout.label}: ${layout.callout.value}`,
    layout.settlement.heading,
    ...pairs(layout.settlement.rows),
    ...(layout.note ? [layout.note] : []),
    ...layout.footer,
  ];
}

const COLUMNS = [230, 150, CONTENT_WIDTH - 380] as const;

export function renderCreditNotePdf(document: CreditNoteDocument): Promise<Buffer> {
  const layout = creditNoteLayout(document);
  const { doc, done } = openStatementPdf({ Title: `${layout.title} ${document.number}`, Author: document.creditor.legalName, Subject: layout.subtitle });
  const left = PAGE.margin;
  let y = PAGE.margin;

  doc.font("ko-bold").fontSize(24).fillColor(ACCENT).text(layout.title, left, y, { width: CONTENT_WIDTH, align: "center" });
  doc.font("ko").fontSize(10).fillColor("#555").text(layout.subtitle, left, doc.y, { width: CONTENT_WIDTH, align: "center" });
  y = doc.y + 14;
  const metaWidth = CONTENT_WIDTH / layout.meta.length - 6;
  let metaBottom = y;
  layout.meta.forEach(([label, value], index) => {
    const x = left + index * (metaWidth + 6);
    doc.font("ko").fontSize(8).fillColor("#666").text(label, x, y, { width: metaWidth });
    doc.font("ko-bold").fontSize(10).fillColor("black").text(value, x, y + 11, { width: metaWidth });
    metaBottom = Math.max(metaBottom, doc.y);
  });
  y = metaBottom + 6;
  doc.moveTo(left, y).lineTo(left + CONTENT_WIDTH, y).strokeColor(ACCENT).lineWidth(1.2).stroke();
  y = drawParties(doc, y + 10, [layout.creditor, layout.payer]) + 12;

  y = drawTableHeader(doc, y, layout.table.headers, COLUMNS);
  for (const row of layout.table.rows) {
    doc.font("ko").fontSize(9);
    const height = Math.max(...row.map((text, index) => doc.heightOfString(text || " ", { width: COLUMNS[index]! - 12 }))) + 10;
    let x = left;
    row.forEach((text, index) => {
      doc.font("ko").fontSize(9).fillColor("black").text(text, x + 6, y + 5, { width: COLUMNS[index]! - 12, align: index === 2 ? "right" : "left" });
      x += COLUMNS[index]!;
    });
    y += height;
    doc.moveTo(left, y).lineTo(left + CONTENT_WIDTH, y).strokeColor(RULE).lineWidth(0.5).stroke();
  }
  y += 6;
  doc.font("ko-bold").fontSize(11).fillColor("black");
  doc.text(layout.total[0], left + COLUMNS[0] + 6, y, { width: COLUMNS[1] - 12, align: "right" });
  doc.text(layout.total[1], left + COLUMNS[0] + COLUMNS[1] + 6, y, { width: COLUMNS[2] - 12, align: "right" });
  y += 26;

  drawCallout(doc, y, layout.callout, { fill: "#e8f4ec", edge: "#2e7d32", label: "#1b5e20" });
  y += 58;
  doc.font("ko-bold").fontSize(11).fillColor(ACCENT).text(layout.settlement.heading, left, y, { width: CONTENT_WIDTH });
  y = doc.y + 2;
  for (const [label, value] of layout.settlement.rows) {
    doc.font("ko").fontSize(8).fillColor("#666").text(label, left, y, { width: 110 });
    doc.font("ko").fontSize(9).fillColor("black").text(value, left + 112, y, { width: CONTENT_WIDTH - 112 });
    y = Math.max(doc.y, y + 12) + 2;
  }
  if (layout.note) doc.font("ko").fontSize(9).fillColor("#333").text(layout.note, left, y + 6, { width: CONTENT_WIDTH });

  drawFooters(doc, layout.footer.join("  ·  "));
  doc.end();
  return done;
}

/** `credit-note-CN-2026-000001.pdf`. */
export function creditNoteFileName(number: string): string {
  return `credit-note-${number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
}
