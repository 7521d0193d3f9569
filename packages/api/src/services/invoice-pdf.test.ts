import { describe, expect, it } from "vitest";
import { readPdf } from "../testing/pdf-text.ts";
import type { InvoiceDocument } from "./invoice-document.ts";
import { invoiceLayout, invoiceLayoutText, renderInvoicePdf } from "./invoice-pdf.ts";

function documentOf(over: Partial<InvoiceDocument> = {}): InvoiceDocument {
  return {
    locale: "ko",
    invoiceId: 12,
    number: "2026-000012",
    issueOn: "2026-03-01",
    dueOn: "2026-03-25",
    asOf: "2026-03-16",
    period: { start: "2026-03-01", end: "2026-03-31", key: "2026-03" },
    creditor: {
      legalName: "(주)수납테스트",
      businessNumber: "220-81-62517",
      representative: "김수납",
      address: "서울특별시 중구 세종대로 110",
      creditorText: "(주)수납테스트가 매월 정기 수납합니다.",
      settlementBankName: "신한은행",
      settlementAccount: "110-123-456789",
    },
    payer: { payerCode: "P-0001", name: "홍길동", phoneMasked: "010-****-5678" },
    store: { code: "S-A", name: "강남점" },
    contract: { id: 3, title: "로열티 계약", pluginName: "프랜차이즈 로열티" },
    lines: [
      { label: "로열티", basis: "월 매출 10,000,000원 × 5%", amountWon: 500_000n, isVat: false },
      { label: "마케팅 분담금", basis: null, amountWon: 100_000n, isVat: false },
      { label: "부가세", basis: "600,000원 × 10%", amountWon: 60_000n, isVat: true },
    ],
    supplyWon: 600_000n,
    vatWon: 60_000n,
    totalWon: 660_000n,
    paidWon: 0n,
    openWon: 660_000n,
    status: "open",
    overdue: false,
    creditNotes: [],
    creditedWon: 0n,
    voided: null,
    collection: { method: "cms", bankName: "국민은행", accountMasked: "**********0001", debitOn: "2026-03-25", text: "자동이체(CMS) — 국민은행 **********0001 에서 2026-03-25 출금" },
    ...over,
  };
}

describe("invoice layout", () => {
  it("words every field of the statement in Korean: number, dates, parties, lines, supply/VAT/total, due, collection, status", () => {
    const text = invoiceLayoutText(invoiceLayout(documentOf())).join("\n");
    for (const expected of [
      "청구서",
      "청구번호: 2026-000012",
      "발행일: 2026-03-01",
      "납부기한: 2026-03-25",
      "청구기간: 2026-03-01 ~ 2026-03-31",
      "상호: (주)수납테스트",
      "사업자등록번호: 220-81-62517",
      "성명: 홍길동",
      "납부자번호: P-0001",
      "휴대전화: 010-****-5678",
      "매장: 강남점 (S-A)",
      "계약: 프랜차이즈 로열티 · 로열티 계약",
      "항목 | 산출근거 | 금액",
      "로열티 | 월 매출 10,000,000원 × 5% | 500,000원",
      "마케팅 분담금 |  | 100,000원",
      "공급가액: 600,000원",
      "부가세: 60,000원",
      "청구금액 합계: 660,000원",
      "납부하실 금액: 660,000원 · 2026-03-25 까지",
      "자동이체(CMS) — 국민은행 **********0001 에서 2026-03-25 출금",
      "수납액: 0원",
      "미납액: 660,000원",
      "상태: 미납 (2026-03-16 기준)",
      "(주)수납테스트가 매월 정기 수납합니다.",
    ]) {
      expect(text).toContain(expected);
    }
    expect(invoiceLayout(documentOf()).stamp).toBeNull();
  });

  it("leaves out supply and VAT when no line charged VAT, and words the statement in English", () => {
    const layout = invoiceLayout(documentOf({ locale: "en", lines: [{ label: "Plan", basis: null, amountWon: 9_900n, isVat: false }], supplyWon: 9_900n, vatWon: 0n, totalWon: 9_900n, openWon: 9_900n }));
    expect(layout.totals).toEqual([["Total", "₩9,900"]]);
    expect(invoiceLayoutText(layout)).toContain("Due: 2026-03-25");
    expect(layout.due.value).toBe("₩9,900 · by 2026-03-25");
  });

  it("stamps a paid invoice 완납 and a void one 무효, and a void invoice asks for nothing", () => {
    expect(invoiceLayout(documentOf({ status: "paid", paidWon: 660_000n, openWon: 0n })).stamp).toBe("완납");
    const voided = invoiceLayout(documentOf({ status: "void", openWon: 0n, voided: { on: "2026-03-10", reason: "중복 청구" } }));
    expect(voided.stamp).toBe("무효");
    expect(voided.due.value).toBe("없음 (무효 처리된 청구서)");
    expect(invoiceLayout(documentOf({ status: "paid", paidWon: 660_000n, openWon: 0n })).due.value).toBe("0원 (완납)");
    expect(invoiceLayoutText(voided)).toContain("무효 처리: 2026-03-10 · 중복 청구");
    expect(voided.collection.text).toBe("무효 처리된 청구서이므로 수납하지 않습니다.");
  });

  it("shows a negative open amount as nothing owed plus the excess received", () => {
    const text = invoiceLayoutText(invoiceLayout(documentOf({ status: "void", paidWon: 20_000n, openWon: -20_000n, voided: { on: "2026-03-10", reason: null } })));
    expect(text).toContain("미납액: 0원");
    expect(text).toContain("초과 수납액: 20,000원");
    expect(invoiceLayoutText(invoiceLayout(documentOf()))).not.toContain("초과 수납액: 0원");
  });

  it("marks an overdue invoice in its status", () => {
    const text = invoiceLayoutText(invoiceLayout(documentOf({ status: "partially_paid", overdue: true, paidWon: 100_000n, openWon: 560_000n, asOf: "2026-04-01" })));
    expect(text).toContain("상태: 부분 납부 · 연체 (2026-04-01 기준)");
  });
});

describe("invoice layout with credit notes", () => {
  it("lists each credit note and the open amount after them, and stamps an invoice credited in full 감액", () => {
    const partial = invoiceLayoutText(invoiceLayout(documentOf({ creditNotes: [{ number: "CN-2026-000001", issueOn: "2026-03-10", totalWon: 110_000n, reason: "일시정지" }], creditedWon: 110_000n, openWon: 550_000n })));
    expect(partial).toContain("감액 청구서: CN-2026-000001 (2026-03-10) 일시정지 −110,000원");
    expect(partial).toContain("감액 합계: 110,000원");
    expect(partial).toContain("감액 후 미납액: 550,000원");
    const whole = invoiceLayout(documentOf({ creditNotes: [{ number: "CN-2026-000002", issueOn: "2026-03-10", totalWon: 660_000n, reason: "해지" }], creditedWon: 660_000n, openWon: 0n, status: "credited" }));
    expect(whole.stamp).toBe("감액");
    expect(whole.due.value).toBe("0원 (전액 감액)");
  });
});

describe("invoice PDF", () => {
  it("is a one-page A4 PDF whose text carries the number, the total, the due date and the collection", async () => {
    const bytes = await renderInvoicePdf(documentOf());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { pages, text } = await readPdf(bytes);
    expect(pages).toBe(1);
    for (const expected of ["청구서", "2026-000012", "660,000원", "2026-03-25", "국민은행", "홍길동", "월 매출 10,000,000원 × 5%"]) expect(text).toContain(expected);
  }, 30_000);

  it("carries the void stamp on the page", async () => {
    const { text } = await readPdf(await renderInvoicePdf(documentOf({ status: "void", openWon: 0n, voided: { on: "2026-03-10", reason: "중복" } })));
    expect(text).toContain("무효");
  }, 30_000);

  it("continues a long lines table on further pages, every line present, with page numbers", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ label: `항목 ${i + 1}`, basis: `근거 ${i + 1}`, amountWon: 1_000n, isVat: false }));
    const { pages, text } = await readPdf(await renderInvoicePdf(documentOf({ lines, supplyWon: 60_000n, vatWon: 0n, totalWon: 60_000n, openWon: 60_000n })));
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= 60; i++) expect(text).toContain(`항목 ${i} 근거 ${i} 1,000원`);
    expect(text.split("\n").filter((page) => page.startsWith("항목 산출근거 금액")).length).toBe(pages - 1); // the header repeats
    expect(text).toContain(`1 / ${pages}`);
    expect(text).toContain("60,000원");
  }, 30_000);
});
