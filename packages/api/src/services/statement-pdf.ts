import { openKoreanPdf } from "./korean-pdf.ts";

/**
 * What the statement-like PDFs share (the invoice statement, the payment receipt, the credit
 * note): the A4 page, the heading block, the parties side by side, tables, callouts, labelled
 * rows, the stamp and the footers; and the text of the heading block in reading order, which
 * their tests read back.
 */

export type Pair = readonly [label: string, value: string];

/** The part of a layout every statement starts with. */
export interface StatementHead {
  title: string;
  subtitle: string;
  meta: readonly Pair[];
  creditor: { heading: string; rows: readonly Pair[] };
  payer: { heading: string; rows: readonly Pair[] };
}

/** The organisation as every statement names it (from its settings). */
export interface StatementCreditor {
  legalName: string;
  businessNumber: string;
  representative: string;
  address: string;
  creditorText: string;
}

export function statementCreditor(org: StatementCreditor): StatementCreditor {
  return { legalName: org.legalName, businessNumber: org.businessNumber, representative: org.representative, address: org.address, creditorText: org.creditorText };
}

/** The words of the parties' rows, the same on every statement. */
export const PARTY_LABELS = {
  ko: { legalName: "상호", businessNumber: "사업자등록번호", representative: "대표자", address: "주소", payerName: "성명", payerCode: "납부자번호", phone: "휴대전화" },
  en: { legalName: "Name", businessNumber: "Business no.", representative: "Representative", address: "Address", payerName: "Name", payerCode: "Payer no.", phone: "Phone" },
} as const;

/** The creditor's rows: name, business number, representative, address. */
export function creditorRows(creditor: StatementCreditor, labels: (typeof PARTY_LABELS)["ko" | "en"]): Pair[] {
  return [
    [labels.legalName, creditor.legalName],
    [labels.businessNumber, creditor.businessNumber],
    [labels.representative, creditor.representative],
    [labels.address, creditor.address],
  ];
}

export const pairsText = (rows: readonly Pair[]): string[] => rows.map(([label, value]) => `${label}: ${value}`);

/** The heading block's strings in reading order. */
export function statementHeadText(head: StatementHead): string[] {
  return [head.title, head.subtitle, ...pairsText(head.meta), head.creditor.heading, ...pairsText(head.creditor.rows), head.payer.heading, ...pairsText(head.payer.rows)];
}

export const PAGE = { width: 595.28, height: 841.89, margin: 48 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const ACCENT = "#1f3a5f";
export const RULE = "#c8d0da";

/** An A4 document with the Korean fonts registered ("ko", "ko-bold") and its bytes collected. */
export function openStatementPdf(info: { Title: string; Author: string; Subject: string }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  return openKoreanPdf({ margin: PAGE.margin, bufferPages: true, info });
}

/** A rubber stamp (완납, 무효…) across the first page, below the parties: unmistakable on paper and on screen. */
export function drawStamp(doc: PDFKit.PDFDocument, text: string, centreY = 330): void {
  doc.switchToPage(doc.bufferedPageRange().start);
  doc.save();
  doc.rotate(-18, { origin: [PAGE.width / 2, centreY] });
  doc.roundedRect(PAGE.width / 2 - 90, centreY - 30, 180, 60, 8).lineWidth(3).strokeColor("#c62828").strokeOpacity(0.75).stroke();
  doc.font("ko-bold").fontSize(34).fillColor("#c62828").fillOpacity(0.75).text(text, PAGE.width / 2 - 90, centreY - 23, { width: 180, align: "center", lineBreak: false });
  doc.restore();
}

/** The footer text and "page / pages" on every page, inside the bottom margin. */
export function drawFooters(doc: PDFKit.PDFDocument, text: string): void {
  const left = PAGE.margin;
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    doc.page.margins.bottom = 0; // the footer sits in the bottom margin; writing there must not open a page
    const footerY = PAGE.height - PAGE.margin - 30;
    doc.moveTo(left, footerY - 4).lineTo(left + CONTENT_WIDTH, footerY - 4).strokeColor(RULE).lineWidth(0.5).stroke();
    doc.font("ko").fontSize(7.5).fillColor("#555").text(text, left, footerY, { width: CONTENT_WIDTH - 50, height: 28, lineBreak: true });
    doc.text(`${page - range.start + 1} / ${range.count}`, left + CONTENT_WIDTH - 45, footerY, { width: 45, align: "right", lineBreak: false });
  }
}

/** Creditor and payer side by side, each a heading over label/value rows; returns the y below the taller. */
export function drawParties(doc: PDFKit.PDFDocument, y: number, parties: readonly [StatementHead["creditor"], StatementHead["payer"]]): number {
  const blockWidth = (CONTENT_WIDTH - 16) / 2;
  const block = (x: number, heading: string, rows: readonly Pair[]) => {
    doc.font("ko-bold").fontSize(11).fillColor(ACCENT).text(heading, x, y, { width: blockWidth });
    let by = doc.y + 3;
    for (const [label, value] of rows) {
      doc.font("ko").fontSize(8).fillColor("#666").text(label, x, by, { width: 78 });
      doc.font("ko").fontSize(9).fillColor("black").text(value, x + 80, by, { width: blockWidth - 80 });
      by = Math.max(doc.y, by + 12) + 2;
    }
    return by;
  };
  return Math.max(block(PAGE.margin, parties[0].heading, parties[0].rows), block(PAGE.margin + blockWidth + 16, parties[1].heading, parties[1].rows));
}

/** A three-column table's shaded header row (the last column right-aligned); returns the y below it. */
export function drawTableHeader(doc: PDFKit.PDFDocument, y: number, headers: readonly string[], columns: readonly number[]): number {
  doc.rect(PAGE.margin, y, CONTENT_WIDTH, 20).fillColor("#eef2f7").fill();
  let x = PAGE.margin;
  headers.forEach((text, index) => {
    doc.font("ko-bold").fontSize(9).fillColor(ACCENT).text(text, x + 6, y + 5, { width: columns[index]! - 12, align: index === 2 ? "right" : "left" });
    x += columns[index]!;
  });
  return y + 20;
}

/** The one figure a reader must see (what is due, what was received): a tinted box with a coloured edge. */
export function drawCallout(doc: PDFKit.PDFDocument, y: number, text: { label: string; value: string }, colours: { fill: string; edge: string; label: string }): void {
  const left = PAGE.margin;
  doc.rect(left, y, CONTENT_WIDTH, 44).fillColor(colours.fill).fill();
  doc.rect(left, y, 4, 44).fillColor(colours.edge).fill();
  doc.font("ko").fontSize(9).fillColor(colours.label).text(text.label, left + 14, y + 6, { width: CONTENT_WIDTH - 28 });
  doc.font("ko-bold").fontSize(16).fillColor("black").text(text.value, left + 14, y + 19, { width: CONTENT_WIDTH - 28 });
}

/**
 * Title, subtitle, the meta fields in a row (widths as shares of the line, equal by default), an
 * accent rule, then creditor and payer side by side. Returns the y below them.
 */
export function drawStatementHead(doc: PDFKit.PDFDocument, head: StatementHead, metaShares?: readonly number[]): number {
  const left = PAGE.margin;
  doc.font("ko-bold").fontSize(24).fillColor(ACCENT).text(head.title, left, PAGE.margin, { width: CONTENT_WIDTH, align: "center" });
  doc.font("ko").fontSize(10).fillColor("#555").text(head.subtitle, left, doc.y, { width: CONTENT_WIDTH, align: "center" });
  const y = doc.y + 14;
  let x = left;
  let metaBottom = y;
  head.meta.forEach(([label, value], index) => {
    const width = (metaShares?.[index] ?? 1 / head.meta.length) * CONTENT_WIDTH - 6;
    doc.font("ko").fontSize(8).fillColor("#666").text(label, x, y, { width });
    doc.font("ko-bold").fontSize(10).fillColor("black").text(value, x, y + 11, { width });
    metaBottom = Math.max(metaBottom, doc.y);
    x += width + 6;
  });
  const rule = metaBottom + 6;
  doc.moveTo(left, rule).lineTo(left + CONTENT_WIDTH, rule).strokeColor(ACCENT).lineWidth(1.2).stroke();
  return drawParties(doc, rule + 10, [head.creditor, head.payer]) + 12;
}

/**
 * Table rows under a header drawn by `drawTableHeader`, each as tall as its longest cell, ruled
 * below; the last column right-aligned, `mutedColumn` in grey. Past `bottom` a new page opens and
 * the header is drawn again. Returns the y below the last row.
 */
export function drawTableRows(doc: PDFKit.PDFDocument, y: number, table: { headers: readonly string[]; rows: readonly (readonly string[])[] }, columns: readonly number[], options: { mutedColumn?: number; bottom?: number } = {}): number {
  const bottom = options.bottom ?? PAGE.height - PAGE.margin - 40;
  for (const row of table.rows) {
    doc.font("ko").fontSize(9);
    const height = Math.max(...row.map((text, index) => doc.heightOfString(text || " ", { width: columns[index]! - 12 }))) + 10;
    if (y + height > bottom) {
      doc.addPage();
      y = drawTableHeader(doc, PAGE.margin, table.headers, columns);
    }
    let x = PAGE.margin;
    row.forEach((text, index) => {
      doc.font("ko").fontSize(9).fillColor(index === options.mutedColumn ? "#444" : "black").text(text, x + 6, y + 5, { width: columns[index]! - 12, align: index === row.length - 1 ? "right" : "left" });
      x += columns[index]!;
    });
    y += height;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + CONTENT_WIDTH, y).strokeColor(RULE).lineWidth(0.5).stroke();
  }
  return y;
}

/** A heading over label/value rows (the settlement account, how it was paid); returns the y below. */
export function drawLabelledRows(doc: PDFKit.PDFDocument, y: number, section: { heading: string; rows: readonly Pair[] }, labelWidth = 78): number {
  doc.font("ko-bold").fontSize(11).fillColor(ACCENT).text(section.heading, PAGE.margin, y, { width: CONTENT_WIDTH });
  y = doc.y + 2;
  for (const [label, value] of section.rows) {
    doc.font("ko").fontSize(8).fillColor("#666").text(label, PAGE.margin, y, { width: labelWidth });
    doc.font("ko").fontSize(9).fillColor("black").text(value, PAGE.margin + labelWidth + 2, y, { width: CONTENT_WIDTH - labelWidth - 2 });
    y = Math.max(doc.y, y + 12) + 2;
  }
  return y;
}

/** Totals right-aligned under a three-column table's last two columns, the last one bold; returns the y below. */
export function drawTotals(doc: PDFKit.PDFDocument, y: number, totals: readonly Pair[], columns: readonly [number, number, number]): number {
  totals.forEach(([label, value], index) => {
    const last = index === totals.length - 1;
    doc.font(last ? "ko-bold" : "ko").fontSize(last ? 11 : 9).fillColor("black");
    doc.text(label, PAGE.margin + columns[0] + 6, y, { width: columns[1] - 12, align: "right" });
    doc.text(value, PAGE.margin + columns[0] + columns[1] + 6, y, { width: columns[2] - 12, align: "right" });
    y += last ? 18 : 14;
  });
  return y;
}
