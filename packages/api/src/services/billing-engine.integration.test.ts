import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessDateFromDb, businessDateToDb, pinnedClock } from "@sunap/core";
import { BillingRegistry } from "../billing-registry.ts";
import { defineServerPlugin, type ServerPlugin } from "../server-plugin.ts";
import { createApiHarness, HARNESS_TODAY, type ApiHarness } from "../testing/api-harness.ts";
import { meteredPlugin, meteredRules, type MeteredTerms } from "../testing/metered-plugin/index.ts";
import { BILLING_PHASES, runBilling, type RunBillingOptions } from "./billing-engine.ts";
import { pino } from "pino";
import { BILLING_JOB, createBillingJob } from "../jobs/billing-job.ts";
import { ContractService } from "./contract-service.ts";
import { verifyInvoiceLinkToken } from "./invoice-links.ts";

let h: ApiHarness;
let contracts: ContractService;
let payerId = 0;
const actor = { id: null, email: "test@sunap.test", ip: null };
const clock = pinnedClock(HARNESS_TODAY, "Asia/Seoul");

const terms = (over: Partial<MeteredTerms> = {}): MeteredTerms => ({ meterCode: "M-1", startOn: "2025-10-10", baseFeeWon: 10_000n, unitPriceWon: 100n, readings: {}, ...over });

function run(over: Partial<RunBillingOptions> = {}) {
  return runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock, trigger: "test", ...over });
}

async function contract(over: Partial<MeteredTerms> = {}, who = payerId): Promise<number> {
  return (await contracts.create({ pluginId: "metered", payerId: who, terms: terms(over) }, actor)).id;
}

/** What a run left behind, for comparing two runs. */
async function ledgerState(contractIds: number[]) {
  const invoices = await h.db.invoice.findMany({ where: { contractId: { in: contractIds } }, orderBy: { id: "asc" } });
  const entries = await h.db.journalEntry.count({ where: { idempotencyKey: { in: invoices.map((i) => i.idempotencyKey) } } });
  const receivable = await h.db.journalLine.aggregate({ where: { invoiceId: { in: invoices.map((i) => i.id) }, accountCode: "receivables" }, _sum: { amountWon: true } });
  return { invoices: invoices.map((i) => `${i.contractId}:${i.periodKey}:${i.number}:${i.totalWon}`), entries, receivableWon: receivable._sum.amountWon ?? 0n };
}

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [meteredPlugin] });
  contracts = new ContractService(h.db, h.billing);
  payerId = (await h.callerFor("finance").payers.create({ payerCode: "ENG-1", kind: "individual", name: "엔진고객", birthDate: "1980-03-03", phone: "010-7777-8888", storeId: h.stores.a.id })).id;
});
afterAll(async () => {
  await h?.drop();
});

describe("catch-up and idempotency", () => {
  let id = 0;
  it("bills a contract started five months back for every missed period, once, dated as each period says", async () => {
    id = await contract({ readings: { "2025-12": 50 } });
    const result = await run();
    expect(result).toMatchObject({ contracts: 1, issued: 5, failures: [], aborted: false });
    const invoices = await h.db.invoice.findMany({ where: { contractId: id }, orderBy: { issueOn: "asc" }, include: { lines: { orderBy: { position: "asc" } } } });
    expect(invoices.map((i) => [i.periodKey, businessDateFromDb(i.issueOn), businessDateFromDb(i.dueOn), i.number])).toEqual([
      ["meter:2025-10", "2025-11-01", "2025-11-15", "2025-000001"],
      ["meter:2025-11", "2025-12-01", "2025-12-15", "2025-000002"],
      ["meter:2025-12", "2026-01-01", "2026-01-15", "2026-000001"],
      ["meter:2026-01", "2026-02-01", "2026-02-15", "2026-000002"],
      ["meter:2026-02", "2026-03-01", "2026-03-15", "2026-000003"],
    ]);
    const december = invoices[2]!;
    expect(december).toMatchObject({ totalWon: 16_500n, openWon: 16_500n, storeId: h.stores.a.id, payerId, pluginId: "metered", idempotencyKey: `invoice:v1:${id}:meter:2025-12` });
    expect(december.lines.map((l) => [l.kind, l.amountWon, l.creditAccount])).toEqual([["base_fee", 10_000n, "revenue_metered"], ["usage", 5_000n, "revenue_metered"], ["vat", 1_500n, "vat_payable"]]);
    // One entry per invoice: receivables debited with the total, each line credited to its own account.
    const entry = await h.db.journalEntry.findUniqueOrThrow({ where: { id: december.entryId }, include: { lines: { orderBy: { id: "asc" } } } });
    expect(entry).toMatchObject({ idempotencyKey: december.idempotencyKey, kind: "invoice" });
    expect(businessDateFromDb(entry.effectiveOn)).toBe("2026-01-01");
    expect(entry.lines.map((l) => [l.accountCode, l.amountWon, l.payerId, l.invoiceId, l.storeId])).toEqual([
      ["receivables", 16_500n, payerId, december.id, h.stores.a.id],
      ["revenue_metered", -10_000n, payerId, december.id, h.stores.a.id],
      ["revenue_metered", -5_000n, payerId, december.id, h.stores.a.id],
      ["vat_payable", -1_500n, payerId, december.id, h.stores.a.id],
    ]);
    // The next period (March) is issued on April 1: the contract is skipped until then.
    expect(businessDateFromDb((await h.db.contract.findUniqueOrThrow({ where: { id } })).nextIssueOn!)).toBe("2026-04-01");
  });

  it("issues nothing more on a second run: the same invoices, entries and sums", async () => {
    const before = await ledgerState([id]);
    // Even with next_issue_on cleared, the plugin is asked again and every period is found invoiced.
    await h.db.contract.update({ where: { id }, data: { nextIssueOn: null } });
    const again = await run();
    expect(again).toMatchObject({ issued: 0, failures: [] });
    expect(await ledgerState([id])).toEqual(before);
    expect(before.entries).toBe(5);
    expect(before.receivableWon).toBe(11_000n * 4n + 16_500n);
  });

  it("queues one invoice message per invoice, with its number, amount and a signed link to the invoice", async () => {
    const invoices = await h.db.invoice.findMany({ where: { contractId: id }, orderBy: { id: "asc" } });
    const messages = await h.db.notifyMessage.findMany({ where: { relatedType: "invoice", relatedId: { in: invoices.map((i) => String(i.id)) } }, orderBy: { id: "asc" } });
    expect(messages).toHaveLength(5);
    const last = messages.at(-1)!;
    const invoice = invoices.find((i) => String(i.id) === last.relatedId)!;
    expect(last).toMatchObject({ templateCode: "invoice_issued", payerId, idempotencyKey: `invoice-issued:v1:${invoice.id}`, recipientMasked: "010-****-8888" });
    expect(last.body).toContain(invoice.number);
    expect(last.body).toContain("11,000원");
    expect(last.body).toMatch(/납부방법: 계좌이체/);
    const token = /\/i\/([^\s]+)/.exec(last.body)![1]!;
    expect(verifyInvoiceLinkToken(h.keyring, token)).toBe(invoice.id);
  });

  it("records each run with what it looked at and issued", async () => {
    const runs = await h.db.billingRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.slice(0, 2).map((r) => [r.trigger, r.contracts, r.issued, r.totalWon, r.finishedAt !== null])).toEqual([
      ["test", 1, 5, 60_500n, true],
      ["test", 1, 0, 0n, true],
    ]);
  });

  it("reports where its time went: every phase, the issuing ones idle when nothing is issued", async () => {
    await contract({ meterCode: "PH-1", startOn: "2026-02-01" });
    const issuing = await run();
    expect(issuing.issued).toBe(1);
    expect(Object.keys(issuing.phaseMs).sort()).toEqual([...BILLING_PHASES].sort());
    for (const phase of ["select", "plan", "lock", "number", "ledger", "invoices", "messages", "progress"] as const) expect(issuing.phaseMs[phase]).toBeGreaterThan(0);
    const idle = await run();
    expect(idle.issued).toBe(0);
    expect([idle.phaseMs.number, idle.phaseMs.ledger, idle.phaseMs.invoices, idle.phaseMs.messages]).toEqual([0, 0, 0, 0]);
  });

  it("issues no invoice for a period that owes nothing, and still finds the next issue date", async () => {
    const free = await contract({ meterCode: "FREE", startOn: "2026-02-03", baseFeeWon: 0n });
    expect((await run()).issued).toBe(0);
    expect(await h.db.invoice.count({ where: { contractId: free } })).toBe(0);
    expect(businessDateFromDb((await h.db.contract.findUniqueOrThrow({ where: { id: free } })).nextIssueOn!)).toBe("2026-04-01");
  });
});

describe("a failing contract and a crash half way", () => {
  it("records a contract whose plugin throws, without personal data, bills the others, and bills it once it is fixed", async () => {
    const good = await contract({ meterCode: "OK-1", startOn: "2026-01-05" });
    const bad = await contract({ meterCode: "BAD-1", startOn: "2026-01-05" });
    const good2 = await contract({ meterCode: "OK-2", startOn: "2026-01-05" });
    const exploding: ServerPlugin = defineServerPlugin({
      ...meteredPlugin,
      billing: {
        rules: {
          ...meteredRules,
          charges: (context, period) => {
            if (context.contract.id === bad && period.key === "meter:2026-02") throw new Error("meter BAD-1 could not be read");
            return meteredRules.charges(context, period);
          },
        },
      },
    });
    const first = await run({ registry: new BillingRegistry([exploding]), chunkSize: 2 });
    expect(first.failures).toEqual([{ contractId: bad, periodKey: "meter:2026-02", message: "meter BAD-1 could not be read" }]);
    expect(JSON.stringify(first.failures)).not.toMatch(/엔진고객|7777-8888/);
    expect(first.issued).toBe(4);
    expect(await h.db.invoice.count({ where: { contractId: bad } })).toBe(0);
    expect((await h.db.billingRun.findUniqueOrThrow({ where: { id: first.runId } })).failures).toEqual(first.failures);
    // The failed contract keeps no next issue date: the next run asks its plugin again.
    expect((await h.db.contract.findUniqueOrThrow({ where: { id: bad } })).nextIssueOn).toBeNull();

    const second = await run();
    expect(second).toMatchObject({ issued: 2, failures: [] });
    for (const c of [good, bad, good2]) expect((await h.db.invoice.findMany({ where: { contractId: c } })).map((i) => i.periodKey).sort()).toEqual(["meter:2026-01", "meter:2026-02"]);
  });

  it("stops at a safe point when aborted half way, and the rerun issues each remaining invoice once", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await contract({ meterCode: `AB-${i}`, startOn: "2026-02-01" }));
    const controller = new AbortController();
    let asked = 0;
    const aborting: ServerPlugin = defineServerPlugin({
      ...meteredPlugin,
      billing: {
        rules: {
          ...meteredRules,
          periods: (context, through) => {
            // The worker is told to stop while the third contract is being looked at.
            if (through === HARNESS_TODAY && ++asked === 3) controller.abort();
            return meteredRules.periods(context, through);
          },
        },
      },
    });
    const first = await run({ registry: new BillingRegistry([aborting]), chunkSize: 2, signal: controller.signal });
    expect(first.aborted).toBe(true);
    // The first chunk, and the contract in hand when the signal came; nothing after it.
    expect(first.issued).toBe(3);
    const second = await run();
    expect(second.issued).toBe(3);
    const invoices = await h.db.invoice.findMany({ where: { contractId: { in: ids } } });
    expect(invoices.map((i) => i.contractId).sort()).toEqual([...ids].sort());
    expect(new Set(invoices.map((i) => i.idempotencyKey)).size).toBe(6);
  });
});

describe("numbers and concurrency", () => {
  it("issues each invoice once with gapless numbers when two runs go at the same time", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) ids.push(await contract({ meterCode: `CC-${i}`, startOn: "2025-12-20" }));
    const [a, b] = await Promise.all([run({ chunkSize: 5 }), run({ chunkSize: 7 })]);
    expect(a.issued + b.issued).toBe(24 * 3);
    expect(await h.db.invoice.count({ where: { contractId: { in: ids } } })).toBe(24 * 3);
    const numbers = (await h.db.invoice.findMany({ select: { number: true } })).map((i) => i.number);
    for (const year of ["2025", "2026"]) {
      const ofYear = numbers.filter((n) => n.startsWith(`${year}-`)).map((n) => Number(n.slice(5))).sort((x, y) => x - y);
      expect(ofYear).toEqual(ofYear.map((_, i) => i + 1));
      expect((await h.db.invoiceSequence.findUniqueOrThrow({ where: { year: Number(year) } })).lastNumber).toBe(ofYear.length);
    }
  });
});

describe("closed accounting periods", () => {
  it("dates a missed invoice whose month is closed today, with a due date no earlier, and bills the rest as usual", async () => {
    await h.db.accountingPeriod.create({ data: { month: businessDateToDb("2026-02-01"), closedAt: new Date() } });
    const id = await contract({ meterCode: "CLOSED", startOn: "2026-01-15" });
    const result = await run();
    expect(result.failures).toEqual([]);
    const invoices = await h.db.invoice.findMany({ where: { contractId: id }, orderBy: { periodKey: "asc" } });
    expect(invoices.map((i) => [i.periodKey, businessDateFromDb(i.issueOn), businessDateFromDb(i.dueOn)])).toEqual([
      ["meter:2026-01", HARNESS_TODAY, HARNESS_TODAY],
      ["meter:2026-02", "2026-03-01", "2026-03-15"],
    ]);
  });

  it("reports the contract when today's month is closed too, and goes on with the others", async () => {
    const fresh = await h.db.contract.count();
    await h.db.accountingPeriod.create({ data: { month: businessDateToDb("2026-03-01"), closedAt: new Date() } });
    const blocked = await contract({ meterCode: "BLOCKED", startOn: "2026-02-10" });
    const result = await run();
    expect(result.failures).toEqual([{ contractId: blocked, periodKey: "meter:2026-02", message: "ledger.period_closed effectiveOn" }]);
    expect(await h.db.invoice.count({ where: { contractId: blocked } })).toBe(0);
    expect(fresh).toBeGreaterThan(0);
    await h.db.accountingPeriod.deleteMany({ where: { month: businessDateToDb("2026-03-01") } });
  });
});

describe("the daily job", () => {
  it("runs the engine under its name on a morning cron, and a contract marked for billing is looked at again", async () => {
    const job = createBillingJob(h.keyring);
    expect(job).toMatchObject({ name: BILLING_JOB, cron: "10 4 * * *" });
    const id = await contract({ meterCode: "JOB", startOn: "2026-02-02" });
    const context = { db: h.db, clock, log: pino({ enabled: false }), billing: h.billing, jobId: "direct", signal: new AbortController().signal };
    // (The contract refused for a closed March earlier is billed now too: March has reopened.)
    expect(await job.handler(context, undefined)).toMatchObject({ issued: 2, failures: 0 });
    expect(await h.db.invoice.count({ where: { contractId: id } })).toBe(1);
    expect(await job.handler(context, undefined)).toMatchObject({ issued: 0, contracts: 0 });
    await contracts.markForBilling(h.db, [id]);
    expect(await job.handler(context, undefined)).toMatchObject({ issued: 0, contracts: 1 });
  });
});
