import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { CORE_ACCOUNTS, DomainError, type Posting } from "@sunap/core";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { syncChartOfAccounts } from "./chart-repository.ts";
import { balanceAsOf, postEntries, postEntry, trialBalance } from "./ledger-repository.ts";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncChartOfAccounts(t.db, [...CORE_ACCOUNTS, { code: "revenue_test", name: { ko: "테스트 매출", en: "Test revenue" }, type: "revenue" }]);
});
afterAll(async () => {
  await t.drop();
});

const sale = (key: string, amount: bigint, effectiveOn = "2026-11-10", invoiceId = 1): Posting => ({
  effectiveOn,
  kind: "invoice",
  source: "test",
  idempotencyKey: key,
  lines: [
    { accountCode: "receivables", amountWon: amount, invoiceId, payerId: 7, storeId: null },
    { accountCode: "revenue_test", amountWon: -(amount - amount / 11n), payerId: 7 },
    { accountCode: "vat_payable", amountWon: -(amount / 11n), payerId: 7 },
  ],
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof DomainError ? error.code : (error as Error).message;
  }
  return "no error";
}

describe("posting many entries at once", () => {
  it("writes every entry with its lines and returns them in input order", async () => {
    const postings = [sale("bulk-1", 11_000n), sale("bulk-2", 22_000n, "2026-11-11", 2), sale("bulk-3", 33_000n, "2026-11-12", 3)];
    const posted = await t.db.$transaction((tx) => postEntries(tx, postings, 5));
    expect(posted.map((p) => [p.idempotencyKey, p.created, p.effectiveOn])).toEqual([["bulk-1", true, "2026-11-10"], ["bulk-2", true, "2026-11-11"], ["bulk-3", true, "2026-11-12"]]);
    const lines = await t.db.journalLine.findMany({ where: { entryId: posted[1]!.id }, orderBy: { id: "asc" } });
    expect(lines.map((l) => [l.accountCode, l.amountWon, l.invoiceId])).toEqual([["receivables", 22_000n, 2], ["revenue_test", -20_000n, null], ["vat_payable", -2_000n, null]]);
    expect((await t.db.journalEntry.findUniqueOrThrow({ where: { id: posted[0]!.id } })).createdById).toBe(5);
  });

  it("writes the same lines as postEntry, column by column: nulls, stores, dates and amounts beyond 2^53", async () => {
    const storeId = (await t.db.store.create({ data: { code: "LINES", name: "테스트점", region: "서울", openedOn: new Date("2024-01-01T00:00:00Z") } })).id;
    const posting = (key: string): Posting => ({
      effectiveOn: "2026-11-20",
      kind: "invoice",
      source: "test",
      memo: "lines",
      idempotencyKey: key,
      lines: [
        { accountCode: "receivables", amountWon: 9_007_199_254_740_993n, payerId: 7, invoiceId: 70, storeId },
        { accountCode: "revenue_test", amountWon: -9_007_199_254_740_000n, storeId },
        { accountCode: "vat_payable", amountWon: -993n },
      ],
    });
    const one = await t.db.$transaction((tx) => postEntry(tx, posting("lines-one"), null));
    const [bulk] = await t.db.$transaction((tx) => postEntries(tx, [sale("lines-other", 1_100n, "2026-11-20", 99), posting("lines-bulk")], null).then((p) => p.slice(1)));
    const linesOf = async (entryId: number) =>
      (await t.db.journalLine.findMany({ where: { entryId }, orderBy: { id: "asc" } })).map(({ id: _id, entryId: _entry, ...line }) => line);
    const expected = await linesOf(one.id);
    expect(expected.map((l) => [l.amountWon, l.payerId, l.storeId, l.invoiceId, l.effectiveOn.toISOString().slice(0, 10)])).toEqual([
      [9_007_199_254_740_993n, 7, storeId, 70, "2026-11-20"],
      [-9_007_199_254_740_000n, null, storeId, null, "2026-11-20"],
      [-993n, null, null, null, "2026-11-20"],
    ]);
    expect(await linesOf(bulk!.id)).toEqual(expected);
  });

  it("posts a key seen before, or twice in the batch, once, and says it was replayed", async () => {
    const before = await t.db.journalEntry.count();
    await t.db.$transaction((tx) => postEntry(tx, sale("bulk-replay-a", 1_100n), null));
    const posted = await t.db.$transaction((tx) => postEntries(tx, [sale("bulk-replay-a", 9_900n), sale("bulk-replay-b", 2_200n), sale("bulk-replay-b", 4_400n)], null));
    expect(posted.map((p) => p.created)).toEqual([false, true, false]);
    expect(posted[1]!.id).toBe(posted[2]!.id);
    expect(await t.db.journalEntry.count()).toBe(before + 2);
    expect(await balanceAsOf(t.db, { asOf: "2026-12-31", invoiceId: 1, accountCode: "receivables" })).toBe(11_000n + 1_100n + 2_200n);
  });

  it("refuses the whole batch, writing nothing, when one entry is unbalanced, names an unknown account or falls in a closed month", async () => {
    const before = await t.db.journalEntry.count();
    const unbalanced = { ...sale("bulk-bad-1", 1_000n), lines: [{ accountCode: "receivables", amountWon: 1_000n }, { accountCode: "revenue_test", amountWon: -999n }] };
    expect(await codeOf(t.db.$transaction((tx) => postEntries(tx, [sale("bulk-ok-1", 1_100n), unbalanced], null)))).toBe("ledger.unbalanced");
    const unknown = { ...sale("bulk-bad-2", 1_000n), lines: [{ accountCode: "receivables", amountWon: 1_000n }, { accountCode: "nowhere", amountWon: -1_000n }] };
    expect(await codeOf(t.db.$transaction((tx) => postEntries(tx, [unknown], null)))).toBe("ledger.unknown_account");
    await t.db.accountingPeriod.create({ data: { month: new Date("2026-01-01T00:00:00Z"), closedAt: new Date() } });
    expect(await codeOf(t.db.$transaction((tx) => postEntries(tx, [sale("bulk-ok-2", 1_100n), sale("bulk-closed", 1_100n, "2026-01-20")], null)))).toBe("ledger.period_closed");
    expect(await t.db.journalEntry.count()).toBe(before);
  });

  it("keeps the whole ledger balanced for any batch of balanced postings, replayed or not (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.integer({ min: 1, max: 30 }), amount: fc.bigInt({ min: 11n, max: 10_000_000n }) }), { minLength: 1, maxLength: 15 }), async (items) => {
        await t.db.$transaction((tx) => postEntries(tx, items.map((i) => sale(`bulk-prop-${i.key}`, i.amount)), null));
        const balances = await trialBalance(t.db, { asOf: "2026-12-31" });
        expect(balances.reduce((sum, b) => sum + b.balanceWon, 0n)).toBe(0n);
        expect(await t.db.journalEntry.count({ where: { idempotencyKey: { in: items.map((i) => `bulk-prop-${i.key}`) } } })).toBe(new Set(items.map((i) => i.key)).size);
      }),
      { numRuns: 25 },
    );
  });
});
