// `npm run bench`: ledger figures on a throw-away embedded PostgreSQL. Prints them and writes
// bench-results/ledger.json. Size with BENCH_INVOICES (default 200000) and BENCH_POSTS (default 2000).
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CORE_ACCOUNTS } from "@sunap/core";
import { applyMigrations, balanceAsOf, createDb, postEntry, startEmbeddedPostgres, syncChartOfAccounts, trialBalance, withDatabase } from "@sunap/db";

const invoices = Number(process.env.BENCH_INVOICES ?? 200_000);
const posts = Number(process.env.BENCH_POSTS ?? 2_000);

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

const dir = await mkdtemp(path.join(os.tmpdir(), "sunap-bench-"));
await chmod(dir, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false });
const admin = new pg.Client({ connectionString: cluster.adminUrl });
await admin.connect();
await admin.query("CREATE DATABASE bench");
await admin.end();
const url = withDatabase(cluster.adminUrl, "bench");
await applyMigrations(url);
const db = createDb(url);
await syncChartOfAccounts(db, [...CORE_ACCOUNTS, { code: "revenue_bench", name: { ko: "벤치 매출", en: "Bench revenue" }, type: "revenue" }]);
const figures: Record<string, number> = { invoices, posts };

// 1. The service path: one entry per transaction, as a billing job posts them.
const single = await timed(async () => {
  for (let i = 0; i < posts; i += 1) {
    await db.$transaction((tx) =>
      postEntry(tx, { effectiveOn: "2026-10-01", kind: "invoice", source: "bench", idempotencyKey: `bench:post:${i}`, lines: [{ accountCode: "receivables", amountWon: 11_000n, payerId: i, invoiceId: i }, { accountCode: "revenue_bench", amountWon: -10_000n }, { accountCode: "vat_payable", amountWon: -1_000n }] }, null),
    );
  }
});
figures.postEntryPerSecond = Math.round(posts / (single.ms / 1000));

// 2. A million-invoice-sized ledger loaded in bulk (the triggers still check every entry).
const raw = new pg.Client({ connectionString: url });
await raw.connect();
const chunk = 50_000;
const load = await timed(async () => {
  for (let start = 0; start < invoices; start += chunk) {
    const end = Math.min(invoices, start + chunk) - 1;
    await raw.query("BEGIN");
    await raw.query(
      `INSERT INTO journal_entry (id, effective_on, kind, source, idempotency_key)
       SELECT 1000000 + g, date '2025-01-01' + (g % 690), 'invoice', 'bench', 'bench:bulk:' || g FROM generate_series($1::int, $2::int) g`,
      [start, end],
    );
    await raw.query(
      `INSERT INTO journal_line (entry_id, account_code, amount_won, payer_id, invoice_id, store_id, effective_on)
       SELECT 1000000 + g, a.code, CASE a.code WHEN 'receivables' THEN 11000 WHEN 'revenue_bench' THEN -10000 ELSE -1000 END,
              CASE a.code WHEN 'receivables' THEN g % 50000 END, CASE a.code WHEN 'receivables' THEN 1000000 + g END, NULL,
              date '2025-01-01' + (g % 690)
       FROM generate_series($1::int, $2::int) g CROSS JOIN (VALUES ('receivables'), ('revenue_bench'), ('vat_payable')) a(code)`,
      [start, end],
    );
    await raw.query("COMMIT");
  }
  await raw.query("ANALYZE journal_line");
});
figures.bulkLoadEntriesPerSecond = Math.round(invoices / (load.ms / 1000));
await raw.end();

// 3. Reads as of a date.
const repeat = async (name: string, work: () => Promise<unknown>, times = 20) => {
  await work();
  const { ms } = await timed(async () => {
    for (let i = 0; i < times; i += 1) await work();
  });
  figures[name] = Number((ms / times).toFixed(2));
};
await repeat("invoiceOpenAmountMs", () => balanceAsOf(db, { asOf: "2026-06-30", invoiceId: 1_000_123, accountCode: "receivables" }));
await repeat("payerBalanceMs", () => balanceAsOf(db, { asOf: "2026-06-30", payerId: 4_321, accountCode: "receivables" }));
await repeat("accountBalanceAsOfMs", () => balanceAsOf(db, { asOf: "2026-06-30", accountCode: "receivables" }), 5);
await repeat("trialBalanceMs", () => trialBalance(db, { asOf: "2026-06-30" }), 3);

await db.$disconnect();
await cluster.stop();
await rm(dir, { recursive: true, force: true });

const out = path.resolve(import.meta.dirname, "../bench-results");
await mkdir(out, { recursive: true });
await writeFile(path.join(out, "ledger.json"), `${JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)}\n`);
process.stdout.write(`\nLedger benchmark (${invoices.toLocaleString()} invoices bulk-loaded, ${posts.toLocaleString()} posted one by one)\n`);
for (const [name, value] of Object.entries(figures)) process.stdout.write(`  ${name.padEnd(28)} ${value.toLocaleString()}\n`);
process.stdout.write(`Written to bench-results/ledger.json\n`);
