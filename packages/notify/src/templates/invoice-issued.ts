import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/**
 * A new invoice: who bills, its number, the amount, the due date, how it will be collected and
 * where to see it (the PDF). An auto-debit names only the payer's bank; a bank transfer names the
 * creditor's own settlement account, which the payer needs to pay. A payer with a standing
 * consent also gets the link to change the account or withdraw it (출금동의 변경·해지).
 */
export const invoiceIssued = defineTemplate({
  code: "invoice_issued",
  variables: z.strictObject({
    creditorName: vars.text(50),
    payerName: vars.text(50),
    invoiceNumber: z.string().regex(/^\d{4}-\d{6,}$/, "expected an invoice number such as 2026-000123"),
    amountWon: vars.won(),
    dueOn: vars.date(),
    collection: z.enum(["auto_debit", "bank_transfer"]),
    /** auto_debit: the payer's bank; bank_transfer: the creditor's settlement bank. */
    bankName: vars.text(30),
    /** bank_transfer only: the creditor's settlement account. */
    creditorAccount: z.string().trim().regex(/^[0-9-]{6,30}$/).optional(),
    invoiceUrl: vars.url(),
    manageUrl: vars.url().optional(),
  }),
  text: {
    ko: (v, f) => ({
      subject: `[${v.creditorName}] 청구서 발행 안내 (${v.invoiceNumber})`,
      body:
        `[${v.creditorName}] ${v.payerName}님, 청구서가 발행되었습니다.\n청구번호: ${v.invoiceNumber}\n청구금액: ${f.won(v.amountWon)}\n납부기한: ${f.date(v.dueOn)}\n` +
        (v.collection === "auto_debit" ? `납부방법: 자동이체 (납부기한에 ${v.bankName} 계좌에서 출금)` : `납부방법: 계좌이체 (${v.bankName} ${v.creditorAccount ?? ""}, 예금주 ${v.creditorName})`) +
        `\n청구서 보기: ${v.invoiceUrl}` +
        (v.manageUrl ? `\n자동이체 변경·해지: ${v.manageUrl}` : ""),
    }),
    en: (v, f) => ({
      subject: `[${v.creditorName}] Your invoice ${v.invoiceNumber}`,
      body:
        `[${v.creditorName}] ${v.payerName}, your invoice has been issued.\nInvoice: ${v.invoiceNumber}\nAmount: ${f.won(v.amountWon)}\nDue: ${f.date(v.dueOn)}\n` +
        (v.collection === "auto_debit" ? `Payment: automatic debit from your ${v.bankName} account on the due date` : `Payment: bank transfer to ${v.bankName} ${v.creditorAccount ?? ""} (${v.creditorName})`) +
        `\nView the invoice: ${v.invoiceUrl}` +
        (v.manageUrl ? `\nChange or stop the automatic debit: ${v.manageUrl}` : ""),
    }),
  },
  alimtalk: {
    templateCode: "SUNAP_INVOICE_ISSUED_V3",
    buttons: (v, locale) => [
      { name: locale === "ko" ? "청구서 보기" : "View invoice", url: v.invoiceUrl },
      ...(v.manageUrl ? [{ name: locale === "ko" ? "자동이체 변경·해지" : "Change or stop debit", url: v.manageUrl }] : []),
    ],
  },
});
