import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import pg from "pg";
import { CORE_ACCOUNTS, DomainError } from "@sunap/core";
import { createTestDatabase, type TestDatabase } from "./testing.ts";
import { syncChartOfAccounts } from "./chart-repository.ts";
import { balanceAsOf, postEntry, trialBalance } from "./ledger-repository.ts";

let t: TestDatabase;
let raw: pg.Client;

beforeAll(async () => {
  t = await createTestDatabase();
  await syncChartOfAccounts(t.db, [...CORE_ACCOUNTS, { code: "revenue_test", name: { ko: "테스트 매출", en: "Test revenue" }, type: "revenue" }]);
  raw = new pg.Client({ connectionString: t.url });
  await raw.connect();
});
afterAll(async () => {
  await raw.end();
  await t.drop();
});

const sale = (key: string, amount: bigint, effectiveOn = "2026-11-10") => ({
  effectiveOn,
  kind: "invoice",
  source: "test",
  idempotencyKey: key,
  lines: [
    { accountCode: "receivables", amountWon: amount, invoiceId: 1, payerId: 7 },
    { accountCode: "revenue_test", amountWon: -amount },
  ],
});

async function errorMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof DomainError ? error.code : (error as Error).message;
  }
  return "no error";
}

describe("ledger in PostgreSQL", () => {
  it("posts a second entry with the same idempotency key once and returns the first", async () => {
    const first = await t.db.$transaction((tx) => postEntry(tx, sale("replay-1", 10_000n), null));
    const second = await t.db.$transaction((tx) => postEntry(tx, sale("replay-1", 99_999n), null));
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    expect(await t.db.journalLine.count({ where: { entryId: first.id } })).toBe(2);
  });

  it("reports balances as of any past date by effective date", async () => {
    await t.db.$transaction((tx) => postEntry(tx, sale("asof-1", 1_000n, "2026-09-15"), null));
    await t.db.$transaction((tx) => postEntry(tx, sale("asof-2", 2_000n, "2026-10-15"), null));
    const onSep30 = await balanceAsOf(t.db, { asOf: "2026-09-30", accountCode: "revenue_test" });
    const onOct31 = await balanceAsOf(t.db, { asOf: "2026-10-31", accountCode: "revenue_test" });
    expect(onSep30).toBe(-1_000n);
    expect(onOct31).toBe(-3_000n);
  });

  it("the database itself refuses an unbalanced entry written with raw SQL", async () => {
    await raw.query("BEGIN");
    const { rows } = await raw.query(`INSERT INTO journal_entry (effective_on, kind, source, idempotency_key) VALUES ('2026-11-01', 'raw', 'sql', 'raw-unbalanced') RETURNING id`);
    await raw.query(`INSERT INTO journal_line (entry_id, account_code, amount_won, effective_on) VALUES ($1, 'cash', 100, '2026-11-01'), ($1, 'receivables', -99, '2026-11-01')`, [rows[0].id]);
    const message = await errorMessage(raw.query("COMMIT"));
    expect(message).toMatch(/unbalanced by 1 won/);
    expect((await raw.query(`SELECT 1 FROM journal_entry WHERE idempotency_key = 'raw-unbalanced'`)).rowCount).toBe(0);
  });

  it("the database refuses an entry with a single line or none", async () => {
    await raw.query("BEGIN");
    await raw.query(`INSERT INTO journal_entry (effective_on, kind, source, idempotency_key) VALUES ('2026-11-01', 'raw', 'sql', 'raw-empty')`);
    expect(await errorMessage(raw.query("COMMIT"))).toMatch(/has 0 line/);
  });

  it("the database refuses UPDATE, DELETE and TRUNCATE of journal lines, entries and the audit log", async () => {
    await t.db.$transaction((tx) => postEntry(tx, sale("immutable-1", 500n), null));
    await raw.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test', 'test')`);
    for (const sql of [
      `UPDATE journal_line SET amount_won = amount_won * 2`,
      `DELETE FROM journal_line`,
      `UPDATE journal_entry SET memo = 'changed'`,
      `DELETE FROM journal_entry`,
      `TRUNCATE journal_line CASCADE`,
      `UPDATE audit_log SET action = 'changed'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
    ]) {
      expect(await errorMessage(raw.query(sql)), sql).toMatch(/append-only/);
    }
  });

  it("refuses an entry dated in a closed period, through the service and in raw SQL", async () => {
    await raw.query(`INSERT INTO accounting_period (month, closed_at) VALUES ('2026-08-01', now())`);
    expect(await errorMessage(t.db.$transaction((tx) => postEntry(tx, sale("closed-1", 100n, "2026-08-31"), null)))).toBe("ledger.period_closed");
    expect(await errorMessage(raw.query(`INSERT INTO journal_entry (effective_on, kind, source, idempotency_key) VALUES ('2026-08-05', 'raw', 'sql', 'raw-closed')`))).toMatch(/period 2026-08 is closed/);
    await raw.query(`UPDATE accounting_period SET closed_at = NULL WHERE month = '2026-08-01'`);
    const reopened = await t.db.$transaction((tx) => postEntry(tx, sale("closed-1", 100n, "2026-08-31"), null));
    expect(reopened.created).toBe(true);
  });

  it("keeps the trial balance at zero and posts each key once under any sequence of postings and replays", async () => {
    const accounts = CORE_ACCOUNTS.map((a) => a.code);
    const line = fc.record({ accountCode: fc.constantFrom(...accounts), amountWon: fc.bigInt({ min: 1n, max: 10n ** 12n }) });
    const entry = fc.record({ key: fc.integer({ min: 0, max: 30 }), debits: fc.array(line, { minLength: 1, maxLength: 4 }), credit: fc.constantFrom(...accounts), day: fc.integer({ min: 1, max: 28 }) });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 12 }), async (entries) => {
        run += 1;
        const expected = new Map<string, bigint>();
        for (const e of entries) {
          const total = e.debits.reduce((s, l) => s + l.amountWon, 0n);
          const key = `prop-${run}-${e.key}`;
          const posted = await t.db.$transaction((tx) =>
            postEntry(tx, { effectiveOn: `2026-07-${String(e.day).padStart(2, "0")}`, kind: "prop", source: "fast-check", idempotencyKey: key, lines: [...e.debits, { accountCode: e.credit, amountWon: -total }] }, null),
          );
          if (!expected.has(key)) {
            expect(posted.created).toBe(true);
            expected.set(key, total);
          } else expect(posted.created).toBe(false);
        }
        const balances = await trialBalance(t.db, { asOf: "2026-12-31" });
        expect(balances.reduce((s, b) => s + b.balanceWon, 0n)).toBe(0n);
        const stored = await t.db.journalEntry.count({ where: { idempotencyKey: { startsWith: `prop-${run}-` } } });
        expect(stored).toBe(expected.size);
      }),
      { numRuns: 25 },
    );
  });
});
