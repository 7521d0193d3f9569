import type { Logger } from "pino";
import { addDays, businessDateFromDb, businessDateToDb, chargeTotal, DomainError, monthStart, type BillingPeriod, type BusinessDate, type ChargeLine, type Clock, type Posting, type Won } from "@sunap/core";
import { postEntries, refreshInvoiceOpenAmounts, sqlArray, type Db, type Keyring, type Prisma, type Tx } from "@sunap/db";
import type { BillingRegistry } from "../billing-registry.ts";
import type { ServerBilling } from "../server-plugin.ts";
import { billingContextOf, LOOK_AHEAD_DAYS, pluginSettingsOf, type ContractBillingRow } from "./contract-billing.ts";
import { loadInvoiceNoticeSetup, loadNoticePayers, queueInvoicesIssued } from "./invoice-notifications.ts";

export interface RunBillingOptions {
  db: Db;
  registry: BillingRegistry;
  keyring: Keyring;
  /** Its `today()` is the run's date; `now()` stamps the queued messages. */
  clock: Pick<Clock, "today" | "now">;
  /** Who started it: `schedule`, `manual`, `demo-seed`, … (shown in the admin). */
  trigger: string;
  /** Checked between contracts and chunks: an aborted run stops at a safe point, and a rerun finishes it. */
  signal?: AbortSignal;
  /** A billing_run row created beforehand (the admin's "run now" returns its id at once). */
  runId?: number;
  /** Contracts per chunk: one transaction issues a chunk's invoices together. */
  chunkSize?: number;
  /** Only these contracts (a plugin issuing what one change made due at once, e.g. a loan's prepayment); default all. */
  contractIds?: readonly number[];
  /** Base of the invoice links in messages (default SUNAP_PUBLIC_URL). */
  baseUrl?: string;
  log?: Logger;
}

/** One contract the run could not bill: no personal data, only what support needs to find it. */
export interface BillingFailure {
  contractId: number;
  periodKey: string | null;
  message: string;
}

export interface BillingRunResult {
  runId: number;
  runOn: BusinessDate;
  contracts: number;
  issued: number;
  totalWon: Won;
  failures: BillingFailure[];
  aborted: boolean;
  /** Wall time per phase of the run, in milliseconds: where a slow run spends its time. */
  phaseMs: Record<BillingPhase, number>;
}

/**
 * The phases of a run: `select` finds the chunk's contracts and what they have invoiced, `plan` asks
 * the plugins, `lock` locks and looks again, `number` draws invoice numbers and ids, `ledger`
 * posts the entries, `invoices` writes invoices and lines, `messages` queues the payers' messages,
 * `transaction` is the rest of the chunk's transaction (begin, commit, next issue dates) and
 * `progress` records the run's counters after each chunk.
 */
export const BILLING_PHASES = ["select", "plan", "lock", "number", "ledger", "invoices", "messages", "transaction", "progress"] as const;
export type BillingPhase = (typeof BILLING_PHASES)[number];

/** One invoice to issue: a period of a contract with its charges. */
interface PlannedInvoice {
  period: BillingPeriod;
  lines: ChargeLine[];
  totalWon: Won;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
}

interface ContractPlan {
  row: ContractBillingRow;
  invoices: PlannedInvoice[];
  /** What to store in next_issue_on once the invoices are issued. */
  nextIssueOn: BusinessDate;
}

/** Namespace of the engine's advisory locks (the second key is the contract id). */
const CONTRACT_LOCK_NAMESPACE = 0x53_42_49_4c; // "SBIL"
const DEFAULT_CHUNK = 250;

/** The number of the n-th invoice of a year: gapless, `2026-000001`. */
export function invoiceNumber(year: number, n: number): string {
  return `${year}-${String(n).padStart(6, "0")}`;
}

export function invoiceIdempotencyKey(contractId: number, periodKey: string): string {
  return `invoice:v1:${contractId}:${periodKey}`;
}

/**
 * Issues every invoice that has come due: for each active contract whose next issue date has
 * come (or is unknown), in id order and in chunks, asks its plugin for the periods issued by today,
 * leaves out those already invoiced, prices the rest, and issues them — invoice, lines, one ledger
 * entry and a message to the payer — a chunk per transaction.
 *
 * Idempotent by construction: an invoice is unique per (contract, period key) and its entry per
 * `invoice:v1:<contract>:<period key>`; each chunk locks its contracts (advisory transaction locks)
 * and looks again at what is invoiced before issuing, so a rerun, a crash half way or two runs at
 * once issue each invoice once. A contract that fails (its plugin throws, its terms no longer
 * parse, its month is closed) is recorded in the run's failures and the others go on.
 */
export async function runBilling(options: RunBillingOptions): Promise<BillingRunResult> {
  const { db, registry, keyring, clock } = options;
  const today = clock.today();
  const horizon = addDays(today, LOOK_AHEAD_DAYS);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const run = options.runId
    ? await db.billingRun.findUniqueOrThrow({ where: { id: options.runId } })
    : await db.billingRun.create({ data: { runOn: businessDateToDb(today), trigger: options.trigger.slice(0, 40) } });

  const settingsCache = new Map<string, unknown>();
  const settingsOf = async (pluginId: string, billing: ServerBilling) => {
    if (!settingsCache.has(pluginId)) settingsCache.set(pluginId, await pluginSettingsOf(db, pluginId, billing));
    return settingsCache.get(pluginId);
  };
  const closedMonths = new Set((await db.accountingPeriod.findMany({ where: { closedAt: { not: null } }, select: { month: true } })).map((p) => businessDateFromDb(p.month)));
  const notice = await loadInvoiceNoticeSetup(db, options.baseUrl);

  const phaseMs = Object.fromEntries(BILLING_PHASES.map((phase) => [phase, 0])) as Record<BillingPhase, number>;
  const timed = async <T>(phase: BillingPhase, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phaseMs[phase] += performance.now() - started;
    }
  };
  const totals = { contracts: 0, issued: 0, totalWon: 0n };
  const failures: BillingFailure[] = [];
  let aborted = false;
  let afterId = 0;

  for (;;) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    const rows = await timed("select", () =>
      db.contract.findMany({
        where: {
          id: { gt: afterId, ...(options.contractIds && { in: [...options.contractIds] }) },
          status: "active",
          OR: [{ nextIssueOn: null }, { nextIssueOn: { lte: businessDateToDb(today) } }],
        },
        orderBy: { id: "asc" },
        take: chunkSize,
        select: { id: true, pluginId: true, payerId: true, storeId: true, startsOn: true, terms: true },
      }),
    );
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.id;

    const invoiced = await timed("select", () => invoicedKeys(db, rows.map((r) => r.id)));
    const plans = await timed("plan", async () => {
      const planned: ContractPlan[] = [];
      for (const raw of rows) {
        if (options.signal?.aborted) break;
        const row: ContractBillingRow = { ...raw, startsOn: businessDateFromDb(raw.startsOn) };
        const outcome = await planContract(row, invoiced.get(row.id) ?? new Set());
        if ("failure" in outcome) failures.push(outcome.failure);
        else planned.push(outcome.plan);
      }
      return planned;
    });

    const chunk = await issueChunk(plans);
    totals.contracts += plans.length;
    totals.issued += chunk.issued;
    totals.totalWon += chunk.totalWon;
    failures.push(...chunk.failures);
    await timed("progress", () =>
      db.billingRun.update({ where: { id: run.id }, data: { contracts: { increment: plans.length }, issued: { increment: chunk.issued }, totalWon: { increment: chunk.totalWon }, failures: failures as unknown as Prisma.InputJsonValue } }),
    );
    options.log?.info({ runId: run.id, afterId, issued: totals.issued, failures: failures.length }, "billing chunk done");
  }

  await timed("progress", () => db.billingRun.update({ where: { id: run.id }, data: { finishedAt: clock.now(), failures: failures as unknown as Prisma.InputJsonValue } }));
  return { runId: run.id, runOn: today, ...totals, failures, aborted, phaseMs };

  /** Asks the plugin what is due; any error becomes the contract's failure, never the run's. */
  async function planContract(row: ContractBillingRow, issued: ReadonlySet<string>): Promise<{ plan: ContractPlan } | { failure: BillingFailure }> {
    let periodKey: string | null = null;
    try {
      const billing = registry.billingOf(row.pluginId);
      if (!billing) throw new DomainError("UNAVAILABLE", "contract.unknown_plugin", { pluginId: row.pluginId });
      const context = await billingContextOf(db, billing, row, await settingsOf(row.pluginId, billing), today);
      const invoices: PlannedInvoice[] = [];
      for (const period of billing.rules.periods(context, today)) {
        if (issued.has(period.key) || period.issueOn > today) continue;
        periodKey = period.key;
        const lines = billing.rules.charges(context, period);
        const totalWon = chargeTotal(lines);
        // No lines, or nothing owed (a discount as large as the fee): no invoice.
        if (lines.length === 0 || totalWon <= 0n) continue;
        const issueOn = issueDateOf(period);
        invoices.push({ period, lines, totalWon, issueOn, dueOn: period.dueOn < issueOn ? issueOn : period.dueOn });
      }
      periodKey = null;
      const upcoming = billing.rules.periods(context, horizon).find((p) => p.issueOn > today && !issued.has(p.key));
      // Nothing within the look-ahead (a finished loan, a cancelled plan): look again at the horizon,
      // or sooner if the terms change (a change resets next_issue_on).
      return { plan: { row, invoices, nextIssueOn: upcoming?.issueOn ?? horizon } };
    } catch (error) {
      return { failure: { contractId: row.id, periodKey, message: failureMessage(error) } };
    }
  }

  /**
   * The invoice is dated the day its period says it is issued (a catch-up dates missed periods in
   * the past), unless that month's books are closed: then it is dated today, since audited history
   * must not move. If today's month is closed too, posting fails and the contract is reported.
   */
  function issueDateOf(period: BillingPeriod): BusinessDate {
    return closedMonths.has(monthStart(period.issueOn)) ? today : period.issueOn;
  }

  /** Issues a chunk in one transaction; if that fails, contract by contract so one bad contract costs only itself. */
  async function issueChunk(plans: ContractPlan[]): Promise<{ issued: number; totalWon: Won; failures: BillingFailure[] }> {
    if (plans.length === 0) return { issued: 0, totalWon: 0n, failures: [] };
    // The transaction's own cost (begin, commit, waits) is what its timed phases do not account for.
    const innerBefore = innerPhaseMs();
    const started = performance.now();
    try {
      return { ...(await db.$transaction((tx) => issueInTx(tx, plans), { timeout: 120_000, maxWait: 30_000 })), failures: [] };
    } catch (error) {
      options.log?.warn({ runId: run.id, contractId: plans[0]!.row.id, err: error }, "billing: could not issue a contract");
      if (plans.length === 1) return { issued: 0, totalWon: 0n, failures: [{ contractId: plans[0]!.row.id, periodKey: plans[0]!.invoices[0]?.period.key ?? null, message: failureMessage(error) }] };
      options.log?.warn({ runId: run.id, err: error }, "billing chunk failed; issuing its contracts one by one");
      const result = { issued: 0, totalWon: 0n, failures: [] as BillingFailure[] };
      for (const plan of plans) {
        const one = await issueChunk([plan]);
        result.issued += one.issued;
        result.totalWon += one.totalWon;
        result.failures.push(...one.failures);
      }
      return result;
    } finally {
      phaseMs.transaction += performance.now() - started - (innerPhaseMs() - innerBefore);
    }
  }

  function innerPhaseMs(): number {
    return phaseMs.lock + phaseMs.number + phaseMs.ledger + phaseMs.invoices + phaseMs.messages + phaseMs.transaction;
  }

  async function issueInTx(tx: Tx, plans: ContractPlan[]): Promise<{ issued: number; totalWon: Won }> {
    const ids = plans.map((p) => p.row.id).sort((a, b) => a - b);
    const toIssue = await timed("lock", async () => {
      // Locks in id order (no deadlock between runs), then looks again: a run that got here first has issued.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONTRACT_LOCK_NAMESPACE}::int, s.id) FROM (SELECT unnest(${ids}::int[]) AS id ORDER BY 1) AS s`;
      const stillActive = new Set(
        (
          await tx.$queryRaw<{ id: number }[]>`
            SELECT c.id FROM unnest(${sqlArray(ids)}::int[]) AS v(id)
            CROSS JOIN LATERAL (SELECT id FROM contract WHERE id = v.id AND status = 'active' OFFSET 0) AS c`
        ).map((c) => c.id),
      );
      const already = await invoicedKeys(tx, ids);
      return plans
        .filter((p) => stillActive.has(p.row.id))
        .flatMap((plan) => plan.invoices.filter((inv) => !already.get(plan.row.id)?.has(inv.period.key)).map((inv) => ({ plan, inv })));
    });

    if (toIssue.length > 0) {
      const issued = await timed("number", async () => {
        // Numbers: the year's counter moves by as many as this transaction issues; a rollback gives them back.
        const perYear = new Map<number, number>();
        for (const { inv } of toIssue) perYear.set(Number(inv.issueOn.slice(0, 4)), (perYear.get(Number(inv.issueOn.slice(0, 4))) ?? 0) + 1);
        const nextOf = new Map<number, number>();
        for (const [year, count] of [...perYear].sort((a, b) => a[0] - b[0])) {
          const [row] = await tx.$queryRaw<{ last_number: number }[]>`
            INSERT INTO invoice_sequence (year, last_number) VALUES (${year}, ${count})
            ON CONFLICT (year) DO UPDATE SET last_number = invoice_sequence.last_number + EXCLUDED.last_number
            RETURNING last_number`;
          nextOf.set(year, row!.last_number - count + 1);
        }
        // Issue order within a year: by issue date, then contract, then the plugin's order.
        toIssue.sort((a, b) => (a.inv.issueOn < b.inv.issueOn ? -1 : a.inv.issueOn > b.inv.issueOn ? 1 : a.plan.row.id - b.plan.row.id));
        const invoiceIds = (await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('invoice', 'id'))::int AS id FROM generate_series(1, ${toIssue.length}::int)`).map((r) => r.id);
        return toIssue.map(({ plan, inv }, i) => {
          const year = Number(inv.issueOn.slice(0, 4));
          const n = nextOf.get(year)!;
          nextOf.set(year, n + 1);
          return { plan, inv, id: invoiceIds[i]!, number: invoiceNumber(year, n), key: invoiceIdempotencyKey(plan.row.id, inv.period.key) };
        });
      });

      const entries = await timed("ledger", async () => {
        const posted = await postEntries(
          tx,
          issued.map(({ plan, inv, id, number, key }): Posting => {
            const { payerId, storeId } = plan.row;
            return {
              effectiveOn: inv.issueOn,
              kind: "invoice",
              source: `billing:${plan.row.pluginId}`,
              memo: `청구서 ${number} (${inv.period.key})`,
              idempotencyKey: key,
              lines: [
                { accountCode: "receivables", amountWon: inv.totalWon, payerId, invoiceId: id, storeId },
                ...inv.lines.filter((l) => l.amountWon !== 0n).map((l) => ({ accountCode: l.creditAccount, amountWon: -l.amountWon, payerId, invoiceId: id, storeId })),
              ],
            };
          }),
          null,
        );
        // An entry that existed without its invoice would mean a half-issued invoice: refuse rather than guess.
        const replayed = posted.find((e) => !e.created);
        if (replayed) throw new Error(`ledger entry ${replayed.idempotencyKey} exists without its invoice`);
        return posted;
      });

      await timed("invoices", async () => {
        // One INSERT of column arrays per table: Prisma's createMany costs a fraction of a millisecond a row, this a few microseconds.
        await tx.$executeRaw`
          INSERT INTO invoice (id, number, contract_id, plugin_id, payer_id, store_id, period_key, period_start, period_end, issue_on, due_on, total_won, open_won, idempotency_key, entry_id)
          SELECT id, number, contract_id, plugin_id, payer_id, store_id, period_key, period_start, period_end, issue_on, due_on, total_won, total_won, idempotency_key, entry_id
            FROM unnest(
              ${sqlArray(issued.map((i) => i.id))}::int[], ${sqlArray(issued.map((i) => i.number))}::text[], ${sqlArray(issued.map((i) => i.plan.row.id))}::int[],
              ${sqlArray(issued.map((i) => i.plan.row.pluginId))}::text[], ${sqlArray(issued.map((i) => i.plan.row.payerId))}::int[], ${sqlArray(issued.map((i) => i.plan.row.storeId))}::int[],
              ${sqlArray(issued.map((i) => i.inv.period.key))}::text[], ${sqlArray(issued.map((i) => i.inv.period.start))}::date[], ${sqlArray(issued.map((i) => i.inv.period.end))}::date[],
              ${sqlArray(issued.map((i) => i.inv.issueOn))}::date[], ${sqlArray(issued.map((i) => i.inv.dueOn))}::date[], ${sqlArray(issued.map((i) => i.inv.totalWon.toString()))}::bigint[],
              ${sqlArray(issued.map((i) => i.key))}::text[], ${sqlArray(entries.map((e) => e.id))}::int[]
            ) AS v(id, number, contract_id, plugin_id, payer_id, store_id, period_key, period_start, period_end, issue_on, due_on, total_won, idempotency_key, entry_id)`;
        const lines = issued.flatMap(({ inv, id }) => inv.lines.map((line, position) => ({ invoiceId: id, position: position + 1, line })));
        await tx.$executeRaw`
          INSERT INTO invoice_line (invoice_id, position, kind, label_ko, label_en, amount_won, credit_account, basis_ko, basis_en)
          SELECT * FROM unnest(
            ${sqlArray(lines.map((l) => l.invoiceId))}::int[], ${sqlArray(lines.map((l) => l.position))}::int[], ${sqlArray(lines.map((l) => l.line.kind.slice(0, 40)))}::text[],
            ${sqlArray(lines.map((l) => l.line.label.ko))}::text[], ${sqlArray(lines.map((l) => l.line.label.en))}::text[], ${sqlArray(lines.map((l) => l.line.amountWon.toString()))}::bigint[],
            ${sqlArray(lines.map((l) => l.line.creditAccount))}::text[], ${sqlArray(lines.map((l) => l.line.basis?.ko ?? null))}::text[], ${sqlArray(lines.map((l) => l.line.basis?.en ?? null))}::text[])`;
        await refreshInvoiceOpenAmounts(
          tx,
          issued.map((i) => i.id),
        );
      });

      await timed("messages", async () => {
        const payers = await loadNoticePayers(
          tx,
          keyring,
          clock,
          issued.map((i) => i.plan.row.payerId),
          notice.baseUrl,
        );
        await queueInvoicesIssued(
          tx,
          keyring,
          notice,
          payers,
          issued.map(({ plan, inv, id, number }) => ({ id, payerId: plan.row.payerId, number, totalWon: inv.totalWon, dueOn: inv.dueOn })),
          clock.now(),
        );
      });
    }

    await tx.$executeRaw`
      UPDATE contract AS c SET next_issue_on = v.next_on
        FROM unnest(${sqlArray(plans.map((p) => p.row.id))}::int[], ${sqlArray(plans.map((p) => p.nextIssueOn))}::date[]) AS v(id, next_on)
       WHERE c.id = v.id AND c.status = 'active'`;
    return { issued: toIssue.length, totalWon: toIssue.reduce((sum, { inv }) => sum + inv.totalWon, 0n) };
  }
}

/**
 * Period keys already invoiced, per contract. Looked up contract by contract through the
 * (contract, period key) index: as `contract_id = ANY(…)`, a planner whose statistics lag behind the
 * run's own inserts takes 250 ids for most of the table and reads all of it, twice per chunk
 * (`OFFSET 0` keeps the lateral subquery a per-contract index probe).
 */
async function invoicedKeys(db: Db | Tx, contractIds: readonly number[]): Promise<Map<number, Set<string>>> {
  const rows = await db.$queryRaw<{ contract_id: number; period_key: string }[]>`
    SELECT v.id AS contract_id, i.period_key FROM unnest(${sqlArray(contractIds)}::int[]) AS v(id)
    CROSS JOIN LATERAL (SELECT period_key FROM invoice WHERE contract_id = v.id OFFSET 0) AS i`;
  const keys = new Map<number, Set<string>>();
  for (const row of rows) {
    if (!keys.has(row.contract_id)) keys.set(row.contract_id, new Set());
    keys.get(row.contract_id)!.add(row.period_key);
  }
  return keys;
}

/** What the run records of a failure: the catalogue code and field, or the error's own words, never input values. */
function failureMessage(error: unknown): string {
  if (error instanceof DomainError) return [error.code, error.field].filter(Boolean).join(" ");
  const text = error instanceof Error ? error.message : String(error);
  const closed = /accounting period (\d{4}-\d{2}) is closed/.exec(text);
  if (closed) return `ledger.period_closed ${closed[1]}`;
  return (text.split("\n").find((line) => line.trim() !== "") ?? "error").trim().slice(0, 200);
}
