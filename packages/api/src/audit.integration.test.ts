import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreRouter } from "./app-router.ts";
import { createApiHarness, HARNESS_TODAY, ORGANIZATION, procedurePaths, type ApiHarness, type CoreCaller, type HarnessUser } from "./testing/api-harness.ts";

let h: ApiHarness;
let leaver: HarnessUser;
let changer: HarnessUser;
let colleague: HarnessUser;
let entryToReverse = 0;
let payerId = 0;
const IP = "198.51.100.77";

beforeAll(async () => {
  h = await createApiHarness();
  [leaver, changer, colleague] = await Promise.all([
    h.addUser({ email: "leaver@sunap.test", role: "auditor" }),
    h.addUser({ email: "changer@sunap.test", role: "finance" }),
    h.addUser({ email: "colleague@sunap.test", role: "finance" }),
  ]);
  const finance = h.callerFor("finance");
  entryToReverse = (await finance.ledger.post({ effectiveOn: "2026-03-05", memo: "to be corrected", lines: [{ accountCode: "cash", amountWon: 9_000n }, { accountCode: "receivables", amountWon: -9_000n }] })).id;
  await finance.periods.close({ month: "2025-12" });
});
afterAll(async () => {
  await h?.drop();
});

const payer = { payerCode: "P-0001", kind: "individual" as const, name: "홍길동", birthDate: "1990-05-17", phone: "010-1234-5678" };

interface AuditedMutation {
  /** Who calls it. */
  as: () => HarnessUser;
  run(caller: CoreCaller): Promise<unknown>;
  expected: { action: string; entityType: string; entityId?: () => string | null };
  /** What else the record must (not) hold. */
  check?(record: { before: unknown; after: unknown }): void;
}

// One line per mutation of the core router; a test below fails when a new mutation is missing here.
const AUDITED: Record<string, AuditedMutation> = {
  "auth.login": {
    as: () => h.users.auditor,
    run: () => h.callerWithToken(null, { ip: IP }).auth.login({ email: h.users.auditor.email, password: h.users.auditor.password }),
    expected: { action: "auth.login", entityType: "user", entityId: () => String(h.users.auditor.id) },
  },
  "auth.logout": { as: () => leaver, run: (c) => c.auth.logout(), expected: { action: "auth.logout", entityType: "user", entityId: () => String(leaver.id) } },
  "auth.changePassword": {
    as: () => changer,
    run: (c) => c.auth.changePassword({ currentPassword: changer.password, newPassword: "Changed-pass-2026" }),
    expected: { action: "auth.password_changed", entityType: "user", entityId: () => String(changer.id) },
    check: (r) => expect(JSON.stringify(r)).not.toMatch(/Changed-pass-2026|Sunap-Harness-2026|argon2/),
  },
  "auth.setLocale": { as: () => h.users.auditor, run: (c) => c.auth.setLocale({ locale: "ko" }), expected: { action: "user.set_locale", entityType: "user", entityId: () => String(h.users.auditor.id) } },
  "organization.update": {
    as: () => h.users.admin,
    run: (c) => c.organization.update({ ...ORGANIZATION, settlementAccount: "220-987-654321", creditorText: "매월 25일 출금" }),
    expected: { action: "organization.update", entityType: "organization", entityId: () => "1" },
    check: (r) => {
      expect(r.before).toMatchObject({ creditorText: ORGANIZATION.creditorText });
      expect(r.after).toMatchObject({ creditorText: "매월 25일 출금" });
      // The settlement account and the registration number reach the audit log only masked.
      expect(r.before).toMatchObject({ settlementAccount: "***-***-**6789", businessNumber: "***-**-*2517" });
      expect(r.after).toMatchObject({ settlementAccount: "***-***-**4321" });
      expect(JSON.stringify(r)).not.toMatch(/110-123-456789|220-987-654321|220-81-62517/);
    },
  },
  "stores.create": {
    as: () => h.users.franchise_hq,
    run: (c) => c.stores.create({ code: "jamsil", name: "잠실점", region: "서울", openedOn: "2026-03-01" }),
    expected: { action: "store.create", entityType: "store" },
    check: (r) => {
      expect(r.before).toBeNull();
      expect(r.after).toMatchObject({ code: "JAMSIL", name: "잠실점", openedOn: "2026-03-01" });
    },
  },
  "stores.update": {
    as: () => h.users.franchise_hq,
    run: (c) => c.stores.update({ id: h.stores.b.id, values: { code: "HONGDAE", name: "홍대입구점", region: "서울", openedOn: "2024-09-01" } }),
    expected: { action: "store.update", entityType: "store", entityId: () => String(h.stores.b.id) },
    check: (r) => {
      expect(r.before).toMatchObject({ name: "홍대점" });
      expect(r.after).toMatchObject({ name: "홍대입구점" });
    },
  },
  "users.create": {
    as: () => h.users.admin,
    run: (c) => c.users.create({ email: "new-hire@sunap.test", name: "신입 재무", role: "finance", password: "First-login-2026" }),
    expected: { action: "user.create", entityType: "user" },
    check: (r) => {
      expect(r.after).toMatchObject({ email: "new-hire@sunap.test", role: "finance" });
      expect(JSON.stringify(r)).not.toMatch(/password|First-login-2026|argon2/i);
    },
  },
  "users.update": {
    as: () => h.users.admin,
    run: (c) => c.users.update({ id: colleague.id, values: { name: "재무 팀장", role: "finance", storeIds: [] } }),
    expected: { action: "user.update", entityType: "user", entityId: () => String(colleague.id) },
    check: (r) => {
      expect(r.before).toMatchObject({ name: "colleague", disabled: false });
      expect(r.after).toMatchObject({ name: "재무 팀장", disabled: false });
    },
  },
  "users.resetPassword": {
    as: () => h.users.admin,
    run: (c) => c.users.resetPassword({ id: colleague.id, password: "Reset-by-admin-2026" }),
    expected: { action: "user.reset_password", entityType: "user", entityId: () => String(colleague.id) },
    check: (r) => expect(JSON.stringify(r)).not.toMatch(/Reset-by-admin-2026|argon2/),
  },
  "ledger.post": {
    as: () => h.users.finance,
    run: (c) => c.ledger.post({ effectiveOn: HARNESS_TODAY, memo: "opening cash", lines: [{ accountCode: "cash", amountWon: 50_000n }, { accountCode: "opening_balance_equity", amountWon: -50_000n }] }),
    expected: { action: "ledger.post", entityType: "journal_entry" },
    check: (r) => expect(r.after).toMatchObject({ memo: "opening cash", lines: [{ accountCode: "cash", amountWon: "50000" }, { accountCode: "opening_balance_equity", amountWon: "-50000" }] }),
  },
  "ledger.reverse": {
    as: () => h.users.finance,
    run: (c) => c.ledger.reverse({ id: entryToReverse }),
    expected: { action: "ledger.reverse", entityType: "journal_entry" },
    check: (r) => expect(r.after).toEqual({ reverses: entryToReverse, effectiveOn: HARNESS_TODAY }),
  },
  "payers.create": {
    as: () => h.users.finance,
    run: async (c) => (payerId = (await c.payers.create(payer)).id),
    expected: { action: "payer.create", entityType: "payer" },
    check: (r) => {
      expect(r.after).toMatchObject({ payerCode: "P-0001", name: "홍길동" });
      expect(JSON.stringify(r)).not.toMatch(/1234-5678|12345678|1990-05-17/);
    },
  },
  "payers.update": {
    as: () => h.users.finance,
    run: (c) => c.payers.update({ id: payerId, values: { ...payer, phone: "010-9876-5432" } }),
    expected: { action: "payer.update", entityType: "payer", entityId: () => String(payerId) },
    check: (r) => {
      expect(r.before).toMatchObject({ name: "홍길동" });
      expect(JSON.stringify(r)).not.toMatch(/1234-5678|12345678|9876-5432|98765432|1990-05-17/);
    },
  },
  "payers.reveal": {
    as: () => h.users.finance,
    run: (c) => c.payers.reveal({ id: payerId, reason: "출금 계좌 확인 요청" }),
    expected: { action: "payer.reveal", entityType: "payer", entityId: () => String(payerId) },
    check: (r) => {
      expect(r.after).toEqual({ reason: "출금 계좌 확인 요청" });
      expect(JSON.stringify(r)).not.toMatch(/9876-5432|98765432|1990-05-17/);
    },
  },
  "periods.close": { as: () => h.users.finance, run: (c) => c.periods.close({ month: "2026-01" }), expected: { action: "period.close", entityType: "accounting_period", entityId: () => "2026-01" } },
  "periods.reopen": {
    as: () => h.users.finance,
    run: (c) => c.periods.reopen({ month: "2025-12", reason: "감사인 수정 요청" }),
    expected: { action: "period.reopen", entityType: "accounting_period", entityId: () => "2025-12" },
    check: (r) => {
      expect(r.before).toMatchObject({ closedAt: expect.any(String), closedById: h.users.finance.id });
      expect(r.after).toEqual({ reason: "감사인 수정 요청" });
    },
  },
  "clock.set": {
    as: () => h.users.admin,
    run: (c) => c.clock.set({ today: "2026-03-17" }),
    expected: { action: "clock.set", entityType: "clock", entityId: () => "1" },
    check: (r) => {
      expect(r.before).toEqual({ today: HARNESS_TODAY });
      expect(r.after).toEqual({ today: "2026-03-17" });
    },
  },
};

describe("the audit log", () => {
  it("has a case below for every mutation of the core router", () => {
    expect(Object.keys(AUDITED).sort()).toEqual(procedurePaths(coreRouter, "mutation"));
  });

  it.each(Object.keys(AUDITED))("records who did %s, from where, to what, masked", async (path) => {
    const mutation = AUDITED[path]!;
    const actor = mutation.as();
    const lastId = (await h.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;

    await mutation.run(h.callerWithToken(actor.token, { ip: IP }));

    const records = await h.db.auditLog.findMany({ where: { id: { gt: lastId } } });
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ actorId: actor.id, actorEmail: actor.email, ip: IP, action: mutation.expected.action, entityType: mutation.expected.entityType });
    if (mutation.expected.entityId) expect(record.entityId).toBe(mutation.expected.entityId());
    else expect(record.entityId).toMatch(/^\d+$/);
    mutation.check?.(record);
  });

  it("is append-only: the database refuses to change or delete a record", async () => {
    const before = await h.db.auditLog.count();
    expect(before).toBeGreaterThan(0);
    await expect(h.db.$executeRawUnsafe(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(h.db.$executeRawUnsafe(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(h.db.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await h.db.auditLog.count()).toBe(before);
    expect(await h.db.auditLog.count({ where: { action: "tampered" } })).toBe(0);
  });

  it("can be read by the auditor through the API, newest first", async () => {
    const { data, total } = await h.callerFor("auditor").audit.list({ filters: [{ field: "action", operator: "eq", value: "store.update" }] });
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ entityId: String(h.stores.b.id), ip: IP });
  });
});
