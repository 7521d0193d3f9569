import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { DomainError } from "@sunap/core";
import { encryptField, generateDevKeyring, accountLast4Index } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { PAYER_FIELD_CONTEXT, PayerService, type PayerInput } from "./payer-service.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { recordAudit } from "../audit.ts";

let t: TestDatabase;
let service: PayerService;
const keyring = generateDevKeyring().keyring;
const audit: AuditSink = (db, event) => recordAudit(db, { id: null, email: "test", ip: "127.0.0.1" }, event);
const today = "2026-11-24";
let storeA: number;
let storeB: number;

const person = (overrides: Partial<PayerInput> = {}): PayerInput => ({
  payerCode: "P100",
  kind: "individual",
  name: "홍길동",
  birthDate: "1990-05-17",
  businessNumber: null,
  representative: null,
  phone: "010-1234-5678",
  email: null,
  address: null,
  tags: ["VIP"],
  plugins: ["subscription"],
  storeId: null,
  ...overrides,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof DomainError ? `${error.code}@${error.field ?? ""}` : String(error);
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  service = new PayerService(t.db, keyring, ["subscription", "donations"]);
  storeA = (await t.db.store.create({ data: { code: "A1", name: "A점", region: "서울", openedOn: new Date("2024-01-01") } })).id;
  storeB = (await t.db.store.create({ data: { code: "B1", name: "B점", region: "부산", openedOn: new Date("2024-01-01") } })).id;
});
afterAll(() => t.drop());

describe("payers", () => {
  it("stores no plaintext birth date, business number, phone or account number in PostgreSQL", async () => {
    const created = await service.create(person(), today, audit);
    await t.db.payerAccount.create({
      data: { payerId: created.id, bankCode: "088", accountNumberEnc: encryptField(keyring, "110123457890", PAYER_FIELD_CONTEXT.accountNumber), last4Bidx: accountLast4Index(keyring, "110123457890"), holderName: "홍길동" },
    });
    const business = await service.create(person({ payerCode: "B100", kind: "business", name: "(주)가온", birthDate: null, businessNumber: "220-81-62517", representative: "김대표", phone: "02-555-1234" }), today, audit);
    const raw = new pg.Client({ connectionString: t.url });
    await raw.connect();
    const { rows } = await raw.query(`SELECT row_to_json(p)::text AS payer, (SELECT coalesce(json_agg(a), '[]')::text FROM payer_account a WHERE a.payer_id = p.id) AS accounts FROM payer p WHERE id = ANY($1)`, [[created.id, business.id]]);
    await raw.end();
    const everything = rows.map((r) => r.payer + r.accounts).join("\n");
    for (const secret of ["1990-05-17", "19900517", "01012345678", "010-1234-5678", "1234-5678", "2208162517", "220-81-62517", "110123457890", "7890"]) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(everything).toContain("v1.dev1.");
  });

  it("shows personal numbers masked, with the same last four digits search uses", async () => {
    const [shown] = (await service.list({ pagination: { current: 1, pageSize: 20 }, sorters: [], filters: [{ field: "payerCode", operator: "eq", value: "P100" }] }, null)).data;
    expect(shown).toMatchObject({ phoneMasked: "010-****-5678", birthDateMasked: "1990-**-**" });
    expect(shown!.accounts[0]!.accountNumberMasked).toBe("********7890");
  });

  it("finds a payer by phone in any format and by an account's last four digits, without decrypting", async () => {
    const byPhone = await service.list({ pagination: { current: 1, pageSize: 20 }, sorters: [], filters: [{ field: "phone", operator: "eq", value: "01012345678" }] }, null);
    expect(byPhone.data.map((p) => p.payerCode)).toEqual(["P100"]);
    const byLast4 = await service.list({ pagination: { current: 1, pageSize: 20 }, sorters: [], filters: [{ field: "accountLast4", operator: "eq", value: "7890" }] }, null);
    expect(byLast4.data.map((p) => p.payerCode)).toEqual(["P100"]);
    const nonsense = await service.list({ pagination: { current: 1, pageSize: 20 }, sorters: [], filters: [{ field: "phone", operator: "eq", value: "abc" }] }, null);
    expect(nonsense.total).toBe(0);
  });

  it("reveals unmasked data only with a reason, and logs who saw it and why", async () => {
    const [payer] = (await service.list({ pagination: { current: 1, pageSize: 1 }, sorters: [], filters: [{ field: "payerCode", operator: "eq", value: "P100" }] }, null)).data;
    const actor = { id: null, email: "finance@test", ip: "10.0.0.1" };
    expect(await codeOf(service.reveal(payer!.id, " ", actor, null, audit))).toBe("payer.reason_required@reason");
    const revealed = await service.reveal(payer!.id, "고객 요청으로 계좌 확인", actor, null, audit);
    expect(revealed).toMatchObject({ phone: "01012345678", birthDate: "1990-05-17" });
    expect(revealed.accounts[0]!.accountNumber).toBe("110123457890");
    const log = await t.db.personalDataAccess.findMany({ where: { payerId: payer!.id } });
    expect(log).toEqual([expect.objectContaining({ action: "payer.reveal", email: "finance@test", reason: "고객 요청으로 계좌 확인", ip: "10.0.0.1" })]);
    const audited = await t.db.auditLog.findMany({ where: { action: "payer.reveal", entityId: String(payer!.id) } });
    expect(audited).toEqual([expect.objectContaining({ entityType: "payer", after: { reason: "고객 요청으로 계좌 확인" } })]);
  });

  it("refuses a bad phone, a bad business-number check digit, a future birth date, a payer under 14 and a taken code, naming the field", async () => {
    expect(await codeOf(service.create(person({ payerCode: "X1", phone: "12345" }), today, audit))).toBe("payer.bad_phone@phone");
    expect(await codeOf(service.create(person({ payerCode: "X2", kind: "business", birthDate: null, businessNumber: "220-81-62518", representative: "김" }), today, audit))).toBe("payer.bad_business_number@businessNumber");
    expect(await codeOf(service.create(person({ payerCode: "X3", birthDate: "2027-01-01" }), today, audit))).toBe("payer.birth_date_future@birthDate");
    expect(await codeOf(service.create(person({ payerCode: "X4", birthDate: "2013-06-01" }), today, audit))).toBe("payer.under_minimum_age@birthDate");
    expect(await codeOf(service.create(person({ payerCode: "P100" }), today, audit))).toBe("payer.code_taken@payerCode");
    expect(await codeOf(service.create(person({ payerCode: "X5", plugins: ["casino"] }), today, audit))).toBe("payer.unknown_plugin@plugins");
    expect(await t.db.payer.count({ where: { payerCode: { startsWith: "X" } } })).toBe(0);
  });

  it("shows a store owner only the payers of their stores", async () => {
    await service.create(person({ payerCode: "SA", storeId: storeA, phone: "010-1111-2222" }), today, audit);
    const inB = await service.create(person({ payerCode: "SB", storeId: storeB, phone: "010-3333-4444" }), today, audit);
    const seen = await service.list({ pagination: { current: 1, pageSize: 50 }, sorters: [], filters: [] }, [storeA]);
    expect(seen.data.map((p) => p.payerCode)).toEqual(["SA"]);
    expect(await codeOf(service.get(inB.id, [storeA]))).toBe("auth.store_forbidden@");
  });

  it("audits creation and changes with masked values only", async () => {
    const created = await service.create(person({ payerCode: "AU1", phone: "010-7777-8888" }), today, audit);
    await service.update(created.id, person({ payerCode: "AU1", phone: "010-7777-9999", name: "홍길순" }), today, audit);
    const records = await t.db.auditLog.findMany({ where: { entityType: "payer", entityId: String(created.id) }, orderBy: { id: "asc" } });
    expect(records.map((r) => r.action)).toEqual(["payer.create", "payer.update"]);
    const text = JSON.stringify(records);
    expect(text).not.toContain("77778888");
    expect(text).not.toContain("7777-8888");
    expect(text).toContain("****-9999");
  });

  it("keeps the stored birth date and phone when an update leaves them out, and still checks them when the kind changes", async () => {
    const created = await service.create(person({ payerCode: "KP1", phone: "010-4444-5555", email: null }), today, audit);
    const { birthDate: _birthDate, phone: _phone, businessNumber: _businessNumber, ...rest } = person({ payerCode: "KP1", email: "new@example.kr" });
    const updated = await service.update(created.id, rest, today, audit);
    expect(updated).toMatchObject({ email: "new@example.kr", phoneMasked: "010-****-5555" });
    expect(await service.reveal(created.id, "변경 확인", { id: null, email: "test", ip: null }, null, audit)).toMatchObject({ phone: "01044445555", birthDate: "1990-05-17" });
    // Switching to a business without giving its number: the kept (absent) number is refused like a missing one.
    expect(await codeOf(service.update(created.id, { ...rest, kind: "business", representative: "홍길동" }, today, audit))).toBe("payer.business_number_required@businessNumber");
  });
});
