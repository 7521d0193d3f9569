import { describe, expect, it } from "vitest";
import { readPdf } from "../testing/pdf-text.ts";
import { paymentReceiptLayout, paymentReceiptText, renderPaymentReceiptPdf, type PaymentReceipt } from "./payment-receipt-pdf.ts";

function receiptOf(over: Partial<PaymentReceipt> = {}): PaymentReceipt {
  return {
    locale: "ko",
    paymentId: 42,
    receivedOn: "2026-03-16",
    method: "bank_transfer",
    reference: "홍길동",
    amountWon: 150_000n,
    creditor: { legalName: "(주)수납테스트", businessNumber: "220-81-62517", representative: "김수납", address: "서울특별시 중구 세종대로 110", creditorText: "(주)수납테스트가 매월 정기 수납합니다." },
    payer: { payerCode: "P-0001", name: "홍길동", businessNumberMasked: null },
    allocations: [
      { invoiceNumber: "2026-000001", periodStart: "2026-01-01", periodEnd: "2026-01-31", amountWon: 55_000n },
      { invoiceNumber: "2026-000007", periodStart: "2026-02-01", periodEnd: "2026-02-28", amountWon: 55_000n },
    ],
    otherInvoicesWon: 0n,
    creditWon: 40_000n,
    voided: null,
    asOf: "2026-03-16",
    ...over,
  };
}

describe("payment receipt layout", () => {
  it("words who paid whom, when, how, how much, the invoices settled and the credit kept", () => {
    const text = paymentReceiptText(paymentReceiptLayout(receiptOf())).join("\n");
    for (const expected of [
      "영수증",
      "영수증 번호: R-000042",
      "수납일: 2026-03-16",
      "수납 방법: 계좌이체",
      "입금자/참조: 홍길동",
      "상호: (주)수납테스트",
      "납부자번호: P-0001",
      "수납 금액: 150,000원",
      "2026-000001 | 2026-01-01 ~ 2026-01-31 | 55,000원",
      "2026-000007 | 2026-02-01 ~ 2026-02-28 | 55,000원",
      "선수금으로 보관: 40,000원",
      "위 금액 150,000원을(를) 정히 영수합니다.",
    ]) {
      expect(text).toContain(expected);
    }
    expect(paymentReceiptLayout(receiptOf()).stamp).toBeNull();
  });

  it("sums invoices the viewer may not see into one line, and stamps a voided payment", () => {
    const layout = paymentReceiptLayout(receiptOf({ allocations: [], otherInvoicesWon: 110_000n, creditWon: 0n, voided: { on: "2026-03-17", reason: "중복 입력" } }));
    expect(layout.table.rows).toEqual([]);
    expect(layout.totals).toEqual([
      ["기타 청구서 적용", "110,000원"],
      ["수납 취소", "2026-03-17 · 중복 입력"],
    ]);
    expect(layout.stamp).toBe("취소");
  });

  it("says so when nothing went to an invoice, and words the receipt in English", () => {
    const layout = paymentReceiptLayout(receiptOf({ locale: "en", allocations: [], creditWon: 150_000n, method: "cash" }));
    expect(layout.table.rows).toEqual([["No invoice", "", ""]]);
    expect(paymentReceiptText(layout)).toContain("Method: Cash");
    expect(paymentReceiptText(layout)).toContain("Kept as customer credit: ₩150,000");
  });
});

describe("payment receipt PDF", () => {
  it("is a one-page PDF whose text carries the receipt number, the amount, the date and the invoices", async () => {
    const bytes = await renderPaymentReceiptPdf(receiptOf({ voided: { on: "2026-03-17", reason: null } }));
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBe(1);
    for (const expected of ["영수증", "R-000042", "150,000원", "2026-03-16", "2026-000007", "40,000원", "취소"]) expect(text).toContain(expected);
  }, 30_000);
});
