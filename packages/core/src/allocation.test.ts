import { describe, expect, it } from "vitest";
import { allocatePayment, type AllocationMode, type AllocationResult, type OpenInvoice } from "./allocation.ts";
import { DomainError } from "./domain-error.ts";

// A payer's open invoices, deliberately listed out of order.
const MARCH: OpenInvoice = { id: 3, dueOn: "2026-03-25", issueOn: "2026-03-01", number: "2026-000030", openWon: 30_000n };
const JANUARY: OpenInvoice = { id: 1, dueOn: "2026-01-25", issueOn: "2026-01-01", number: "2026-000010", openWon: 10_000n };
const FEBRUARY: OpenInvoice = { id: 2, dueOn: "2026-02-25", issueOn: "2026-02-01", number: "2026-000020", openWon: 20_000n };
const PAID: OpenInvoice = { id: 9, dueOn: "2025-12-25", issueOn: "2025-12-01", number: "2025-000090", openWon: 0n };
const INVOICES = [MARCH, PAID, JANUARY, FEBRUARY];
const OLDEST: AllocationMode = { kind: "oldest_due" };

function failure(fn: () => unknown): { code: string; field: string | undefined; params: Record<string, string | number> } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, params: error.params };
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("allocatePayment, oldest due first", () => {
  const cases: { name: string; amountWon: bigint; invoices: OpenInvoice[]; expected: AllocationResult }[] = [
    {
      name: "pays January, then February, and part of March",
      amountWon: 45_000n,
      invoices: INVOICES,
      expected: { allocations: [{ invoiceId: 1, amountWon: 10_000n }, { invoiceId: 2, amountWon: 20_000n }, { invoiceId: 3, amountWon: 15_000n }], creditWon: 0n },
    },
    { name: "pays part of the oldest invoice only", amountWon: 4_000n, invoices: INVOICES, expected: { allocations: [{ invoiceId: 1, amountWon: 4_000n }], creditWon: 0n } },
    {
      name: "pays exactly everything that is open, leaving no credit",
      amountWon: 60_000n,
      invoices: INVOICES,
      expected: { allocations: [{ invoiceId: 1, amountWon: 10_000n }, { invoiceId: 2, amountWon: 20_000n }, { invoiceId: 3, amountWon: 30_000n }], creditWon: 0n },
    },
    {
      name: "keeps an overpayment as customer credit",
      amountWon: 75_000n,
      invoices: INVOICES,
      expected: { allocations: [{ invoiceId: 1, amountWon: 10_000n }, { invoiceId: 2, amountWon: 20_000n }, { invoiceId: 3, amountWon: 30_000n }], creditWon: 15_000n },
    },
    { name: "turns a payment into credit when nothing is open", amountWon: 5_000n, invoices: [PAID], expected: { allocations: [], creditWon: 5_000n } },
    { name: "turns a payment into credit when the payer has no invoices", amountWon: 1n, invoices: [], expected: { allocations: [], creditWon: 1n } },
    {
      name: "breaks a tie on due date by the earlier issue date",
      amountWon: 5_000n,
      invoices: [
        { id: 20, dueOn: "2026-04-30", issueOn: "2026-04-10", number: "2026-000001", openWon: 5_000n },
        { id: 21, dueOn: "2026-04-30", issueOn: "2026-04-01", number: "2026-000002", openWon: 5_000n },
      ],
      expected: { allocations: [{ invoiceId: 21, amountWon: 5_000n }], creditWon: 0n },
    },
    {
      name: "breaks a tie on due and issue date by the lower invoice number",
      amountWon: 7_000n,
      invoices: [
        { id: 30, dueOn: "2026-04-30", issueOn: "2026-04-01", number: "2026-000012", openWon: 5_000n },
        { id: 31, dueOn: "2026-04-30", issueOn: "2026-04-01", number: "2026-000011", openWon: 5_000n },
      ],
      expected: { allocations: [{ invoiceId: 31, amountWon: 5_000n }, { invoiceId: 30, amountWon: 2_000n }], creditWon: 0n },
    },
  ];
  it.each(cases)("$name", ({ amountWon, invoices, expected }) => {
    expect(allocatePayment({ amountWon, invoices, mode: OLDEST })).toEqual(expected);
  });

  it("does not reorder the caller's list", () => {
    const invoices = [...INVOICES];
    allocatePayment({ amountWon: 45_000n, invoices, mode: OLDEST });
    expect(invoices).toEqual(INVOICES);
  });
});

describe("allocatePayment, chosen by finance", () => {
  it("applies exactly the chosen amounts, in the order given, and keeps the rest as credit", () => {
    const mode: AllocationMode = { kind: "chosen", allocations: [{ invoiceId: 3, amountWon: 30_000n }, { invoiceId: 1, amountWon: 2_500n }] };
    expect(allocatePayment({ amountWon: 40_000n, invoices: INVOICES, mode })).toEqual({ allocations: mode.allocations, creditWon: 7_500n });
  });

  it("may choose no invoice at all: the whole payment becomes credit", () => {
    expect(allocatePayment({ amountWon: 9_000n, invoices: INVOICES, mode: { kind: "chosen", allocations: [] } })).toEqual({ allocations: [], creditWon: 9_000n });
  });

  const refusals: { name: string; amountWon: bigint; allocations: { invoiceId: number; amountWon: bigint }[]; code: string; field: string }[] = [
    { name: "an invoice the payer does not have", amountWon: 10_000n, allocations: [{ invoiceId: 1, amountWon: 1_000n }, { invoiceId: 77, amountWon: 1_000n }], code: "payment.allocation_not_open", field: "allocations.1.invoiceId" },
    { name: "an invoice already paid", amountWon: 10_000n, allocations: [{ invoiceId: 9, amountWon: 1_000n }], code: "payment.allocation_not_open", field: "allocations.0.invoiceId" },
    { name: "the same invoice twice", amountWon: 10_000n, allocations: [{ invoiceId: 2, amountWon: 1_000n }, { invoiceId: 2, amountWon: 1_000n }], code: "payment.allocation_duplicate", field: "allocations.1.invoiceId" },
    { name: "a zero amount", amountWon: 10_000n, allocations: [{ invoiceId: 2, amountWon: 0n }], code: "payment.allocation_not_positive", field: "allocations.0.amountWon" },
    { name: "a negative amount", amountWon: 10_000n, allocations: [{ invoiceId: 1, amountWon: 5n }, { invoiceId: 2, amountWon: -5n }], code: "payment.allocation_not_positive", field: "allocations.1.amountWon" },
    { name: "more than the invoice's open amount", amountWon: 50_000n, allocations: [{ invoiceId: 1, amountWon: 10_001n }], code: "payment.allocation_over_open", field: "allocations.0.amountWon" },
    {
      name: "more in total than the payment, naming the allocation that crosses it",
      amountWon: 25_000n,
      allocations: [{ invoiceId: 1, amountWon: 10_000n }, { invoiceId: 2, amountWon: 10_000n }, { invoiceId: 3, amountWon: 5_001n }],
      code: "payment.allocation_over_payment",
      field: "allocations.2.amountWon",
    },
  ];
  it.each(refusals)("refuses $name", ({ amountWon, allocations, code, field }) => {
    expect(failure(() => allocatePayment({ amountWon, invoices: INVOICES, mode: { kind: "chosen", allocations } }))).toMatchObject({ code, field });
  });

  it("says in the message how much is open, grouped by thousands", () => {
    const error = failure(() => allocatePayment({ amountWon: 50_000n, invoices: INVOICES, mode: { kind: "chosen", allocations: [{ invoiceId: 3, amountWon: 30_001n }] } }));
    expect(error.params).toEqual({ number: "2026-000030", openWon: "30,000" });
  });
});

describe("allocatePayment refuses a payment that is not positive", () => {
  it.each([0n, -1n, -10_000n])("refuses %s won on the amount field", (amountWon) => {
    expect(failure(() => allocatePayment({ amountWon, invoices: INVOICES, mode: OLDEST }))).toMatchObject({ code: "payment.amount_not_positive", field: "amountWon" });
  });
});
