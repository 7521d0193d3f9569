// `npm run bench`: ledger and billing-engine figures on a throw-away embedded PostgreSQL. Prints them
// and writes bench-results/ledger.json and bench-results/billing.json. Size with BENCH_INVOICES
// (default 200000), BENCH_POSTS (default 2000) and BENCH_CONTRACTS (default 20000); BENCH_CHUNK sets the
// engine's contracts per transaction (default: the engine's own).
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { CORE_ACCOUNTS, encodeJson, pinnedClock } from "@sunap/core";
import { BillingRegistry, runBilling } from "@sunap/api";
import { applyMigrations, balanceAsOf, createDb, encryptField, generateDevKeyring, phoneSearchIndex, postEntry, startEmbeddedPostgres, syncChartOfAccounts, trialBalance, withDatabase, type Prisma } from "@sunap/db";
import { BILLING_PHASES, type BillingPhase } from "../packages/api/src/services/billing-engine.ts";
import { meteredPlugin } from "../packages/api/src/testing/metered-plugin/index.ts";

const invoices = Number(process.env.BENCH_INVOICES ?? 200_000);
const posts = Number(process.env.BENCH_POSTS ?? 2_000);
const contractCount = Number(process.env.BENCH_CONTRACTS ?? 20_000);
const chunkSize = process.env.BENCH_CHUNK ? Number(process.env.BENCH_CHUNK) : undefined;

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

// 4. The billing engine: contracts of the test-only metered plugin, each owing one invoice today.
const billingFigures: Record<string, number> = { contracts: contractCount };
// Where each run's time went (see BILLING_PHASES in the engine), in milliseconds.
const billingPhases: Record<string, Record<BillingPhase, number>> = {};
const roundedPhases = (phaseMs: Record<BillingPhase, number>) => Object.fromEntries(BILLING_PHASES.map((phase) => [phase, Math.round(phaseMs[phase])])) as Record<BillingPhase, number>;
{
  const admin2 = new pg.Client({ connectionString: cluster.adminUrl });
  await admin2.connect();
  await admin2.query("CREATE DATABASE bench_billing");
  await admin2.end();
  const billingUrl = withDatabase(cluster.adminUrl, "bench_billing");
  await applyMigrations(billingUrl);
  const bdb = createDb(billingUrl);
  const registry = new BillingRegistry([meteredPlugin]);
  await syncChartOfAccounts(bdb, [...CORE_ACCOUNTS, ...meteredPlugin.manifest.accounts.map((a) => ({ ...a, pluginId: "metered" }))]);
  const { keyring } = generateDevKeyring();
  await bdb.organization.create({ data: { id: 1, legalName: "(주)벤치", businessNumber: "220-81-62517", representative: "김벤치", address: "서울", cmsInstitutionCode: "BENCH0001", settlementBankCode: "004", settlementAccount: "110-123-456789", creditorText: "벤치" } });
  const store = await bdb.store.create({ data: { code: "BENCH", name: "벤치점", region: "서울", openedOn: new Date("2024-01-01T00:00:00Z") } });
  const payerCount = Math.max(1, Math.ceil(contractCount / 10));
  const payers: Prisma.PayerCreateManyInput[] = [];
  for (let i = 0; i < payerCount; i += 1) {
    const phone = `010-${String(1000 + (i % 9000)).padStart(4, "0")}-${String(i % 10000).padStart(4, "0")}`;
    payers.push({ payerCode: `B${i}`, kind: "individual", name: `납부자${i}`, phoneEnc: encryptField(keyring, phone.replace(/-/g, ""), "payer.phone"), phoneBidx: phoneSearchIndex(keyring, phone), storeId: store.id });
  }
  await bdb.payer.createMany({ data: payers });
  const payerIds = (await bdb.payer.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const terms = encodeJson({ meterCode: "B", startOn: "2026-02-20", baseFeeWon: 10_000n, unitPriceWon: 100n, readings: { "2026-02": 7 } }) as Prisma.InputJsonValue;
  const createContracts = async () => {
    for (let start = 0; start < contractCount; start += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, contractCount - start) }, (_, k) => ({ pluginId: "metered", payerId: payerIds[(start + k) % payerIds.length]!, storeId: store.id, title: "bench", terms, startsOn: new Date("2026-02-20T00:00:00Z") }));
      await bdb.contract.createMany({ data: rows });
    }
  };
  await createContracts();
  const clock = pinnedClock("2026-03-16", "Asia/Seoul");
  const first = await timed(() => runBilling({ db: bdb, registry, keyring, clock, trigger: "bench", chunkSize }));
  billingFigures.issued = first.result.issued;
  billingFigures.failures = first.result.failures.length;
  billingFigures.firstRunSeconds = Number((first.ms / 1000).toFixed(2));
  billingFigures.invoicesPerSecond = Math.round(first.result.issued / (first.ms / 1000));
  billingPhases.firstRun = roundedPhases(first.result.phaseMs);
  // Nothing to issue and every next issue date in the future: contracts are skipped without asking their plugin.
  const second = await timed(() => runBilling({ db: bdb, registry, keyring, clock, trigger: "bench", chunkSize }));
  billingFigures.secondRunIssued = second.result.issued;
  billingFigures.secondRunMs = Math.round(second.ms);
  billingPhases.secondRun = roundedPhases(second.result.phaseMs);
  // The worst rerun: next issue dates cleared, every contract asked again, every period found invoiced.
  await bdb.contract.updateMany({ data: { nextIssueOn: null } });
  const third = await timed(() => runBilling({ db: bdb, registry, keyring, clock, trigger: "bench", chunkSize }));
  billingFigures.recheckRunIssued = third.result.issued;
  billingFigures.recheckRunSeconds = Number((third.ms / 1000).toFixed(2));
  billingFigures.recheckContractsPerSecond = Math.round(contractCount / (third.ms / 1000));
  billingPhases.recheckRun = roundedPhases(third.result.phaseMs);
  // As many new contracts again, billed by the same (warm) process: the first run's figure includes
  // the start-up of a cold process (JIT, Prisma's first queries), which a long-running server pays once.
  await createContracts();
  const warm = await timed(() => runBilling({ db: bdb, registry, keyring, clock, trigger: "bench", chunkSize }));
  billingFigures.warmRunIssued = warm.result.issued;
  billingFigures.warmRunInvoicesPerSecond = Math.round(warm.result.issued / (warm.ms / 1000));
  billingPhases.warmRun = roundedPhases(warm.result.phaseMs);
  billingFigures.messagesQueued = await bdb.notifyMessage.count({ where: { templateCode: "invoice_issued" } });
  await bdb.$disconnect();
}
await cluster.stop();
await rm(dir, { recursive: true, force: true });

const out = path.resolve(import.meta.dirname, "../bench-results");
await mkdir(out, { recursive: true });
await writeFile(path.join(out, "ledger.json"), `${JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)}\n`);
process.stdout.write(`\nLedger benchmark (${invoices.toLocaleString()} invoices bulk-loaded, ${posts.toLocaleString()} posted one by one)\n`);
for (const [name, value] of Object.entries(figures)) process.stdout.write(`  ${name.padEnd(28)} ${value.toLocaleString()}\n`);
process.stdout.write(`Written to bench-results/ledger.json\n`);
await writeFile(path.join(out, "billing.json"), `${JSON.stringify({ at: new Date().toISOString(), ...billingFigures, phaseMs: billingPhases }, null, 2)}\n`);
process.stdout.write(`\nBilling engine benchmark (${contractCount.toLocaleString()} contracts of a test plugin, one invoice each)\n`);
for (const [name, value] of Object.entries(billingFigures)) process.stdout.write(`  ${name.padEnd(28)} ${value.toLocaleString()}\n`);
process.stdout.write(`  Time per phase, ms (share of the run's total):\n  ${"".padEnd(12)}${Object.keys(billingPhases).map((run) => run.padStart(18)).join("")}\n`);
for (const phase of BILLING_PHASES) {
  const cells = Object.values(billingPhases).map((phases) => {
    const total = BILLING_PHASES.reduce((sum, p) => sum + phases[p], 0);
    return `${phases[phase].toLocaleString()} (${total > 0 ? Math.round((100 * phases[phase]) / total) : 0}%)`.padStart(18);
  });
  process.stdout.write(`  ${phase.padEnd(12)}${cells.join("")}\n`);
}
process.stdout.write(`Written to bench-results/billing.json\n`);
