import { formatWon, type InvoiceStatus } from "@sunap/core";
import type { InvoiceDocument } from "./invoice-document.ts";
import { ACCENT, CONTENT_WIDTH, drawCallout, drawFooters, drawLabelledRows, drawStamp, drawStatementHead, drawTableHeader, drawTableRows, drawTotals, openStatementPdf, PAGE, PARTY_LABELS, creditorRows, pairsText, statementHeadText, type Pair } from "./statement-pdf.ts";

/**
 * The invoice statement (청구서) as an A4 PDF. Two steps, both pure: `invoiceLayout` words the
 * document for its locale (every string the page shows, in reading order), and
 * `renderInvoicePdf` places that layout on the page. Tests read the layout directly and the
 * PDF's extracted text, so a field dropped by either step fails them.
 */

export interface InvoiceLayout {
  title: string;
  subtitle: string;
  /** Number, issue date, due date, period. */
  meta: Pair[];
  creditor: { heading: string; rows: Pair[] };
  payer: { heading: string; rows: Pair[] };
  table: { headers: readonly [string, string, string]; rows: (readonly [string, string, string])[] };
  /** Supply and VAT (only when VAT was charged), then the total. */
  totals: Pair[];
  /** Shown large: what is due and by when. */
  due: { label: string; value: string };
  collection: { heading: string; text: string };
  settlement: { heading: string; rows: Pair[] };
  /** A stamp across the page for a paid or void invoice. */
  stamp: string | null;
  footer: string[];
}

const TEXT = {
  ko: {
    ...PARTY_LABELS.ko,
    title: "청구서",
    subtitle: "INVOICE",
    number: "청구번호",
    issueOn: "발행일",
    dueOn: "납부기한",
    period: "청구기간",
    creditor: "청구기관",
    payer: "납부자",
    store: "매장",
    contract: "계약",
    columns: ["항목", "산출근거", "금액"] as const,
    supply: "공급가액",
    vat: "부가세",
    total: "청구금액 합계",
    dueBox: "납부하실 금액",
    dueBy: (date: string) => `${date} 까지`,
    nothingDue: "없음 (무효 처리된 청구서)",
    nothingToCollect: "무효 처리된 청구서이므로 수납하지 않습니다.",
    nothingLeft: "전액 수납되어 더 납부하실 금액이 없습니다.",
    overpaid: "초과 수납액",
    collection: "납부 방법",
    settlement: "납부 현황",
    paid: "수납액",
    open: "미납액",
    status: "상태",
    asOf: (date: string) => `${date} 기준`,
    voided: "무효 처리",
    footerIssued: (date: string) => `본 청구서는 ${date} 기준으로 발행되었습니다.`,
    statuses: { open: "미납", partially_paid: "부분 납부", paid: "완납", credited: "전액 감액", void: "무효" } satisfies Record<InvoiceStatus, string>,
    creditNotes: "감액 청구서",
    creditNote: (number: string, date: string, reason: string) => `${number} (${date}) ${reason}`,
    credited: "감액 합계",
    openAfterCredits: "감액 후 미납액",
    nothingLeftCredited: "감액 청구서로 전액 감액되어 납부하실 금액이 없습니다.",
    overdue: "연체",
    stamps: { paid: "완납", void: "무효", credited: "감액" },
  },
  en: {
    ...PARTY_LABELS.en,
    title: "Invoice",
    subtitle: "청구서",
    number: "Invoice no.",
    issueOn: "Issued",
    dueOn: "Due",
    period: "Period",
    creditor: "From",
    payer: "Bill to",
    store: "Store",
    contract: "Contract",
    columns: ["Item", "Basis", "Amount"] as const,
    supply: "Supply amount",
    vat: "VAT",
    total: "Total",
    dueBox: "Amount due",
    dueBy: (date: string) => `by ${date}`,
    nothingDue: "Nothing (this invoice was voided)",
    nothingToCollect: "This invoice was voided: nothing will be collected.",
    nothingLeft: "Paid in full: nothing more to pay.",
    overpaid: "Received in excess",
    collection: "How it will be collected",
    settlement: "Payment status",
    paid: "Paid",
    open: "Outstanding",
    status: "Status",
    asOf: (date: string) => `as of ${date}`,
    voided: "Voided",
    footerIssued: (date: string) => `Statement as of ${date}.`,
    statuses: { open: "Open", partially_paid: "Partially paid", paid: "Paid", credited: "Credited in full", void: "Void" } satisfies Record<InvoiceStatus, string>,
    creditNotes: "Credit notes",
    creditNote: (number: string, date: string, reason: string) => `${number} (${date}) ${reason}`,
    credited: "Credited in all",
    openAfterCredits: "Outstanding after credit notes",
    nothingLeftCredited: "Taken back in full by credit notes: nothing to pay.",
    overdue: "Overdue",
    stamps: { paid: "PAID", void: "VOID", credited: "CREDITED" },
  },
} as const;

export function invoiceLayout(doc: InvoiceDocument): InvoiceLayout {
  const t = TEXT[doc.locale];
  const won = (amount: bigint) => formatWon(amount, doc.locale);
  const statusText = `${t.statuses[doc.status]}${doc.overdue ? ` · ${t.overdue}` : ""}`;
  const settlementRows: Pair[] = [
    [t.paid, won(doc.paidWon)],
    [t.open, won(doc.openWon > 0n ? doc.openWon : 0n)],
  ];
  // Received more than is owed (paid, then voided or reduced): the difference is the payer's to get back or keep as credit.
  if (doc.openWon < 0n) settlementRows.push([t.overpaid, won(-doc.openWon)]);
  // Credit notes lower what is owed: each is listed, with the open amount after them.
  for (const note of doc.creditNotes) settlementRows.push([t.creditNotes, `${t.creditNote(note.number, note.issueOn, note.reason)} −${won(note.totalWon)}`]);
  if (doc.creditNotes.length > 0) {
    settlementRows.push([t.credited, won(doc.creditedWon)]);
    settlementRows.push([t.openAfterCredits, won(doc.openWon > 0n ? doc.openWon : 0n)]);
  }
  settlementRows.push([t.status, `${statusText} (${t.asOf(doc.asOf)})`]);
  if (doc.voided) settlementRows.push([t.voided, [doc.voided.on, doc.voided.reason].filter(Boolean).join(" · ") || "-"]);
  const payerRows: Pair[] = [
    [t.payerName, doc.payer.name],
    [t.payerCode, doc.payer.payerCode],
    [t.phone, doc.payer.phoneMasked],
  ];
  if (doc.store) payerRows.push([t.store, `${doc.store.name} (${doc.store.code})`]);
  payerRows.push([t.contract, `${doc.contract.pluginName} · ${doc.contract.title}`]);
  return {
    title: t.title,
    subtitle: t.subtitle,
    meta: [
      [t.number, doc.number],
      [t.issueOn, doc.issueOn],
      [t.dueOn, doc.dueOn],
      [t.period, `${doc.period.start} ~ ${doc.period.end}`],
    ],
    creditor: {
      heading: t.creditor,
      rows: creditorRows(doc.creditor, t),
    },
    payer: { heading: t.payer, rows: payerRows },
    table: { headers: t.columns, rows: doc.lines.map((line) => [line.label, line.basis ?? "", won(line.amountWon)] as const) },
    totals: [...(doc.vatWon !== 0n ? ([[t.supply, won(doc.supplyWon)], [t.vat, won(doc.vatWon)]] as Pair[]) : []), [t.total, won(doc.totalWon)]],
    due: { label: t.dueBox, value: doc.status === "void" ? t.nothingDue : doc.status === "paid" || doc.status === "credited" ? `${won(0n)} (${t.statuses[doc.status]})` : `${won(doc.openWon)} · ${t.dueBy(doc.dueOn)}` },
    collection: { heading: t.collection, text: doc.status === "void" ? t.nothingToCollect : doc.status === "paid" ? t.nothingLeft : doc.status === "credited" ? t.nothingLeftCredited : doc.collection.text },
    settlement: { heading: t.settlement, rows: settlementRows },
    stamp: doc.status === "paid" ? t.stamps.paid : doc.status === "void" ? t.stamps.void : doc.status === "credited" ? t.stamps.credited : null,
    footer: [doc.creditor.creditorText, t.footerIssued(doc.asOf)].filter((line) => line.trim() !== ""),
  };
}

/** Every string of the layout in reading order: what a reader (or a test) finds on the page. */
export function invoiceLayoutText(layout: InvoiceLayout): string[] {
  return [
    ...statementHeadText(layout),
    layout.table.headers.join(" | "),
    ...layout.table.rows.map((row) => row.join(" | ")),
    ...pairsText(layout.totals),
    `${layout.due.label}: ${layout.due.value}`,
    layout.collection.heading,
    layout.collection.text,
    ...[layout.settlement.heading, ...pairsText(layout.settlement.rows)],
    ...(layout.stamp ? [layout.stamp] : []),
    ...layout.footer,
  ];
}

const COLUMNS = [150, 230, CONTENT_WIDTH - 380] as const;

export function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const layout = invoiceLayout(document);
  const { doc, done } = openStatementPdf({ Title: `${layout.title} ${document.number}`, Author: document.creditor.legalName, Subject: layout.subtitle });

  const left = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 40; // room for the footer
  let y = PAGE.margin;
  const ensure = (height: number) => {
    if (y + height <= bottom) return;
    doc.addPage();
    y = PAGE.margin;
  };

  // The last meta field (the period, two dates) gets the widest column so it stays on one line.
  y = drawStatementHead(doc, layout, [0.22, 0.2, 0.2, 0.38]);
  ensure(60);
  y = drawTableHeader(doc, y, layout.table.headers, COLUMNS);
  y = drawTableRows(doc, y, layout.table, COLUMNS, { mutedColumn: 1, bottom });

  // Totals, right-aligned under the amount column
  y += 6;
  ensure(layout.totals.length * 16 + 8);
  y = drawTotals(doc, y, layout.totals, COLUMNS) + 8;

  // What is due and by when, prominently
  ensure(52);
  drawCallout(doc, y, layout.due, { fill: "#fdf3e1", edge: "#d48806", label: "#8a5a00" });
  y += 56;

  // How it is collected, and the status from the ledger
  ensure(40);
  doc.font("ko-bold").fontSize(11).fillColor(ACCENT).text(layout.collection.heading, left, y, { width: CONTENT_WIDTH });
  doc.font("ko").fontSize(10).fillColor("black").text(layout.collection.text, left, doc.y + 2, { width: CONTENT_WIDTH });
  y = doc.y + 12;
  ensure(20 + layout.settlement.rows.length * 14);
  drawLabelledRows(doc, y, layout.settlement);

  if (layout.stamp) drawStamp(doc, layout.stamp);
  drawFooters(doc, layout.footer.join("  ·  "));
  doc.end();
  return done;
}
