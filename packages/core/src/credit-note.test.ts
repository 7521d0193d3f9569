import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { creditNoteIdempotencyKey, creditNoteNumber, planCreditNote, supplyAndVatLines, type CreditNoteInvoice, type CreditableInvoiceLine } from "./credit-note.ts";
import { DomainError } from "./domain-error.ts";

const gym: CreditableInvoiceLine[] = [
  { position: 1, labelKo: "헬스 월회원", labelEn: "Gym monthly", amountWon: 50_000n, creditAccount: "revenue_subscription" },
  { position: 2, labelKo: "부가세", labelEn: "VAT", amountWon: 5_000n, creditAccount: "vat_payable" },
];
const invoice = (over: Partial<CreditNoteInvoice> = {}): CreditNoteInvoice => ({ totalWon: 55_000n, openWon: 55_000n, creditedWon: 0n, lines: gym, creditedByPosition: new Map(), ...over });

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.field ?? ""}`.trim();
    throw error;
  }
  return "no error";
}

describe("planCreditNote", () => {
  it("debits each line's invoice account by default and credits the receivable while the invoice is unpaid", () => {
    const plan = planCreditNote(invoice(), [
      { invoiceLinePosition: 1, labelKo: "일시정지 환급", labelEn: "Pause refund", amountWon: 20_000n },
      { invoiceLinePosition: 2, labelKo: "부가세", labelEn: "VAT", amountWon: 2_000n },
    ]);
    expect(plan.lines.map((l) => [l.position, l.invoiceLinePosition, l.debitAccount, l.amountWon])).toEqual([
      [1, 1, "revenue_subscription", 20_000n],
      [2, 2, "vat_payable", 2_000n],
    ]);
    expect(plan).toMatchObject({ totalWon: 22_000n, receivableWon: 22_000n, toCustomerCreditWon: 0n });
  });

  it("sends what was already paid to the payer's credit: receivable only up to the open amount", () => {
    const plan = planCreditNote(invoice({ openWon: 5_000n }), [{ invoiceLinePosition: 1, labelKo: "감액", labelEn: "Credit", amountWon: 12_000n }]);
    expect(plan).toMatchObject({ totalWon: 12_000n, receivableWon: 5_000n, toCustomerCreditWon: 7_000n });
  });

  it("refuses more than a line has left after earlier notes, naming the line and what is left", () => {
    expect(codeOf(() => planCreditNote(invoice({ creditedByPosition: new Map([[1, 45_000n]]), creditedWon: 45_000n }), [{ invoiceLinePosition: 1, labelKo: "a", labelEn: "a", amountWon: 5_001n }]))).toBe(
      "credit_note.exceeds_line lines.0.amountWon",
    );
    // Two lines of the same note against one invoice line count together.
    expect(
      codeOf(() =>
        planCreditNote(invoice(), [
          { invoiceLinePosition: 2, labelKo: "a", labelEn: "a", amountWon: 3_000n },
          { invoiceLinePosition: 2, labelKo: "b", labelEn: "b", amountWon: 2_001n },
        ]),
      ),
    ).toBe("credit_note.exceeds_line lines.1.amountWon");
  });

  it("refuses zero, unknown lines, free lines without an account and more than the invoice's total", () => {
    expect(codeOf(() => planCreditNote(invoice(), []))).toBe("credit_note.no_lines lines");
    expect(codeOf(() => planCreditNote(invoice(), [{ invoiceLinePosition: 1, labelKo: "a", labelEn: "a", amountWon: 0n }]))).toBe("credit_note.amount_not_positive lines.0.amountWon");
    expect(codeOf(() => planCreditNote(invoice(), [{ invoiceLinePosition: 9, labelKo: "a", labelEn: "a", amountWon: 1n }]))).toBe("credit_note.unknown_line lines.0.invoiceLinePosition");
    expect(codeOf(() => planCreditNote(invoice(), [{ labelKo: "a", labelEn: "a", amountWon: 1n }]))).toBe("credit_note.account_required lines.0.debitAccount");
    expect(codeOf(() => planCreditNote(invoice({ creditedWon: 50_000n }), [{ labelKo: "호의 할인", labelEn: "Goodwill", amountWon: 5_001n, debitAccount: "revenue_subscription" }]))).toBe("credit_note.exceeds_invoice lines");
  });
});

describe("supplyAndVatLines", () => {
  it("takes back supply and 10% VAT truncated to the won, from the lines the invoice was built of", () => {
    expect(supplyAndVatLines(invoice(), 16_129n)).toEqual([
      { invoiceLinePosition: 1, labelKo: "헬스 월회원 감액", labelEn: "Gym monthly credit", amountWon: 16_129n },
      { invoiceLinePosition: 2, labelKo: "부가세 감액", labelEn: "VAT credit", amountWon: 1_612n },
    ]);
  });

  it("gives no VAT line for an invoice without VAT, and refuses more supply than is left", () => {
    const exempt = invoice({ lines: [gym[0]!] });
    expect(supplyAndVatLines(exempt, 10_000n)).toHaveLength(1);
    expect(codeOf(() => supplyAndVatLines(exempt, 50_001n))).toBe("credit_note.exceeds_invoice supplyWon");
  });
});

describe("credit note numbers and keys", () => {
  it("numbers gaplessly per year and keys by invoice", () => {
    expect(creditNoteNumber(2026, 12)).toBe("CN-2026-000012");
    expect(creditNoteIdempotencyKey(42, "pause:2026-03")).toBe("credit-note:v1:42:pause:2026-03");
  });
});

describe("credit note invariants (property)", () => {
  const lineArb = fc.record({ amountWon: fc.bigInt({ min: -5_000n, max: 200_000n }), vat: fc.boolean() });
  const invoiceArb = fc
    .array(lineArb, { minLength: 1, maxLength: 5 })
    .chain((raw) => {
      const lines: CreditableInvoiceLine[] = raw.map((l, i) => ({ position: i + 1, labelKo: `항목${i + 1}`, labelEn: `Item ${i + 1}`, amountWon: l.amountWon, creditAccount: l.vat ? "vat_payable" : "revenue" }));
      const totalWon = lines.reduce((s, l) => s + l.amountWon, 0n);
      return fc.record({
        lines: fc.constant(lines),
        totalWon: fc.constant(totalWon),
        openWon: fc.bigInt({ min: -10_000n, max: totalWon > 0n ? totalWon : 0n }),
        requests: fc.array(fc.record({ position: fc.integer({ min: 1, max: lines.length }), amountWon: fc.bigInt({ min: 1n, max: 250_000n }) }), { minLength: 1, maxLength: 6 }),
      });
    })
    .filter((i) => i.totalWon > 0n);

  it("never takes back more than a line's amount or the invoice's total, and splits exactly into receivable plus customer credit", () => {
    fc.assert(
      fc.property(invoiceArb, ({ lines, totalWon, openWon, requests }) => {
        const creditedByPosition = new Map<number, bigint>();
        let creditedWon = 0n;
        let open = openWon;
        // Notes issued one after the other, as the service does: each sees what the earlier ones took.
        for (const request of requests) {
          let plan;
          try {
            plan = planCreditNote({ totalWon, openWon: open, creditedWon, lines, creditedByPosition }, [{ invoiceLinePosition: request.position, labelKo: "감액", labelEn: "Credit", amountWon: request.amountWon }]);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            continue;
          }
          expect(plan.receivableWon + plan.toCustomerCreditWon).toBe(plan.totalWon);
          expect(plan.receivableWon >= 0n && plan.toCustomerCreditWon >= 0n).toBe(true);
          expect(plan.receivableWon <= (open > 0n ? open : 0n)).toBe(true);
          for (const line of plan.lines) creditedByPosition.set(line.invoiceLinePosition!, (creditedByPosition.get(line.invoiceLinePosition!) ?? 0n) + line.amountWon);
          creditedWon += plan.totalWon;
          open -= plan.receivableWon;
        }
        for (const line of lines) expect((creditedByPosition.get(line.position) ?? 0n) <= (line.amountWon > 0n ? line.amountWon : 0n)).toBe(true);
        expect(creditedWon <= totalWon).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
