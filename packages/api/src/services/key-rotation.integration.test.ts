import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { accountLast4Index, encryptField, keyIdOf, keyringFromConfig } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { PAYER_FIELD_CONTEXT, PayerService } from "./payer-service.ts";
import { rotatePersonalDataKeys } from "./key-rotation.ts";
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
});
