import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness, HARNESS_TODAY, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";

let h: ApiHarness;
let owner: CoreCaller;
let entryA = 0;
let entryB = 0;
let entryBoth = 0;

beforeAll(async () => {
  h = await createApiHarness();
  owner = h.callerFor("store_owner");
  const finance = h.callerFor("finance");
  const { a, b } = h.stores;
  // Royalties billed to both stores this month, and one receipt touching both.
  entryA = (await finance.ledger.post({ effectiveOn: "2026-03-02", memo: "royalty A", lines: [{ accountCode: "receivables", amountWon: 300_000n, storeId: a.id }, { accountCode: "late_fee_income", amountWon: -300_000n, storeId: a.id }] })).id;
  entryB = (await finance.ledger.post({ effectiveOn: "2026-03-03", memo: "royalty B", lines: [{ accountCode: "receivables", amountWon: 700_000n, storeId: b.id }, { accountCode: "late_fee_income", amountWon: -700_000n, storeId: b.id }] })).id;
  entryBoth = (await finance.ledger.post({
    effectiveOn: "2026-03-10",
    memo: "receipt A and B",
    lines: [
      { accountCode: "cash", amountWon: 150_000n },
      { accountCode: "receivables", amountWon: -100_000n, storeId: a.id },
      { accountCode: "receivables", amountWon: -50_000n, storeId: b.id },
    ],
  })).id;
});
afterAll(async () => {
  await h?.drop();
});

describe("a store owner sees only their own stores", () => {
  it("lists only store A", async () => {
    const { data, total } = await owner.stores.list({});
    expect(data.map((s) => s.code)).toEqual(["GANGNAM"]);
    expect(total).toBe(1);
    const all = await h.callerFor("franchise_hq").stores.list({});
    expect(all.total).toBe(2);
  });

  it("is refused store B by id, with auth.store_forbidden", async () => {
    expect((await owner.stores.get({ id: h.stores.a.id })).code).toBe("GANGNAM");
    expect(await refusal(owner.stores.get({ id: h.stores.b.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
  });

  it("finds nothing when it filters the store list for store B", async () => {
    const { data } = await owner.stores.list({ filters: [{ field: "id", operator: "eq", value: h.stores.b.id }] });
    expect(data).toEqual([]);
  });

  it("sees only the journal entries, and the lines, that name store A", async () => {
    const { data, total } = await owner.ledger.entries({});
    expect(data.map((e) => e.id).sort()).toEqual([entryA, entryBoth].sort());
    expect(total).toBe(2);
    const both = data.find((e) => e.id === entryBoth)!;
    expect(both.lines).toEqual([expect.objectContaining({ accountCode: "receivables", amountWon: -100_000n, storeId: h.stores.a.id })]);
    expect((await h.callerFor("finance").ledger.entries({})).total).toBe(3);
  });

  it("is refused an entry of store B alone, and sees only store A's line of a shared one", async () => {
    expect(await refusal(owner.ledger.entry({ id: entryB }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    const shared = await owner.ledger.entry({ id: entryBoth });
    expect(shared.lines.map((l) => l.storeId)).toEqual([h.stores.a.id]);
  });

  it("gets account balances counting store A's lines only", async () => {
    const { data } = await owner.ledger.accounts({ asOf: HARNESS_TODAY });
    const balance = (code: string) => data.find((a) => a.code === code)?.balanceWon;
    expect(balance("receivables")).toBe(200_000n);
    expect(balance("late_fee_income")).toBe(-300_000n);
    expect(balance("cash")).toBe(0n);
    const trial = await owner.ledger.trialBalance({ asOf: HARNESS_TODAY });
    expect(trial.rows).toEqual([
      { accountCode: "late_fee_income", balanceWon: -300_000n },
      { accountCode: "receivables", balanceWon: 200_000n },
    ]);
  });

  it("gets a balance of store A's lines only, and is refused one asked for store B", async () => {
    expect((await owner.ledger.balance({ accountCode: "receivables" })).balanceWon).toBe(200_000n);
    expect((await owner.ledger.balance({ accountCode: "receivables", storeId: h.stores.a.id })).balanceWon).toBe(200_000n);
    expect(await refusal(owner.ledger.balance({ accountCode: "receivables", storeId: h.stores.b.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    expect((await h.callerFor("finance").ledger.balance({ accountCode: "receivables", storeId: h.stores.b.id })).balanceWon).toBe(650_000n);
  });

  it("gives an owner of stores A and B the balance of exactly the store they name", async () => {
    const both = await h.addUser({ email: "two-stores@sunap.test", role: "store_owner", storeIds: [h.stores.a.id, h.stores.b.id] });
    const caller = h.callerWithToken(both.token);
    expect((await caller.ledger.balance({ accountCode: "receivables", storeId: h.stores.a.id })).balanceWon).toBe(200_000n);
    expect((await caller.ledger.balance({ accountCode: "receivables", storeId: h.stores.b.id })).balanceWon).toBe(650_000n);
    expect((await caller.ledger.balance({ accountCode: "receivables" })).balanceWon).toBe(850_000n);
  });

  it("gets a dashboard of store A only: one store, its receivables, its entries, no user count", async () => {
    const mine = await owner.dashboard.summary();
    expect(mine).toMatchObject({ today: HARNESS_TODAY, stores: 1, users: null, openReceivablesWon: 200_000n, entriesThisMonth: 2 });
    expect(mine.receivablesHistory.at(-1)).toEqual({ asOf: HARNESS_TODAY, receivablesWon: 200_000n });
    const everything = await h.callerFor("finance").dashboard.summary();
    expect(everything).toMatchObject({ stores: 2, openReceivablesWon: 850_000n, entriesThisMonth: 3 });
  });
});
