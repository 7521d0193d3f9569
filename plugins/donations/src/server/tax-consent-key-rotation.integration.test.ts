import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { ENCRYPTED_COLUMNS, PayerService, recordAudit, rotatePersonalDataKeys } from "@sunap/api";
import { decryptField, encryptField, keyIdOf, keyringFromConfig } from "@sunap/db";
import { createTestDatabase, type TestDatabase } from "@sunap/db/testing";
import { donationsPlugin } from "../server.ts";
import { RESIDENT_NUMBER_CONTEXT } from "./tax-consent.ts";

let t: TestDatabase;
const [k1, k2, blind] = [randomBytes(32), randomBytes(32), randomBytes(32)].map((key) => key.toString("base64"));
const oldKeys = keyringFromConfig({ SUNAP_ENCRYPTION_KEYS: `old1:${k1}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "old1", SUNAP_BLIND_INDEX_KEY: blind! });
const bothKeys = keyringFromConfig({ SUNAP_ENCRYPTION_KEYS: `old1:${k1},new2:${k2}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "new2", SUNAP_BLIND_INDEX_KEY: blind! });

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe("key rotation of the donors' resident numbers", () => {
  it("re-encrypts the columns the plugin declares under the new key, still readable, keyed by payer", async () => {
    const audit = (db: Parameters<typeof recordAudit>[0], event: Parameters<typeof recordAudit>[2]) => recordAudit(db, { id: null, email: "test", ip: null }, event);
    const payer = await new PayerService(t.db, oldKeys, ["donations"]).create(
      { payerCode: "D1", kind: "individual", name: "이준호", birthDate: "1985-09-30", businessNumber: null, representative: null, phone: "010-9876-5432", email: null, address: null, tags: [], plugins: ["donations"], storeId: null },
      "2026-11-24",
      audit,
    );
    await t.db.donorTaxConsent.create({ data: { payerId: payer.id, residentNumberEnc: encryptField(oldKeys, "8509301234567", RESIDENT_NUMBER_CONTEXT), consentedAt: new Date(), termsVersion: "v1" } });

    const results = await rotatePersonalDataKeys(t.db, bothKeys, undefined, [...ENCRYPTED_COLUMNS, ...(donationsPlugin.encryptedColumns ?? [])]);
    expect(results.donor_tax_consent!.rotatedByKeyId).toEqual({ old1: 1 });
    const row = await t.db.donorTaxConsent.findUniqueOrThrow({ where: { payerId: payer.id } });
    expect(keyIdOf(row.residentNumberEnc!)).toBe("new2");
    expect(decryptField(bothKeys, row.residentNumberEnc!, RESIDENT_NUMBER_CONTEXT)).toBe("8509301234567");
  });
});
