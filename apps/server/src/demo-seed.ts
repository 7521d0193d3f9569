import { addDays, addMonths, businessDateFromDb, businessDateToDb, firstDayOf, monthOf, type BusinessDate, type Clock, type Role } from "@sunap/core";
import { BillingRegistry, ContractService, createUser, PayerService, PaymentService, recordAudit, runBilling, type Actor, type AuditSink, type ServerPlugin } from "@sunap/api";
import { postEntry, type Db, type Keyring } from "@sunap/db";
import { seedDemoConsents } from "./demo-consents.ts";

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** One login per role, printed at start in demo mode. Demo only: production has none. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { role: "admin", email: "admin@sunap.demo", password: "sunap-demo-2026" },
  { role: "finance", email: "finance@sunap.demo", password: "sunap-demo-2026" },
  { role: "franchise_hq", email: "hq@sunap.demo", password: "sunap-demo-2026" },
  { role: "store_owner", email: "store@sunap.demo", password: "sunap-demo-2026" },
  { role: "auditor", email: "auditor@sunap.demo", password: "sunap-demo-2026" },
];

const SYSTEM: Actor = { id: null, email: "system:demo-seed", ip: null };

const STORES = [
  { code: "GN01", name: "강남역점", region: "서울", openedOn: "2023-03-02" },
  { code: "HD01", name: "홍대입구점", region: "서울", openedOn: "2023-08-14" },
  { code: "SW01", name: "수원역점", region: "경기", openedOn: "2024-02-01" },
  { code: "HU01", name: "해운대점", region: "부산", openedOn: "2024-06-10" },
  { code: "DG01", name: "동성로점", region: "대구", openedOn: "2025-01-15" },
];

const DEMO_PAYERS = [
  { payerCode: "P0001", kind: "individual", name: "김민지", birthDate: "1991-04-12", businessNumber: null, representative: null, phone: "010-2345-6789", email: "minji@example.kr", address: "서울시 마포구", tags: ["VIP"], plugins: ["subscription"], storeCode: null },
  { payerCode: "P0002", kind: "individual", name: "이준호", birthDate: "1985-09-30", businessNumber: null, representative: null, phone: "010-9876-5432", email: null, address: null, tags: ["정기후원"], plugins: ["donations"], storeCode: null },
  { payerCode: "P0003", kind: "individual", name: "박서연", birthDate: "1978-01-05", businessNumber: null, representative: null, phone: "010-5555-1234", email: "seoyeon@example.kr", address: "경기도 수원시", tags: [], plugins: ["loan-repayment"], storeCode: null },
  { payerCode: "S-GN01", kind: "business", name: "강남역점 (주)가온", birthDate: null, businessNumber: "220-81-62517", representative: "최점주", phone: "02-555-1234", email: "gangnam@example.kr", address: "서울시 강남구", tags: ["가맹점"], plugins: ["franchise-royalty"], storeCode: "GN01" },
  { payerCode: "S-HU01", kind: "business", name: "해운대점 바다상회", birthDate: null, businessNumber: "617-81-01238", representative: "정바다", phone: "051-742-1234", email: null, address: "부산시 해운대구", tags: ["가맹점"], plugins: ["franchise-royalty"], storeCode: "HU01" },
] as const satisfies readonly (Omit<Parameters<PayerService["create"]>[0], "storeId" | "plugins" | "tags"> & { storeCode: string | null; plugins: readonly string[]; tags: readonly string[] })[];

/** True when the database has never been seeded (no users at all). */
export async function needsDemoSeed(db: Db): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * Seeds a believable organisation: its settings, five franchise stores, a user per role and a
 * few months of ledger history (opening balance, monthly receivables, collections), all dated
 * relative to the business date so the dashboard shows something on any day.
 */
export async function seedDemo(db: Db, keyring: Keyring, plugins: readonly ServerPlugin[], clock: Pick<Clock, "today" | "now">): Promise<void> {
  const today = clock.today();
  const pluginIds = plugins.map((p) => p.manifest.id);
  await db.organization.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      legalName: "주식회사 수납데모",
      businessNumber: "123-81-05438",
      representative: "김수납",
      address: "서울특별시 중구 세종대로 110",
      cmsInstitutionCode: "99001234",
      settlementBankCode: "088",
      settlementAccount: "140-013-456789",
      timeZone: "Asia/Seoul",
      creditorText: "주식회사 수납데모 (대표 김수납, 사업자등록번호 123-81-05438) — 문의 02-1234-5678",
    },
  });
  const stores: { id: number; code: string; name: string; region: string }[] = [];
  for (const store of STORES) {
    stores.push(await db.store.upsert({ where: { code: store.code }, update: {}, create: { ...store, openedOn: businessDateToDb(store.openedOn) } }));
  }
  const audit = (tx: Parameters<typeof recordAudit>[0], event: Parameters<typeof recordAudit>[2]) => recordAudit(tx, SYSTEM, event);
  for (const login of DEMO_LOGINS) {
    if (await db.user.findUnique({ where: { email: login.email } })) continue;
    const name = { admin: "관리자", finance: "재무팀 이재무", franchise_hq: "본사 박본사", store_owner: "강남역점주 최점주", auditor: "감사인 정감사" }[login.role];
    await createUser(db, { email: login.email, password: login.password, role: login.role, name, storeIds: login.role === "store_owner" ? [stores[0]!.id] : [] }, audit);
  }

  const payers = new PayerService(db, keyring, pluginIds);
  const has = (id: string) => pluginIds.includes(id);
  for (const payer of DEMO_PAYERS) {
    if (await db.payer.findUnique({ where: { payerCode: payer.payerCode } })) continue;
    await payers.create(
      { ...payer, tags: [...payer.tags], plugins: payer.plugins.filter(has), storeId: payer.storeCode ? (stores.find((s) => s.code === payer.storeCode)?.id ?? null) : null },
      today,
      audit,
    );
  }

  const firstMonth = firstDayOf(addMonths(monthOf(today), -11));
  await db.$transaction(async (tx) => {
    await postEntry(tx, { effectiveOn: firstMonth, kind: "opening", memo: "기초잔액", source: "demo-seed", idempotencyKey: "demo:v1:opening", lines: [{ accountCode: "cash", amountWon: 50_000_000n }, { accountCode: "opening_balance_equity", amountWon: -50_000_000n }] }, null);
    await audit(tx, { action: "demo.seed", entityType: "organization", entityId: 1, after: { stores: stores.length, users: DEMO_LOGINS.length } });
  });

  // Each plugin seeds its own contracts (and rows); then one billing run issues their history by catch-up.
  const registry = new BillingRegistry(plugins);
  const contracts = new ContractService(db, registry);
  const payerRows = await db.payer.findMany({ orderBy: { id: "asc" }, select: { id: true, payerCode: true, name: true, kind: true, storeId: true, plugins: true } });
  for (const plugin of plugins) {
    await plugin.seedDemo?.({ db, keyring, today, contracts, actor: SYSTEM, stores, payers: payerRows });
  }
  await seedDemoConsents(db, keyring, registry, addDays(firstMonth, -10), audit);
  await replayHistory(db, keyring, registry, firstMonth, today, audit);
}

/**
 * The year behind the demo date, lived through: the billing engine runs on the 1st and 16th of
 * every month up to today, and between runs payers pay what they were billed — a few days to two
 * months after the due date depending on the payer, and about one invoice in nine never — so
 * statuses, aging, overdue interest and the dashboard show real collections.
 */
async function replayHistory(db: Db, keyring: Keyring, registry: BillingRegistry, firstMonth: BusinessDate, today: BusinessDate, audit: AuditSink): Promise<void> {
  const payments = new PaymentService(db, keyring);
  const delayDays = [0, 3, 9, 24, 55];
  const steps: BusinessDate[] = [];
  for (let month = monthOf(firstMonth); firstDayOf(month) <= today; month = addMonths(month, 1)) steps.push(firstDayOf(month), addDays(firstDayOf(month), 15));
  const runDates = [...steps.filter((d) => d < today), today];
  for (const day of runDates) {
    const open = await db.invoice.findMany({ where: { openWon: { gt: 0 }, voidedAt: null }, orderBy: { id: "asc" }, select: { id: true, payerId: true, dueOn: true, openWon: true } });
    for (const invoice of open) {
      if (invoice.id % 9 === 4) continue;
      const paidOn = addDays(businessDateFromDb(invoice.dueOn), delayDays[invoice.payerId % delayDays.length]!);
      if (paidOn > day) continue;
      await payments.record(
        { payerId: invoice.payerId, receivedOn: paidOn, amountWon: invoice.openWon, method: "bank_transfer", reference: "데모 입금", memo: "", idempotencyKey: `demo-collect-${invoice.id}`, allocation: { kind: "chosen", allocations: [{ invoiceId: invoice.id, amountWon: invoice.openWon }] } },
        day,
        null,
        audit,
      );
    }
    // The run is dated the simulated day; its timestamps (started, finished, messages queued) are real.
    const clock = { today: () => day, now: () => new Date() };
    await runBilling({ db, registry, keyring, clock, trigger: "demo-seed" });
  }
}
