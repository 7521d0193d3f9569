import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { createConsentJobs, ENCRYPTED_COLUMNS, rotatePersonalDataKeys, runBilling } from "@sunap/api";
import { callPath, consentThroughPage, createApiHarness, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import { decryptField, keyringFromConfig, SANDBOX_BANK_FIELD_CONTEXT, type Keyring } from "@sunap/db";
import { serverPlugins } from "./plugins.ts";

/**
 * The proof that `rotate-keys` reaches every encrypted value the application writes: every
 * encrypted place is filled through the real services (the consent page, the sandbox bank, the
 * outbox, the plugins' routers), then after one rotation no text or JSON value anywhere in the
 * schema still names the old key. A column added later and not declared makes this test fail.
 */

let h: ApiHarness;
let finance: CoreCaller;
let bothKeys: Keyring;
const tables = [...ENCRYPTED_COLUMNS, ...serverPlugins.flatMap((plugin) => plugin.encryptedColumns ?? [])];

/** Every text, JSON or array column of the schema whose values name `keyId`: as a token prefix, or alone (evidence files' key_id). */
async function placesNaming(db: ApiHarness["db"], keyId: string): Promise<Record<string, number>> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
     ORDER BY 1, 2`;
  const found: Record<string, number> = {};
  for (const { table, column } of columns) {
    const [{ count }] = await db.$queryRawUnsafe<[{ count: bigint }]>(
      `SELECT count(*) AS "count" FROM "${table}" WHERE "${column}"::text LIKE '%' || $1 || '%' OR "${column}"::text = $2`,
      `v1.${keyId}.`,
      keyId,
    );
    if (count > 0n) found[`${table}.${column}`] = Number(count);
  }
  return found;
}

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins, today: "2026-03-16" });
  finance = h.callerFor("finance");
  // The harness encrypts with its own key; the rotation adds a second one and makes it active.
  const oldKey = Buffer.from(h.keyring.activeKey.export()).toString("base64");
  const blind = Buffer.from(h.keyring.blindIndexKey.export()).toString("base64");
  bothKeys = keyringFromConfig({ SUNAP_ENCRYPTION_KEYS: `${h.keyring.activeKeyId}:${oldKey},rotated2:${randomBytes(32).toString("base64")}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "rotated2", SUNAP_BLIND_INDEX_KEY: blind });
});
afterAll(async () => {
  await h?.drop();
});

/** The registration jobs as the worker runs them: the EB13 file to the sandbox bank, then its EB14 answer. */
async function runRegistrationJobs() {
  const context = { db: h.db, clock: h.clock, log: pino({ enabled: false }), billing: h.billing, keyring: h.keyring, jobId: "direct-run", signal: new AbortController().signal };
  for (const job of createConsentJobs(h.keyring).filter((j) => j.name.startsWith("cms.registrations-"))) await job.handler(context, undefined);
}

/** A consent given on the public page: OTP challenge, payer, account, signature, messages; then the bank registers it. */
async function consentThroughThePublicPage() {
  const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "회원 모집", amountText: "매월 50,000원", scheduleText: "매월 25일 출금" });
  const token = link.path.split("/").pop()!;
  await consentThroughPage(h, { token, payer: { name: "홍길동", birthDate: "1990-05-17", phone: "010-2345-6789" }, account: { bankCode: "090", accountNumber: "3333123456789" }, idempotencyKey: "rotation-coverage-1" });
  await runRegistrationJobs();
  await h.setToday("2026-03-17");
  await runRegistrationJobs();
}

/** A royalty invoice for a business franchisee, and its tax invoice (the buyer's number encrypted inside jsonb). */
async function royaltyTaxInvoice() {
  const hq = h.callerFor("franchise_hq");
  const royalty = (path: string, input: unknown) => callPath(hq, `franchise-royalty.${path}`, input);
  const franchisee = await finance.payers.create({ payerCode: "S-A", kind: "business", name: "강남점 (주)가온", businessNumber: "314-81-27343", representative: "최점주", phone: "02-555-1234", plugins: ["franchise-royalty"], storeId: h.stores.a.id });
  const contract = (await royalty("contracts.create", {
    storeId: h.stores.a.id,
    payerId: franchisee.id,
    terms: { storeCode: "IGNORED", firstMonth: "2026-01", royalty: { kind: "flat", rateBp: 500 }, fixedFees: [], minimumRoyaltyWon: 0n },
  })) as { id: number };
  await royalty("sales.submit", { storeId: h.stores.a.id, month: "2026-01", grossSalesWon: 20_000_000n });
  await runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });
  const invoice = await h.db.invoice.findFirstOrThrow({ where: { contractId: contract.id }, orderBy: { id: "asc" } });
  await royalty("taxInvoices.issue", { invoiceId: invoice.id });
  return invoice.id;
}

/** A donor's consent to year-end tax reporting, with their resident number. */
async function donorTaxConsent() {
  const donor = await finance.payers.create({ payerCode: "D-1", kind: "individual", name: "이준호", birthDate: "1985-09-30", phone: "010-9876-5432", plugins: ["donations"] });
  const version = ((await callPath(finance, "donations.taxConsent.terms")) as { version: string }).version;
  await callPath(finance, "donations.taxConsent.give", { payerId: donor.id, residentRegistrationNumber: "850930-1234567", termsVersion: version });
}

describe("rotate-keys over a database holding every kind of encrypted value", () => {
  it("leaves no token and no evidence file on the old key anywhere in the schema, and what it re-encrypted still reads", async () => {
    await consentThroughThePublicPage();
    const taxInvoiceOf = await royaltyTaxInvoice();
    await donorTaxConsent();
    await finance.payers.create({ payerCode: "B-1", kind: "business", name: "(주)사업자", businessNumber: "220-81-62517", representative: "김대표", phone: "010-1111-2222" });

    const oldKeyId = h.keyring.activeKeyId;
    const before = await placesNaming(h.db, oldKeyId);
    // Seeding reached every encrypted place, or the scan after rotation would prove little.
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        "payer.phone_enc",
        "payer.birth_date_enc",
        "payer.business_number_enc",
        "payer_account.account_number_enc",
        "notify_message.recipient_enc",
        "notify_message.secret_enc",
        "otp_challenge.phone_enc",
        "cms_file.content_enc",
        "sandbox_bank_submission.content_enc",
        "sandbox_bank_result_file.content_enc",
        "sandbox_bank_registration.account_number_enc",
        "sandbox_bank_registration.birth_or_business_number_enc",
        "evidence_file.key_id",
        "donor_tax_consent.resident_number_enc",
        "royalty_tax_invoice.data",
      ]),
    );

    const progress = new Set<string>();
    const results = await rotatePersonalDataKeys(h.db, bothKeys, (table) => progress.add(table), tables);
    expect(await placesNaming(h.db, oldKeyId)).toEqual({});
    expect([...progress]).toEqual(expect.arrayContaining(["otp_challenge", "sandbox_bank_registration", "royalty_tax_invoice", "donor_tax_consent", "evidence_file"]));
    expect(results.sandbox_bank_registration!.rotatedByKeyId).toEqual({ [oldKeyId]: 2 }); // account and birth date of one registration
    expect(results.royalty_tax_invoice!.rotatedByKeyId).toEqual({ [oldKeyId]: 1 });

    const registration = await h.db.sandboxBankRegistration.findFirstOrThrow();
    expect(decryptField(bothKeys, registration.accountNumberEnc, SANDBOX_BANK_FIELD_CONTEXT.accountNumber)).toBe("3333123456789");
    const taxInvoice = await h.db.royaltyTaxInvoice.findUniqueOrThrow({ where: { invoiceId: taxInvoiceOf } });
    const buyer = (taxInvoice.data as { buyer: { businessNumberEnc: string; businessNumberMasked: string } }).buyer;
    expect(decryptField(bothKeys, buyer.businessNumberEnc, "royalty_tax_invoice.buyer_business_number")).toBe("3148127343");
    expect(buyer.businessNumberMasked).toBe("314-81-*****");

    const again = await rotatePersonalDataKeys(h.db, bothKeys, undefined, tables);
    expect(Object.values(again).reduce((sum, r) => sum + r.rowsUpdated, 0)).toBe(0);
  });
});
