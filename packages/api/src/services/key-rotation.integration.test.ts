import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { accountLast4Index, decryptField, encryptField, keyIdOf, keyringFromConfig, SANDBOX_BANK_FIELD_CONTEXT, type Db } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { PAYER_FIELD_CONTEXT, PayerService } from "./payer-service.ts";
import { rotatePersonalDataKeys, type EncryptedColumns } from "./key-rotation.ts";
import { PgEvidenceStore } from "./evidence-store.ts";
import { recordAudit } from "../audit.ts";

let t: TestDatabase;
const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");
const blind = randomBytes(32).toString("base64");
const oldKeys = keyringFromConfig({ SUNAP_ENCRYPTION_KEYS: `old1:${k1}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "old1", SUNAP_BLIND_INDEX_KEY: blind });
const bothKeys = keyringFromConfig({ SUNAP_ENCRYPTION_KEYS: `old1:${k1},new2:${k2}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "new2", SUNAP_BLIND_INDEX_KEY: blind });

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("key rotation", () => {
  it("re-encrypts every payer's personal numbers under the new active key, readable afterwards, and a re-run changes nothing", async () => {
    const service = new PayerService(t.db, oldKeys, []);
    const audit = (db: Parameters<typeof recordAudit>[0], event: Parameters<typeof recordAudit>[2]) => recordAudit(db, { id: null, email: "test", ip: null }, event);
    for (let i = 0; i < 7; i += 1) {
      const payer = await service.create({ payerCode: `R${i}`, kind: "individual", name: `회원${i}`, birthDate: "1980-01-0" + (i + 1), businessNumber: null, representative: null, phone: `010-1000-000${i}`, email: null, address: null, tags: [], plugins: [], storeId: null }, "2026-11-24", audit);
      await t.db.payerAccount.create({ data: { payerId: payer.id, bankCode: "004", accountNumberEnc: encryptField(oldKeys, `12345678900${i}`, PAYER_FIELD_CONTEXT.accountNumber), last4Bidx: accountLast4Index(oldKeys, `12345678900${i}`), holderName: `회원${i}` } });
    }
    const first = await rotatePersonalDataKeys(t.db, bothKeys);
    expect(first.payer!.rotatedByKeyId).toEqual({ old1: 14 });
    expect(first.payer_account!.rotatedByKeyId).toEqual({ old1: 7 });
    const rows = await t.db.payer.findMany({ include: { accounts: true } });
    for (const row of rows) {
      expect(keyIdOf(row.phoneEnc)).toBe("new2");
      expect(keyIdOf(row.accounts[0]!.accountNumberEnc)).toBe("new2");
    }
    const reader = new PayerService(t.db, bothKeys, []);
    const shown = await reader.get(rows[0]!.id, null);
    expect(shown.phoneMasked).toMatch(/^010-\*{4}-000\d$/);
    const second = await rotatePersonalDataKeys(t.db, bothKeys);
    expect(second.payer!.rowsUpdated + second.payer_account!.rowsUpdated).toBe(0);
  });

  it("re-encrypts consent evidence files through the one database function allowed to, bytes and hash unchanged; a direct UPDATE is still refused", async () => {
    const signature = Buffer.from("PNG signature bytes, drawn on the phone");
    const stored = await new PgEvidenceStore(oldKeys).put(t.db, { kind: "signature_image", contentType: "image/png", bytes: signature });
    const first = await rotatePersonalDataKeys(t.db, bothKeys);
    expect(first.evidence_file!.rotatedByKeyId).toEqual({ old1: 1 });
    const row = await t.db.evidenceFile.findUniqueOrThrow({ where: { id: stored.id } });
    expect(row).toMatchObject({ keyId: "new2", sha256: stored.sha256, sizeBytes: signature.length });
    expect((await new PgEvidenceStore(bothKeys).read(t.db, stored.id)).bytes).toEqual(signature);
    await expect(t.db.$executeRaw`UPDATE evidence_file SET key_id = 'old1' WHERE id = ${stored.id}`).rejects.toThrow(/immutable consent evidence/);
    await expect(t.db.$executeRaw`UPDATE evidence_file SET sha256 = 'x' WHERE id = ${stored.id}`).rejects.toThrow(/immutable consent evidence/);
    expect((await rotatePersonalDataKeys(t.db, bothKeys)).evidence_file!.rowsUpdated).toBe(0);
  });

  it("walks a text key in the database's own order across batches (mixed case, digits, punctuation) and re-encrypts every registration", async () => {
    const keys = ["b-2", "B-1", "a_9", "Z", "0x", "é", "a-10", "A"];
    for (const [i, lookupKey] of keys.entries()) {
      await t.db.sandboxBankRegistration.create({
        data: {
          lookupKey,
          orgCode: "SUNAP0001",
          payerNumber: `P${i}`,
          bankCode: "004",
          accountNumberEnc: encryptField(oldKeys, `11122233344${i}`, SANDBOX_BANK_FIELD_CONTEXT.accountNumber),
          birthOrBusinessNumberEnc: encryptField(oldKeys, `90010${i}`, SANDBOX_BANK_FIELD_CONTEXT.birthOrBusinessNumber),
          holderName: "회원",
          registeredOn: new Date("2026-03-17"),
        },
      });
    }
    const seen: number[] = [];
    const bank = [{ table: "sandbox_bank_registration", idColumn: "lookup_key", columns: { account_number_enc: SANDBOX_BANK_FIELD_CONTEXT.accountNumber, birth_or_business_number_enc: SANDBOX_BANK_FIELD_CONTEXT.birthOrBusinessNumber } }];
    const result = await rotatePersonalDataKeys(t.db, bothKeys, (table, p) => table === "sandbox_bank_registration" && seen.push(p.rowsScanned), bank, { batchSize: 3 });
    expect(result.sandbox_bank_registration).toMatchObject({ rowsScanned: keys.length, rowsUpdated: keys.length, rotatedByKeyId: { old1: keys.length * 2 } });
    expect(seen).toEqual([3, 6, 8]);
    for (const [i, lookupKey] of keys.entries()) {
      const row = await t.db.sandboxBankRegistration.findUniqueOrThrow({ where: { lookupKey } });
      expect(keyIdOf(row.accountNumberEnc)).toBe("new2");
      expect(decryptField(bothKeys, row.accountNumberEnc, SANDBOX_BANK_FIELD_CONTEXT.accountNumber)).toBe(`11122233344${i}`);
    }
  });

  it("re-encrypts a token at a declared path inside jsonb, leaving the rest of the document alone, and never overwrites one the application rewrote meanwhile", async () => {
    const context = "staff_notification.test_token";
    const declared: EncryptedColumns[] = [{ table: "staff_notification", jsonFields: [{ column: "params", path: ["holder", "numberEnc"], context }] }];
    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const row = await t.db.staffNotification.create({ data: { kind: "test", params: { payerCode: `P${i}`, holder: { numberEnc: encryptField(oldKeys, `NUM${i}`, context), masked: "***" } }, createdAt: new Date() } });
      ids.push(row.id);
    }
    const fresh = encryptField(bothKeys, "NEW-NUMBER", context);
    // The application rewrites the first row between the rotation's read and its save.
    let raced = false;
    const racing = new Proxy(t.db, {
      get(target, property, receiver) {
        if (property !== "$executeRawUnsafe") return Reflect.get(target, property, receiver) as unknown;
        return async (sql: string, ...params: unknown[]) => {
          if (!raced) {
            raced = true;
            await target.$executeRaw`UPDATE staff_notification SET params = jsonb_set(params, '{holder,numberEnc}', to_jsonb(${fresh}::text)) WHERE id = ${ids[0]!}`;
          }
          return target.$executeRawUnsafe(sql, ...params);
        };
      },
    }) as Db;
    const first = await rotatePersonalDataKeys(racing, bothKeys, undefined, declared);
    expect(first.staff_notification).toMatchObject({ rowsScanned: 3, rowsUpdated: 2, rowsChangedMeanwhile: 1 });
    const rows = await t.db.staffNotification.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
    const holders = rows.map((r) => (r.params as { holder: { numberEnc: string; masked: string } }).holder);
    expect(holders[0]!.numberEnc).toBe(fresh);
    expect(holders.map((h) => decryptField(bothKeys, h.numberEnc, context))).toEqual(["NEW-NUMBER", "NUM1", "NUM2"]);
    expect(holders.every((h) => keyIdOf(h.numberEnc) === "new2" && h.masked === "***")).toBe(true);
    expect(rows.map((r) => (r.params as { payerCode: string }).payerCode)).toEqual(["P0", "P1", "P2"]);
    expect((await rotatePersonalDataKeys(t.db, bothKeys, undefined, declared)).staff_notification!.rowsUpdated).toBe(0);
  });

  const payerPhoneOnly: EncryptedColumns = { table: "payer", columns: { phone_enc: PAYER_FIELD_CONTEXT.phone } };

  it("refuses, before writing anything, a declaration naming a missing table or column, a token column of the wrong type, or one context twice", async () => {
    const phone = await t.db.payer.findFirstOrThrow({ select: { id: true, phoneEnc: true } });
    const run = (declaration: EncryptedColumns) => rotatePersonalDataKeys(t.db, bothKeys, undefined, [payerPhoneOnly, declaration]);
    await expect(run({ table: "no_such_table", columns: { x_enc: "x.y" } })).rejects.toThrow("rotate-keys: table no_such_table does not exist");
    await expect(run({ table: "payer", columns: { phone_encrypted: "payer.phone" } })).rejects.toThrow("rotate-keys: payer.phone_encrypted is missing; expected text or character varying");
    await expect(run({ table: "payer", jsonFields: [{ column: "phone_enc", path: ["a"], context: "payer.phone" }] })).rejects.toThrow("payer.phone_enc is text; expected jsonb");
    await expect(run({ table: "payer", idColumn: "code", columns: { phone_enc: "payer.phone" } })).rejects.toThrow("payer has no key column code");
    await expect(run({ table: "payer", columns: { phone_enc: "payer.phone", birth_date_enc: "payer.phone" } })).rejects.toThrow("declares the context payer.phone twice");
    await expect(run({ table: "payer", idColumn: "kind", columns: { phone_enc: "payer.phone" } })).rejects.toThrow("payer.kind is not a unique key");
    expect(await t.db.payer.findUniqueOrThrow({ where: { id: phone.id }, select: { phoneEnc: true } })).toEqual({ phoneEnc: phone.phoneEnc });
  });
});
