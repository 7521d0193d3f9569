import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness, HARNESS_TODAY, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";

let h: ApiHarness;
let finance: CoreCaller;

beforeAll(async () => {
  h = await createApiHarness();
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});

/** A royalty of `amountWon` billed to a store: receivable against income. */
function royalty(amountWon: bigint, effectiveOn: string, storeId: number | null = null) {
  return {
    effectiveOn,
    memo: `royalty ${amountWon}`,
    lines: [
      { accountCode: "receivables", amountWon, storeId },
      { accountCode: "late_fee_income", amountWon: -amountWon, storeId },
    ],
  };
}

async function written() {
  const [entries, lines, audit] = await Promise.all([h.db.journalEntry.count(), h.db.journalLine.count(), h.db.auditLog.count()]);
  return { entries, lines, audit };
}

describe("posting a manual entry", () => {
  it("refuses an unbalanced entry with ledger.unbalanced naming the lines, and writes nothing", async () => {
    const before = await written();
    const response = await h.request("finance", "ledger.post", {
      effectiveOn: HARNESS_TODAY,
      memo: "typo",
      lines: [{ accountCode: "cash", amountWon: 100_000n }, { accountCode: "receivables", amountWon: -10_000n }],
    }, { locale: "en" });
    expect(response.status).toBe(400);
    expect(response.error).toMatchObject({ message: "Debits and credits differ (by 90000 won).", data: { code: "BAD_REQUEST", domainCode: "ledger.unbalanced", fieldErrors: [{ field: "lines", message: "Debits and credits differ (by 90000 won)." }] } });
    expect(await written()).toEqual(before);
  });

  it("refuses a line on an account that is not in the chart, naming the line", async () => {
    const entry = { effectiveOn: HARNESS_TODAY, memo: "x", lines: [{ accountCode: "cash", amountWon: 5n }, { accountCode: "petty_cash", amountWon: -5n }] };
    expect(await refusal(finance.ledger.post(entry))).toMatchObject({ code: "BAD_REQUEST", domainCode: "ledger.unknown_account", field: "lines.1.accountCode" });
  });

  it("refuses a line naming a store that does not exist, naming the line, and writes nothing", async () => {
    const before = await written();
    const response = await h.request("finance", "ledger.post", royalty(5_000n, HARNESS_TODAY, 9_999), { locale: "en" });
    expect(response.status).toBe(400);
    expect(response.error?.data.fieldErrors.map((f) => f.field)).toEqual(["lines.0.storeId"]);
    expect(response.error?.message).toContain("store 9999");
    expect(await written()).toEqual(before);
  });

  it("posts once when the same idempotency key comes twice, one after the other or at once", async () => {
    const before = await written();
    const first = await finance.ledger.post({ ...royalty(40_000n, HARNESS_TODAY), idempotencyKey: "double-click-0001" });
    const again = await finance.ledger.post({ ...royalty(40_000n, HARNESS_TODAY), idempotencyKey: "double-click-0001" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false });

    const [left, right] = await Promise.all([
      finance.ledger.post({ ...royalty(60_000n, HARNESS_TODAY), idempotencyKey: "double-click-0002" }),
      finance.ledger.post({ ...royalty(60_000n, HARNESS_TODAY), idempotencyKey: "double-click-0002" }),
    ]);
    expect(left.id).toBe(right.id);
    expect([left.created, right.created].sort()).toEqual([false, true]);
    expect(await written()).toEqual({ entries: before.entries + 2, lines: before.lines + 4, audit: before.audit + 2 });
  });
});

describe("accounting periods", () => {
  it("refuses an entry dated in a closed month with ledger.period_closed, and writes nothing", async () => {
    await finance.ledger.post(royalty(1_000n, "2026-01-20"));
    await finance.periods.close({ month: "2026-01" });
    const before = await written();
    expect(await refusal(finance.ledger.post(royalty(2_000n, "2026-01-31")))).toMatchObject({ code: "CONFLICT", domainCode: "ledger.period_closed", field: "effectiveOn" });
    expect(await written()).toEqual(before);
    await expect(finance.ledger.post(royalty(2_000n, "2026-02-01"))).resolves.toMatchObject({ created: true });
    const { data } = await finance.periods.list();
    expect(data.find((p) => p.month === "2026-01")).toMatchObject({ closed: true, closedById: h.users.finance.id, entries: 1, ended: true });
  });

  it("refuses to close a month that has not ended, or one already closed", async () => {
    expect(await refusal(finance.periods.close({ month: "2026-03" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "period.future", field: "month" });
    expect(await refusal(finance.periods.close({ month: "2026-04" }))).toMatchObject({ domainCode: "period.future" });
    await finance.periods.close({ month: "2025-10" });
    expect(await refusal(finance.periods.close({ month: "2025-10" }))).toMatchObject({ code: "CONFLICT", domainCode: "period.already_closed" });
  });

  it("reopens a closed month only with a reason, audits it, and then takes entries dated in it", async () => {
    await finance.periods.close({ month: "2025-11" });
    expect((await refusal(finance.periods.reopen({ month: "2025-11" } as never))).zodPaths).toEqual(["reason"]);
    expect((await refusal(finance.periods.reopen({ month: "2025-11", reason: "  " }))).zodPaths).toEqual(["reason"]);
    expect(await refusal(finance.periods.reopen({ month: "2025-09", reason: "not closed" }))).toMatchObject({ code: "CONFLICT", domainCode: "period.not_closed" });

    await finance.periods.reopen({ month: "2025-11", reason: "감사인 수정 요청" });
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { action: "period.reopen", entityId: "2025-11" } });
    expect(audit).toMatchObject({ actorId: h.users.finance.id, after: { reason: "감사인 수정 요청" } });
    await expect(finance.ledger.post(royalty(3_000n, "2025-11-30"))).resolves.toMatchObject({ created: true });
  });
});

describe("reversing an entry", () => {
  it("posts the mirror entry once; a second reversal is refused; the balances net to zero", async () => {
    const { a } = h.stores;
    const balances = async () => ({
      cash: (await finance.ledger.balance({ accountCode: "cash", storeId: a.id })).balanceWon,
      receivables: (await finance.ledger.balance({ accountCode: "receivables", storeId: a.id })).balanceWon,
    });
    const before = await balances();
    const original = await finance.ledger.post({ effectiveOn: "2026-03-09", memo: "receipt entered twice", lines: [{ accountCode: "cash", amountWon: 120_000n, storeId: a.id }, { accountCode: "receivables", amountWon: -120_000n, storeId: a.id }] });

    const reversal = await finance.ledger.reverse({ id: original.id });
    expect(reversal).toMatchObject({ created: true, effectiveOn: HARNESS_TODAY });
    const mirror = await finance.ledger.entry({ id: reversal.id });
    expect(mirror).toMatchObject({ kind: "reversal", reversesEntryId: original.id, memo: `Reversal of #${original.id}` });
    expect(mirror.lines.map((l) => [l.accountCode, l.amountWon, l.storeId])).toEqual([["cash", -120_000n, a.id], ["receivables", 120_000n, a.id]]);
    expect((await finance.ledger.entry({ id: original.id })).reversedById).toBe(reversal.id);

    expect(await refusal(finance.ledger.reverse({ id: original.id }))).toMatchObject({ code: "CONFLICT", domainCode: "ledger.already_reversed" });
    expect(await h.db.journalEntry.count({ where: { reversesEntryId: original.id } })).toBe(1);
    expect(before).toEqual({ cash: 0n, receivables: 0n });
    expect(await balances()).toEqual(before);
    expect((await finance.ledger.trialBalance({})).totalWon).toBe(0n);
  });

  it("corrects an entry of a closed month today, leaving the closed month's figures as they were", async () => {
    const original = await finance.ledger.post(royalty(77_000n, "2025-12-15"));
    await finance.periods.close({ month: "2025-12" });
    const asOfYearEnd = await finance.ledger.balance({ asOf: "2025-12-31", accountCode: "receivables" });

    expect(await refusal(finance.ledger.reverse({ id: original.id, effectiveOn: "2025-12-31" }))).toMatchObject({ code: "CONFLICT", domainCode: "ledger.period_closed" });
    await finance.ledger.reverse({ id: original.id, memo: "billed in error" });

    expect(await finance.ledger.balance({ asOf: "2025-12-31", accountCode: "receivables" })).toEqual(asOfYearEnd);
  });
});
