import { describe, expect, it } from "vitest";
import { invoiceStatus, type InvoiceStatusInput } from "./invoice-status.ts";

describe("invoiceStatus", () => {
  const cases: { name: string; input: InvoiceStatusInput; expected: ReturnType<typeof invoiceStatus> }[] = [
    { name: "nothing paid yet, before the due date: open", input: { totalWon: 55_000n, openWon: 55_000n, voided: false, dueOn: "2026-03-25", today: "2026-03-16" }, expected: { status: "open", overdue: false } },
    { name: "nothing paid on the due date itself: open, not yet overdue", input: { totalWon: 55_000n, openWon: 55_000n, voided: false, dueOn: "2026-03-25", today: "2026-03-25" }, expected: { status: "open", overdue: false } },
    { name: "nothing paid the day after the due date: open and overdue", input: { totalWon: 55_000n, openWon: 55_000n, voided: false, dueOn: "2026-03-25", today: "2026-03-26" }, expected: { status: "open", overdue: true } },
    { name: "part paid: partially paid", input: { totalWon: 55_000n, openWon: 5_000n, voided: false, dueOn: "2026-03-25", today: "2026-03-16" }, expected: { status: "partially_paid", overdue: false } },
    { name: "part paid after the due date: partially paid and overdue", input: { totalWon: 55_000n, openWon: 1n, voided: false, dueOn: "2026-02-28", today: "2026-03-01" }, expected: { status: "partially_paid", overdue: true } },
    { name: "fully paid: paid, never overdue", input: { totalWon: 55_000n, openWon: 0n, voided: false, dueOn: "2026-01-25", today: "2026-03-16" }, expected: { status: "paid", overdue: false } },
    { name: "an open amount below zero (more received than billed) counts as paid, nothing owed", input: { totalWon: 55_000n, openWon: -5_000n, voided: false }, expected: { status: "paid", overdue: false } },
    { name: "voided with money still open: void, never overdue", input: { totalWon: 55_000n, openWon: 55_000n, voided: true, dueOn: "2026-01-25", today: "2026-03-16" }, expected: { status: "void", overdue: false } },
    { name: "credit notes took back part and nothing was paid: still open on what is left", input: { totalWon: 55_000n, openWon: 33_000n, creditedWon: 22_000n, voided: false }, expected: { status: "open", overdue: false } },
    { name: "credit notes took back part and some of the rest was paid: partially paid", input: { totalWon: 55_000n, openWon: 10_000n, creditedWon: 22_000n, voided: false }, expected: { status: "partially_paid", overdue: false } },
    { name: "credit notes took back part and the rest was paid: paid", input: { totalWon: 55_000n, openWon: 0n, creditedWon: 22_000n, voided: false }, expected: { status: "paid", overdue: false } },
    { name: "credit notes took back the whole invoice, nothing collected: credited, never overdue", input: { totalWon: 55_000n, openWon: 0n, creditedWon: 55_000n, voided: false, dueOn: "2026-01-25", today: "2026-03-16" }, expected: { status: "credited", overdue: false } },
    { name: "paid in full, then credited in full (the money went to customer credit): credited", input: { totalWon: 55_000n, openWon: 0n, creditedWon: 55_000n, voided: false }, expected: { status: "credited", overdue: false } },
    { name: "credited part, then overdue on what is left", input: { totalWon: 55_000n, openWon: 33_000n, creditedWon: 22_000n, voided: false, dueOn: "2026-03-25", today: "2026-03-26" }, expected: { status: "open", overdue: true } },
    { name: "no date to compare with: not overdue", input: { totalWon: 10_000n, openWon: 10_000n, voided: false, dueOn: "2026-01-25" }, expected: { status: "open", overdue: false } },
  ];
  it.each(cases)("$name", ({ input, expected }) => {
    expect(invoiceStatus(input)).toEqual(expected);
  });
});
