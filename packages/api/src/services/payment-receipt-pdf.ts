import { businessDateFromDb, formatWon, sumWon, type BusinessDate, type Won } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import type { Locale } from "../context.ts";
import { ACCENT, CONTENT_WIDTH, PAGE, drawCallout, drawFooters, drawStamp, drawStatementHead, drawTableHeader, drawTableRows, openStatementPdf, pairsText, PARTY_LABELS, creditorRows, statementCreditor, statementHeadText, type Pair, type StatementCreditor } from "./statement-pdf.ts";
import { PaymentService } from "./payment-service.ts";

/**
 * The receipt (영수증) of a payment received by hand or of customer credit applied: who paid
 * whom, when, how, how much, and which invoices it settled; what was left over is kept as the
 * payer's credit. Loaded through the payment service, so a store owner sees (and may print)
 * only a payment touching their stores, with other stores' invoices summed into one line.
 */
export interface PaymentReceipt {
  locale: Locale;
  paymentId: number;
  receivedOn: BusinessDate;
  method: "bank_transfer" | "cash" | "customer_credit";
  reference: string;
  amountWon: Won;
  creditor: StatementCreditor;
  payer: { payerCode: string; name: string; businessNumberMasked: string | null };
  allocations: { invoiceNumber: string; periodStart: BusinessDate; periodEnd: BusinessDate; amountWon: Won }[];
  /** Allocated to invoices the viewer may not see (another store's): shown as one sum. */
  otherInvoicesWon: Won;
  /** Kept as customer credit (0 for a credit application). */
  creditWon: Won;
  voided: { on: BusinessDate | null; reason: string | null } | null;
  asOf: BusinessDate;
}

export async function loadPaymentReceipt(db: Db, keyring: Keyring, paymentId: number, options: { locale: Locale; today: BusinessDate; storeScope: readonly number[] | null }): Promise<PaymentReceipt> {
  const service = new PaymentService(db, keyring);
  const seen = await service.get(paymentId, options.storeScope); // NOT_FOUND outside the scope
  const whole = options.storeScope === null ? seen : await service.get(paymentId, null);
  const org = await db.organization.findUniqueOrThrow({ where: { id: 1 } });
  const voidEntry = seen.voidEntryId ? await db.journalEntry.findUnique({ where: { id: seen.voidEntryId }, select: { effectiveOn: true } }) : null;
  const visibleWon = sumWon(seen.allocations.map((a) => a.amountWon));
  const allocatedWon = sumWon(whole.allocations.map((a) => a.amountWon));
  return {
    locale: options.locale,
    paymentId: seen.id,
    receivedOn: seen.receivedOn,
    method: seen.method,
    reference: seen.reference,
    amountWon: seen.amountWon,
    creditor: statementCreditor(org),
    payer: { payerCode: seen.payer.payerCode, name: seen.payer.name, businessNumberMasked: seen.payer.businessNumberMasked },
    allocations: seen.allocations.map((a) => ({ invoiceNumber: a.invoiceNumber, periodStart: a.periodStart, periodEnd: a.periodEnd, amountWon: a.amountWon })),
    otherInvoicesWon: allocatedWon - visibleWon,
    creditWon: seen.method === "customer_credit" ? 0n : seen.amountWon - allocatedWon,
    voided: seen.voided ? { on: voidEntry ? businessDateFromDb(voidEntry.effectiveOn) : null, reason: seen.voidReason } : null,
    asOf: options.today,
  };
}

export interface PaymentReceiptLayout {
  title: string;
  subtitle: string;
  meta: Pair[];
  creditor: { heading: string; rows: Pair[] };
  payer: { heading: string; rows: Pair[] };
  amount: { label: string; value: string };
  table: { heading: string; headers: readonly [string, string, string]; rows: (readonly [string, string, string])[] };
  totals: Pair[];
  statement: string;
  stamp: string | null;
  footer: string[];
}

const TEXT = {
  ko: {
    ...PARTY_LABELS.ko,
    title: "영수증",
    subtitle: "RECEIPT",
    number: "영수증 번호",
    receivedOn: "수납일",
    method: "수납 방법",
    reference: "입금자/참조",
    methods: { bank_transfer: "계좌이체", cash: "현금", customer_credit: "선수금 대체" },
    creditor: "수납기관",
    payer: "납부자",
    payerBusiness: "사업자등록번호",
    amount: "수납 금액",
    applied: "청구서 적용 내역",
    columns: ["청구번호", "청구기간", "적용 금액"] as const,
    noInvoices: "적용된 청구서 없음",
    otherInvoices: "기타 청구서 적용",
    credit: "선수금으로 보관",
    statement: (amount: string) => `위 금액 ${amount}을(를) 정히 영수합니다.`,
    voided: "취소",
    voidedRow: "수납 취소",
    issued: (date: string) => `${date} 발행`,
  },
  en: {
    ...PARTY_LABELS.en,
    title: "Receipt",
    subtitle: "영수증",
    number: "Receipt no.",
    receivedOn: "Received",
    method: "Method",
    reference: "Reference",
    methods: { bank_transfer: "Bank transfer", cash: "Cash", customer_credit: "Customer credit applied" },
    creditor: "Received by",
    payer: "Received from",
    payerBusiness: "Business no.",
    amount: "Amount received",
    applied: "Applied to invoices",
    columns: ["Invoice", "Period", "Applied"] as const,
    noInvoices: "No invoice",
    otherInvoices: "Other invoices",
    credit: "Kept as customer credit",
    statement: (amount: string) => `Received with thanks: ${amount}.`,
    voided: "VOID",
    voidedRow: "Voided",
    issued: (date: string) => `Issued ${date}`,
  },
} as const;

export function paymentReceiptNumber(paymentId: number): string {
  return `R-${String(paymentId).padStart(6, "0")}`;
}

export function paymentReceiptLayout(receipt: PaymentReceipt): PaymentReceiptLayout {
  const t = TEXT[receipt.locale];
  const won = (amount: Won) => formatWon(amount, receipt.locale);
  const payerRows: Pair[] = [
    [t.payerName, receipt.payer.name],
    [t.payerCode, receipt.payer.payerCode],
  ];
  if (receipt.payer.businessNumberMasked) payerRows.push([t.payerBusiness, receipt.payer.businessNumberMasked]);
  const totals: Pair[] = [];
  if (receipt.otherInvoicesWon > 0n) totals.push([t.otherInvoices, won(receipt.otherInvoicesWon)]);
  if (receipt.creditWon > 0n) totals.push([t.credit, won(receipt.creditWon)]);
  if (receipt.voided) totals.push([t.voidedRow, [receipt.voided.on, receipt.voided.reason].filter(Boolean).join(" · ") || "-"]);
  return {
    title: t.title,
    subtitle: t.subtitle,
    meta: [
      [t.number, paymentReceiptNumber(receipt.paymentId)],
      [t.receivedOn, receipt.receivedOn],
      [t.method, t.methods[receipt.method]],
      [t.reference, receipt.reference.trim() || "-"],
    ],
    creditor: {
      heading: t.creditor,
      rows: creditorRows(receipt.creditor, t),
    },
    payer: { heading: t.payer, rows: payerRows },
    amount: { label: t.amount, value: won(receipt.amountWon) },
    table: {
      heading: t.applied,
      headers: t.columns,
      rows: receipt.allocations.length === 0 && receipt.otherInvoicesWon === 0n ? [[t.noInvoices, "", ""]] : receipt.allocations.map((a) => [a.invoiceNumber, `${a.periodStart} ~ ${a.periodEnd}`, won(a.amountWon)] as const),
    },
    totals,
    statement: t.statement(won(receipt.amountWon)),
    stamp: receipt.voided ? t.voided : null,
    footer: [receipt.creditor.creditorText, t.issued(receipt.asOf)].filter((line) => line.trim() !== ""),
  };
}

export function paymentReceiptText(layout: PaymentReceiptLayout): string[] {
  return [
    ...statementHeadText(layout),
    `${layout.amount.label}: ${layout.amount.value}`,
    layout.table.heading,
    layout.table.headers.join(" | "),
    ...layout.table.rows.map((row) => row.join(" | ")),
    ...pairsText(layout.totals),
    layout.statement,
    ...(layout.stamp ? [layout.stamp] : []),
    ...layout.footer,
  ];
}

const COLUMNS = [170, 210, CONTENT_WIDTH - 380] as const;

export function renderPaymentReceiptPdf(receipt: PaymentReceipt): Promise<Buffer> {
  const layout = paymentReceiptLayout(receipt);
  const { doc, done } = openStatementPdf({ Title: `${layout.title} ${paymentReceiptNumber(receipt.paymentId)}`, Author: receipt.creditor.legalName, Subject: layout.subtitle });
  const left = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 40;
  let y = PAGE.margin;

  y = drawStatementHead(doc, layout);

  drawCallout(doc, y, layout.amount, { fill: "#e8f4ea", edge: "#2e7d32", label: "#1b5e20" });
  y += 58;

  doc.font("ko-bold").fontSize(11).fillColor(ACCENT).text(layout.table.heading, left, y, { width: CONTENT_WIDTH });
  y = doc.y + 4;
  y = drawTableHeader(doc, y, layout.table.headers, COLUMNS);
  y = drawTableRows(doc, y, layout.table, COLUMNS, { bottom });
  y += 6;
  for (const [label, value] of layout.totals) {
    if (y + 16 > bottom) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc.font("ko").fontSize(9).fillColor("black");
    doc.text(label, left + COLUMNS[0] + 6, y, { width: COLUMNS[1] - 12, align: "right" });
    doc.text(value, left + COLUMNS[0] + COLUMNS[1] + 6, y, { width: COLUMNS[2] - 12, align: "right" });
    y += 14;
  }
  y += 18;
  if (y + 40 > bottom) {
    doc.addPage();
    y = PAGE.margin;
  }
  doc.font("ko-bold").fontSize(12).fillColor("black").text(layout.statement, left, y, { width: CONTENT_WIDTH, align: "center" });
  doc.font("ko").fontSize(10).text(receipt.creditor.legalName, left, doc.y + 8, { width: CONTENT_WIDTH, align: "right" });

  if (layout.stamp) drawStamp(doc, layout.stamp, 300);
  drawFooters(doc, layout.footer.join("  ·  "));
  doc.end();
  return done;
}
