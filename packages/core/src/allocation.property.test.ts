import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocatePayment, compareByDue, type Allocation, type AllocationResult, type OpenInvoice } from "./allocation.ts";
import { DomainError } from "./domain-error.ts";

// Dates from a short span so that equal due and issue dates (the tie-breaks) come up often.
const day = fc.integer({ min: 1, max: 6 }).map((d) => `2026-05-0${d}`);
const openWon = fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 50_000n }), fc.bigInt({ min: 1n, max: 10n ** 12n }));

const invoicesArb = fc
  .uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 10_000 }), dueOn: day, issueOn: day, numberSeed: fc.integer({ min: 0, max: 40 }), openWon }), { selector: (i) => i.id, maxLength: 12 })
  .map((rows): OpenInvoice[] => rows.map(({ numberSeed, ...row }) => ({ ...row, number: `2026-${String(numberSeed).padStart(6, "0")}` })));

const amountArb = fc.oneof(fc.bigInt({ min: 1n, max: 100_000n }), fc.bigInt({ min: 1n, max: 10n ** 13n }));

function allocatedTo(result: AllocationResult, invoiceId: number): bigint {
  return result.allocations.filter((a) => a.invoiceId === invoiceId).reduce((s, a) => s + a.amountWon, 0n);
}

/** What must hold of any allocation, whatever the mode. */
function expectSound(amountWon: bigint, invoices: readonly OpenInvoice[], result: AllocationResult): void {
  const allocated = result.allocations.reduce((s, a) => s + a.amountWon, 0n);
  expect(allocated + result.creditWon).toBe(amountWon);
  expect(result.creditWon >= 0n).toBe(true);
  expect(new Set(result.allocations.map((a) => a.invoiceId)).size).toBe(result.allocations.length);
  for (const allocation of result.allocations) {
    const invoice = invoices.find((i) => i.id === allocation.invoiceId);
    expect(invoice).toBeDefined();
    expect(allocation.amountWon > 0n).toBe(true);
    expect(allocation.amountWon <= invoice!.openWon).toBe(true);
  }
}

describe("allocatePayment, oldest due first (properties)", () => {
  it("allocations plus credit always equal the payment; no invoice gets more than it owes; nothing is negative", () => {
    fc.assert(
      fc.property(amountArb, invoicesArb, (amountWon, invoices) => {
        expectSound(amountWon, invoices, allocatePayment({ amountWon, invoices, mode: { kind: "oldest_due" } }));
      }),
      { numRuns: 500 },
    );
  });

  it("an invoice gets money only if every invoice due before it (or tied and earlier) is fully paid", () => {
    fc.assert(
      fc.property(amountArb, invoicesArb, (amountWon, invoices) => {
        const result = allocatePayment({ amountWon, invoices, mode: { kind: "oldest_due" } });
        for (const paid of result.allocations) {
          const invoice = invoices.find((i) => i.id === paid.invoiceId)!;
          for (const earlier of invoices.filter((i) => i.openWon > 0n && compareByDue(i, invoice) < 0)) {
            expect(allocatedTo(result, earlier.id)).toBe(earlier.openWon);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps credit only once every open invoice is paid in full", () => {
    fc.assert(
      fc.property(amountArb, invoicesArb, (amountWon, invoices) => {
        const result = allocatePayment({ amountWon, invoices, mode: { kind: "oldest_due" } });
        if (result.creditWon > 0n) for (const invoice of invoices.filter((i) => i.openWon > 0n)) expect(allocatedTo(result, invoice.id)).toBe(invoice.openWon);
      }),
      { numRuns: 500 },
    );
  });
});

/** A valid choice: some of the open invoices, each with 1..its open amount, and a payment covering them. */
const validChoiceArb = invoicesArb.chain((invoices) => {
  const open = invoices.filter((i) => i.openWon > 0n);
  return fc
    .subarray(open)
    .chain((picked) => fc.tuple(fc.constant(invoices), fc.tuple(...picked.map((i) => fc.bigInt({ min: 1n, max: i.openWon }).map((amountWon): Allocation => ({ invoiceId: i.id, amountWon }))))))
    .chain(([all, allocations]) => {
      const total = allocations.reduce((s, a) => s + a.amountWon, 0n);
      return fc.tuple(fc.constant(all), fc.shuffledSubarray(allocations, { minLength: allocations.length }), fc.bigInt({ min: total > 0n ? total : 1n, max: total + 100_000n }));
    });
});

describe("allocatePayment, chosen by finance (properties)", () => {
  it("respects the choice exactly and keeps only the rest as credit", () => {
    fc.assert(
      fc.property(validChoiceArb, ([invoices, allocations, amountWon]) => {
        const result = allocatePayment({ amountWon, invoices, mode: { kind: "chosen", allocations } });
        expect(result.allocations).toEqual(allocations);
        expect(result.creditWon).toBe(amountWon - allocations.reduce((s, a) => s + a.amountWon, 0n));
        expectSound(amountWon, invoices, result);
      }),
      { numRuns: 300 },
    );
  });

  it("any choice at all is either refused on a named allocation or sound", () => {
    const anyChoice = fc.array(fc.record({ invoiceId: fc.integer({ min: 1, max: 10_000 }), amountWon: fc.bigInt({ min: -10n, max: 60_000n }) }), { maxLength: 6 });
    fc.assert(
      fc.property(amountArb, invoicesArb, anyChoice, (amountWon, invoices, chosen) => {
        // Point some of the random choices at real invoices so that both outcomes occur.
        const allocations = chosen.map((a, i) => (invoices.length > 0 && i % 2 === 0 ? { ...a, invoiceId: invoices[i % invoices.length]!.id } : a));
        let result: AllocationResult;
        try {
          result = allocatePayment({ amountWon, invoices, mode: { kind: "chosen", allocations } });
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).field).toMatch(/^allocations\.\d+\.(invoiceId|amountWon)$/);
          return;
        }
        expect(result.allocations).toEqual(allocations);
        expectSound(amountWon, invoices, result);
      }),
      { numRuns: 500 },
    );
  });
});
