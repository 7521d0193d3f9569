import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/** A new invoice: the amount, the due date and where to see (and pay) it. */
export const invoiceIssued = defineTemplate({
  code: "invoice_issued",
  variables: z.strictObject({ creditorName: vars.text(50), payerName: vars.text(50), amountWon: vars.won(), dueOn: vars.date(), invoiceUrl: vars.url() }),
  text: {
    ko: (v, f) => ({
      subject: `[${v.creditorName}] 청구서 발행 안내`,
      body: `[${v.creditorName}] ${v.payerName}님, 청구서가 발행되었습니다.\n청구금액: ${f.won(v.amountWon)}\n납부기한: ${f.date(v.dueOn)}\n청구서 보기: ${v.invoiceUrl}`,
    }),
    en: (v, f) => ({
      subject: `[${v.creditorName}] Your invoice`,
      body: `[${v.creditorName}] ${v.payerName}, your invoice has been issued.\nAmount: ${f.won(v.amountWon)}\nDue: ${f.date(v.dueOn)}\nView the invoice: ${v.invoiceUrl}`,
    }),
  },
  alimtalk: {
    templateCode: "SUNAP_INVOICE_ISSUED_V1",
    buttons: (v, locale) => [{ name: locale === "ko" ? "청구서 보기" : "View invoice", url: v.invoiceUrl }],
  },
});
