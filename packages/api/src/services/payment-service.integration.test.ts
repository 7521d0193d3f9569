import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { DomainError } from "@sunap/core";
import { createApiHarness, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { issueFixtureInvoice } from "../testing/invoice-fixtures.ts";

let h: ApiHarness;
let finance: CoreCaller;
let seq = 0;

beforeAll(async () => {
  h = await createApiHarness(); // today is 2026-03-16
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});

async function newPayer(): Promise<number> {
  seq += 1;
  return (await finance.payers.create({ payerCode: `CONC-${seq}`, kind: "individual", name: `동시${seq}`, birthDate: "1979-09-09", phone: "010-3000-4000" })).id;
}

const key = () => `svc-${++seq}-${Math.random().toString(36).slice(2, 10)}`;

/** Invariants that must hold for a payer whatever happened: the cache equals the ledger, nothing over-paid, no negative credit. */
async function expectConsistent(payerId: number): Promise<void> {
  const invoices = await h.db.invoice.findMany({ where: { payerId } });
  for (const invoice of invoices) {
    const ledger = await h.db.journalLine.aggregate({ where: { invoiceId: invoice.id, accountCode: "receivables" }, _sum: { amountWon: true } });
    expect(invoice.openWon).toBe(ledger._sum.amountWon ?? 0n);
    expect(invoice.openWon >= 0n && invoice.openWon <= invoice.totalWon).toBe(true);
    const live = await h.db.paymentAllocation.aggregate({ where: { invoiceId: invoice.id, payment: { voidedAt: null } }, _sum: { amountWon: true } });
    expect(invoice.totalWon - (live._sum.amountWon ?? 0n)).toBe(invoice.openWon);
  }
  const credit = await h.db.journalLine.aggregate({ where: { accountCode: "customer_credits", payerId }, _sum: { amountWon: true } });
  expect(-(credit._sum.amountWon ?? 0n) >= 0n).toBe(true);
  const cash = await h.db.journalLine.aggregate({ where: { accountCode: "cash", payerId }, _sum: { amountWon: true } });
  const received = await h.db.payment.aggregate({ where: { payerId, voidedAt: null, method: { not: "customer_credit" } }, _sum: { amountWon: true } });
  expect(cash._sum.amountWon ?? 0n).toBe(received._sum.amountWon ?? 0n);
}

describe("payments under concurrency", () => {
  it("a double-submitted form racing itself records one payment and one entry", async () => {
    const payerId = await newPayer();
    await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-01", dueOn: "2026-03-20", totalWon: 9_000n });
    const request = { payerId, receivedOn: "2026-03-16", amountWon: 9_000n, method: "bank_transfer" as const, idempotencyKey: key() };

    const results = await Promise.all([finance.payments.record(request), finance.payments.record(request), finance.payments.record(request)]);

    expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await h.db.journalEntry.count({ where: { idempotencyKey: `payment:v1:${request.idempotencyKey}` } })).toBe(1);
    await expectConsistent(payerId);
  });

  it("payments racing for the same payer never pay an invoice twice: the overflow becomes credit", async () => {
    const payerId = await newPayer();
    await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-01-01", dueOn: "2026-01-25", totalWon: 10_000n });
    await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-02-01", dueOn: "2026-02-25", totalWon: 10_000n });

    await Promise.all(Array.from({ length: 5 }, () => finance.payments.record({ payerId, receivedOn: "2026-03-16", amountWon: 7_000n, method: "cash", idempotencyKey: key() })));

    expect((await h.db.invoice.findMany({ where: { payerId } })).map((i) => i.openWon)).toEqual([0n, 0n]);
    expect((await finance.payments.payerSummary({ payerId })).customerCreditWon).toBe(15_000n);
    await expectConsistent(payerId);
  });

  it("two credit applications racing for the same credit use it once", async () => {
    const payerId = await newPayer();
    await finance.payments.record({ payerId, receivedOn: "2026-03-16", amountWon: 6_000n, method: "cash", idempotencyKey: key() });
    await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-10", dueOn: "2026-03-31", totalWon: 8_000n });
    await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-11", dueOn: "2026-04-30", totalWon: 8_000n });

    const outcomes = await Promise.allSettled([finance.payments.applyCredit({ payerId, amountWon: 6_000n, idempotencyKey: key() }), finance.payments.applyCredit({ payerId, amountWon: 6_000n, idempotencyKey: key() })]);

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as { cause?: unknown }).cause).toBeInstanceOf(DomainError);
    expect(((refused.reason as { cause: DomainError }).cause).code).toBe("payment.no_credit");
    await expectConsistent(payerId);
  });
});

type Step = { op: "pay"; amountWon: bigint; chosenFirst: boolean } | { op: "credit" } | { op: "void"; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant("pay" as const), amountWon: fc.bigInt({ min: 1n, max: 40_000n }), chosenFirst: fc.boolean() }),
  fc.constant({ op: "credit" as const }),
  fc.record({ op: fc.constant("void" as const), pick: fc.nat(20) }),
);

describe("any sequence of payments, credit applications and voids", () => {
  it("keeps the invoices' open amounts equal to the ledger, never over-pays and never leaves credit negative", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
        const payerId = await newPayer();
        for (const [i, totalWon] of [12_000n, 8_000n, 20_000n].entries()) {
          await issueFixtureInvoice(h.db, { payerId, issueOn: `2026-0${i + 1}-01`, dueOn: `2026-0${i + 1}-25`, totalWon });
        }
        for (const step of steps) {
          try {
            if (step.op === "pay") {
              const first = await h.db.invoice.findFirst({ where: { payerId, openWon: { gt: 0n } }, orderBy: { id: "desc" } });
              const allocation =
                step.chosenFirst && first ? { kind: "chosen" as const, allocations: [{ invoiceId: first.id, amountWon: first.openWon < step.amountWon ? first.openWon : step.amountWon }] } : { kind: "oldest_due" as const };
              await finance.payments.record({ payerId, receivedOn: "2026-03-16", amountWon: step.amountWon, method: "cash", idempotencyKey: key(), allocation });
            } else if (step.op === "credit") {
              await finance.payments.applyCredit({ payerId, idempotencyKey: key() });
            } else {
              const payments = await h.db.payment.findMany({ where: { payerId, voidedAt: null }, orderBy: { id: "asc" } });
              if (payments.length > 0) await finance.payments.void({ id: payments[step.pick % payments.length]!.id, reason: "속성 검사" });
            }
          } catch (error) {
            // Refusals are part of the game (no credit, credit already used); anything else is a failure.
            const code = ((error as { cause?: unknown }).cause as DomainError | undefined)?.code;
            expect(["payment.no_credit", "payment.nothing_open", "payment.credit_already_used"]).toContain(code);
          }
        }
        await expectConsistent(payerId);
      }),
      { numRuns: 12 },
    );
  });
});
