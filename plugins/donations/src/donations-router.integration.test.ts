import { afterAll, beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { readPdf } from "@sunap/api/testing/pdf";
import { pino } from "pino";
import { runBilling, type ContractView, type JobContext } from "@sunap/api";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import type { PledgeTerms } from "./billing-rules.ts";
import { donationsRouter } from "./server/router.ts";
import { donationsPlugin } from "./server.ts";
import { thankYouJob } from "./server/thank-you-job.ts";

type DonationsCaller = ReturnType<typeof donationsRouter.createCaller>;
const plugin = (caller: CoreCaller) => (caller as unknown as { donations: DonationsCaller }).donations;

let h: ApiHarness;
let finance: CoreCaller;
let don: DonationsCaller;
let donorA = 0;
let donorB = 0;
let company = 0;
let donorC = 0;
let donorD = 0;

const bill = () => runBilling({ db: h.db, registry: h.billing, keyring: h.keyring, clock: h.clock, trigger: "test" });

const pledgeTerms = (fields: Partial<PledgeTerms> = {}) => ({ kind: "pledge", monthlyAmountWon: 30_000n, dayOfMonth: 25, startOn: "2026-01-01", status: "active", campaign: "WATER", fund: "GENERAL", ...fields });

async function createPledge(payerId: number, fields: Partial<PledgeTerms> = {}): Promise<ContractView> {
  return finance.contracts.create({ pluginId: "donations", payerId, terms: pledgeTerms(fields) });
}

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [donationsPlugin] });
  finance = h.callerFor("finance");
  don = plugin(finance);
  donorA = (await finance.payers.create({ payerCode: "D-001", kind: "individual", name: "이준호", birthDate: "1985-09-30", phone: "010-9876-5432", plugins: ["donations"] })).id;
  donorB = (await finance.payers.create({ payerCode: "D-002", kind: "individual", name: "김하나", birthDate: "1990-01-01", phone: "010-1111-2222", plugins: ["donations"] })).id;
  donorC = (await finance.payers.create({ payerCode: "D-003", kind: "individual", name: "박서연", birthDate: "1978-01-05", phone: "010-5555-1234", address: "경기도 수원시", plugins: ["donations"] })).id;
  donorD = (await finance.payers.create({ payerCode: "D-004", kind: "individual", name: "최민수", birthDate: "1969-07-07", phone: "010-7777-8888", plugins: ["donations"] })).id;
  company = (await finance.payers.create({ payerCode: "D-CORP", kind: "business", name: "(주)나눔상사", businessNumber: "220-81-62517", representative: "박대표", phone: "02-555-1234", plugins: ["donations"] })).id;
});
afterAll(async () => {
  await h?.drop();
});

describe("pledges and gifts as contracts", () => {
  it("stores a pledge created through the core's contracts with its terms parsed back (bigints included)", async () => {
    const created = await createPledge(donorA);
    expect(created).toMatchObject({ pluginId: "donations", title: "정기후원 매월 25일 30,000원 (WATER · GENERAL)", startsOn: "2026-01-01", version: 1 });
    expect((created.terms as PledgeTerms).monthlyAmountWon).toBe(30_000n);
  });

  it("refuses bad terms naming the field, and saves nothing", async () => {
    const before = await h.db.contract.count();
    expect(await refusal(finance.contracts.create({ pluginId: "donations", payerId: donorA, terms: pledgeTerms({ monthlyAmountWon: -5n }) }))).toMatchObject({ domainCode: "contract.invalid_terms", field: "terms.monthlyAmountWon" });
    expect(await refusal(finance.contracts.create({ pluginId: "donations", payerId: donorA, terms: { kind: "gift", amountWon: 10_000n, on: "2026-02-30" } }))).toMatchObject({ field: "terms.on" });
    expect(await h.db.contract.count()).toBe(before);
  });
});

describe("pledge changes through the plugin's router", () => {
  it("pauses, resumes, upgrades and cancels, each a new version audited with its reason", async () => {
    const pledge = await createPledge(donorB, { startOn: "2026-03-01" });
    const paused = await don.pledges.pause({ id: pledge.id, version: 1, from: "2026-03-16", reason: "실직" });
    expect(paused.version).toBe(2);
    expect((paused.terms as PledgeTerms)).toMatchObject({ status: "paused", pauses: [{ from: "2026-03-16", until: null }] });
    const resumed = await don.pledges.resume({ id: pledge.id, version: 2, on: "2026-05-01" });
    expect((resumed.terms as PledgeTerms).pauses).toEqual([{ from: "2026-03-16", until: "2026-05-01" }]);
    const upgraded = await don.pledges.upgrade({ id: pledge.id, version: 3, effectiveOn: "2026-06-01", monthlyAmountWon: 50_000n });
    expect((upgraded.terms as PledgeTerms).amountChanges).toEqual([{ effectiveOn: "2026-06-01", monthlyAmountWon: 50_000n }]);
    const cancelled = await don.pledges.cancel({ id: pledge.id, version: 4, on: "2026-09-01", reason: "후원 종료 요청" });
    expect((cancelled.terms as PledgeTerms).cancelledOn).toBe("2026-09-01");

    const audits = await h.db.auditLog.findMany({ where: { entityType: "contract", entityId: String(pledge.id), action: "contract.update_terms" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => (a.after as { reason: string }).reason)).toEqual(["pause: 실직", "resume", "upgrade", "cancel: 후원 종료 요청"]);
  });

  it("refuses impossible transitions with their own errors and changes nothing", async () => {
    const pledge = await createPledge(donorB, { startOn: "2026-03-01", dayOfMonth: 10 });
    expect(await refusal(don.pledges.resume({ id: pledge.id, version: 1, on: "2026-04-01" }))).toMatchObject({ code: "CONFLICT", domainCode: "donations.pledge.not_paused", field: "on" });
    expect(await refusal(don.pledges.pause({ id: pledge.id, version: 1, from: "2026-03-01" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "donations.pledge.date_in_past", field: "from" });
    expect(await refusal(don.pledges.upgrade({ id: pledge.id, version: 1, effectiveOn: "2026-04-01", monthlyAmountWon: 30_000n }))).toMatchObject({ domainCode: "donations.pledge.same_amount", field: "monthlyAmountWon" });
    await don.pledges.cancel({ id: pledge.id, version: 1, on: "2026-03-16" });
    expect(await refusal(don.pledges.pause({ id: pledge.id, version: 2, from: "2026-04-01" }))).toMatchObject({ code: "CONFLICT", domainCode: "donations.pledge.cancelled" });
    expect(await refusal(don.pledges.cancel({ id: pledge.id, version: 2, on: "2026-04-01" }))).toMatchObject({ code: "CONFLICT", domainCode: "donations.pledge.already_cancelled" });
    expect((await finance.contracts.get({ id: pledge.id })).version).toBe(2);
  });

  it("refuses a stale version (someone changed the pledge meanwhile) and a one-off gift", async () => {
    const pledge = await createPledge(donorB, { startOn: "2026-03-01", dayOfMonth: 11 });
    await don.pledges.pause({ id: pledge.id, version: 1, from: "2026-04-01" });
    expect(await refusal(don.pledges.upgrade({ id: pledge.id, version: 1, effectiveOn: "2026-05-01", monthlyAmountWon: 40_000n }))).toMatchObject({ code: "CONFLICT", domainCode: "contract.version_conflict", field: "version" });
    const gift = await finance.contracts.create({ pluginId: "donations", payerId: donorB, terms: { kind: "gift", amountWon: 100_000n, on: "2026-03-20" } });
    expect(await refusal(don.pledges.pause({ id: gift.id, version: 1, from: "2026-03-20" }))).toMatchObject({ domainCode: "donations.not_a_pledge" });
  });

  it("lets only users who may write contracts change a pledge", async () => {
    const pledge = await createPledge(donorB, { startOn: "2026-03-01", dayOfMonth: 12 });
    expect(await refusal(plugin(h.callerFor("auditor")).pledges.pause({ id: pledge.id, version: 1, from: "2026-04-01" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the donor's consent to give a resident registration number", () => {
  it("stores the number only encrypted, shows it masked and erases it on withdrawal, all audited without the number", async () => {
    const { version } = await don.taxConsent.terms();
    expect(await refusal(don.taxConsent.give({ payerId: donorA, residentRegistrationNumber: "850931-1234567", termsVersion: version }))).toMatchObject({ domainCode: "donations.bad_resident_number", field: "residentRegistrationNumber" });
    expect(await refusal(don.taxConsent.give({ payerId: donorA, residentRegistrationNumber: "900101-1234567", termsVersion: version }))).toMatchObject({ domainCode: "donations.tax_consent.birth_date_mismatch", field: "residentRegistrationNumber" });
    expect(await refusal(don.taxConsent.give({ payerId: donorA, residentRegistrationNumber: "850930-1234567", termsVersion: "old" }))).toMatchObject({ domainCode: "donations.tax_consent.terms_version", field: "termsVersion" });
    expect(await refusal(don.taxConsent.give({ payerId: company, residentRegistrationNumber: "850930-1234567", termsVersion: version }))).toMatchObject({ domainCode: "donations.tax_consent.individual_only" });
    expect(await h.db.donorTaxConsent.count()).toBe(0);

    const given = await don.taxConsent.give({ payerId: donorA, residentRegistrationNumber: "8509301234567", termsVersion: version });
    expect(given).toMatchObject({ active: true, residentNumberMasked: "850930-1******", termsVersion: version });
    const row = await h.db.donorTaxConsent.findUniqueOrThrow({ where: { payerId: donorA } });
    expect(row.residentNumberEnc).not.toContain("1234567");
    expect(await don.taxConsent.get({ payerId: donorA })).toMatchObject({ active: true, residentNumberMasked: "850930-1******" });

    const audits = await h.db.auditLog.findMany({ where: { entityType: "donor_tax_consent" } });
    expect(JSON.stringify(audits)).not.toContain("1234567");

    const withdrawn = await don.taxConsent.withdraw({ payerId: donorA });
    expect(withdrawn).toMatchObject({ active: false, residentNumberMasked: null });
    expect((await h.db.donorTaxConsent.findUniqueOrThrow({ where: { payerId: donorA } })).residentNumberEnc).toBeNull();
    expect(await refusal(don.taxConsent.withdraw({ payerId: donorA }))).toMatchObject({ code: "CONFLICT", domainCode: "donations.tax_consent.none" });
    expect((await h.db.auditLog.findMany({ where: { entityType: "donor_tax_consent" }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["donations.tax_consent.give", "donations.tax_consent.withdraw"]);
  });
});

describe("the engine bills donations and receipts show what was collected", () => {
  let giftId = 0;
  let januaryPaymentId = 0;

  beforeAll(async () => {
    // A pledge created through the plugin's own flow (the core's contracts router with donation terms) and a gift.
    await createPledge(donorC, { startOn: "2026-01-01", dayOfMonth: 25, monthlyAmountWon: 30_000n });
    giftId = (await finance.contracts.create({ pluginId: "donations", payerId: donorC, terms: { kind: "gift", amountWon: 100_000n, on: "2026-02-14", campaign: "WATER" } })).id;
    await createPledge(donorD, { startOn: "2026-02-01", dayOfMonth: 5, monthlyAmountWon: 10_000n });
  });

  it("issues the pledge's missed months and the gift once, to donation income without VAT, and again nothing on a second run", async () => {
    const first = await bill();
    expect(first.failures).toEqual([]);
    const invoices = await h.db.invoice.findMany({ where: { payerId: donorC, pluginId: "donations" }, include: { lines: true }, orderBy: { issueOn: "asc" } });
    expect(invoices.map((i) => [i.periodKey.startsWith("gift-") ? "gift" : i.periodKey, i.totalWon])).toEqual([
      ["2026-01", 30_000n],
      ["gift", 100_000n],
      ["2026-02", 30_000n],
    ]);
    expect(invoices.find((i) => i.contractId === giftId)?.periodKey).toBe(`gift-${giftId}`);
    expect(invoices.flatMap((i) => i.lines.map((l) => l.creditAccount))).toEqual(["donation_income", "donation_income", "donation_income"]);
    const second = await bill();
    expect(second.issued).toBe(0);
    expect(await h.db.invoice.count({ where: { payerId: donorC } })).toBe(3);
  });

  it("refuses a pledge change from a day whose month was already invoiced", async () => {
    const pledge = (await finance.contracts.list({ filters: [{ field: "payerId", operator: "eq", value: donorD }] })).data[0]!;
    await h.setToday("2026-03-05");
    await bill();
    expect(await refusal(don.pledges.upgrade({ id: pledge.id, version: pledge.version, effectiveOn: "2026-03-05", monthlyAmountWon: 20_000n }))).toMatchObject({ code: "CONFLICT", domainCode: "donations.pledge.already_invoiced", field: "effectiveOn" });
    await h.setToday("2026-03-16");
  });

  it("builds the year's receipt from the payments that reached the donor's donation invoices, not from what was invoiced", async () => {
    januaryPaymentId = (await finance.payments.record({ payerId: donorC, receivedOn: "2026-01-26", amountWon: 30_000n, method: "bank_transfer", idempotencyKey: "don-pay-0001" })).payment.id;
    // One transfer settles the gift and February together; 5,000 more stays as customer credit, not a donation.
    await finance.payments.record({ payerId: donorC, receivedOn: "2026-02-26", amountWon: 135_000n, method: "bank_transfer", idempotencyKey: "don-pay-0002" });

    const page = await don.receipts.list({ year: 2026 });
    const row = page.data.find((r) => r.payerId === donorC)!;
    expect(row).toMatchObject({ payerCode: "D-003", payments: 2, collectedWon: 160_000n, serial: null });

    const receipt = await don.receipts.download({ payerId: donorC, year: 2026 });
    expect(receipt).toMatchObject({ serial: "2026-000001", totalWon: 160_000n, firstIssue: true, contentType: "application/pdf", filename: "donation-receipt_2026-000001_D-003.pdf" });
    const { text, pages } = await readPdf(Buffer.from(receipt.base64, "base64"));
    expect(pages).toBe(1);
    for (const expected of ["기부금 영수증", "박서연", "D-003", "(주)수납테스트", "220-81-62517", "2026-01", "2026-02", "160,000원", "2026-000001"]) expect(text).toContain(expected);
    expect(await h.db.auditLog.count({ where: { action: "donations.receipt.issue", entityId: "2026-000001" } })).toBe(1);
  });

  it("re-issues with the same serial, and a voided payment drops out of the receipt in its own month", async () => {
    await finance.payments.void({ id: januaryPaymentId, reason: "이중 입력" });
    const again = await don.receipts.download({ payerId: donorC, year: 2026 });
    expect(again).toMatchObject({ serial: "2026-000001", totalWon: 130_000n, firstIssue: false });
    const { text } = await readPdf(Buffer.from(again.base64, "base64"));
    expect(text).not.toContain("2026-01");
    expect(await h.db.donationReceiptIssue.findMany({ where: { payerId: donorC } })).toMatchObject([{ year: 2026, serial: "2026-000001", totalWon: 130_000n }]);
  });

  it("refuses a receipt for a donor who paid nothing that year, and for a future year", async () => {
    expect(await refusal(don.receipts.download({ payerId: donorD, year: 2026 }))).toMatchObject({ domainCode: "donations.receipt.nothing_collected", field: "year" });
    expect(await refusal(don.receipts.download({ payerId: donorC, year: 2027 }))).toMatchObject({ domainCode: "donations.receipt.bad_year", field: "year" });
  });

  it("issues every donor's receipt in bulk: one PDF per donor in a ZIP, or one PDF with a page per donor, new donors numbered after the kept ones", async () => {
    await finance.payments.record({ payerId: donorD, receivedOn: "2026-03-06", amountWon: 20_000n, method: "cash", idempotencyKey: "don-pay-0003" });
    const zip = await don.receipts.downloadAll({ year: 2026, format: "zip" });
    expect(zip).toMatchObject({ count: 2, filename: "donation-receipts_2026.zip", contentType: "application/zip" });
    const files = Object.keys((await JSZip.loadAsync(Buffer.from(zip.base64!, "base64"))).files).sort();
    expect(files).toEqual(["donation-receipt_2026-000001_D-003.pdf", "donation-receipt_2026-000002_D-004.pdf"]);
    const combined = await don.receipts.downloadAll({ year: 2026, format: "pdf" });
    const { pages, text } = await readPdf(Buffer.from(combined.base64!, "base64"));
    expect(pages).toBe(2);
    expect(text).toContain("최민수");
    expect((await don.receipts.list({ year: 2026, filters: [{ field: "issued", operator: "eq", value: "true" }] })).total).toBe(2);
    // A store owner sees only donations invoiced under their stores: these donors belong to none.
    expect((await plugin(h.callerFor("store_owner")).receipts.list({ year: 2026 })).total).toBe(0);
    expect(await refusal(plugin(h.callerFor("store_owner")).receipts.download({ payerId: donorC, year: 2026 }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await h.db.auditLog.findMany({ where: { action: "donations.receipt.issue_all" } })).map((a) => a.after)).toEqual([
      { year: 2026, receipts: 2, newlyIssued: 1 },
      { year: 2026, receipts: 2, newlyIssued: 0 },
    ]);
  });

  it("exports the issuance list with a consenting donor's full resident number, logged in the access log with the reason", async () => {
    const { version } = await don.taxConsent.terms();
    await don.taxConsent.give({ payerId: donorC, residentRegistrationNumber: "780105-2345678", termsVersion: version });
    expect(await refusal(don.issuanceList.export({ year: 2026, reason: " " }))).toMatchObject({ domainCode: "donations.export.reason_required", field: "reason" });
    expect(await refusal(plugin(h.callerFor("auditor")).issuanceList.export({ year: 2026, reason: "연말정산" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await h.db.personalDataAccess.count({ where: { action: "donations.issuance_list.export" } })).toBe(0);

    const exported = await don.issuanceList.export({ year: 2026, reason: "2026 연말정산 간소화 제출" });
    expect(exported).toMatchObject({ rows: 2, withResidentNumber: 1, filename: "donation-receipt-issuance_2026.csv" });
    const csv = Buffer.from(exported.base64, "base64").toString("utf8");
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toContain("주민등록번호");
    expect(lines[1]).toContain("2026-000001");
    expect(lines[1]).toContain("780105-2345678");
    expect(lines[1]).toContain("130000");
    expect(lines[2]).toContain("D-004");
    expect(lines[2]).not.toMatch(/\d{6}-\d{7}/);
    const access = await h.db.personalDataAccess.findMany({ where: { action: "donations.issuance_list.export" }, orderBy: { id: "asc" } });
    expect(access.map((a) => [a.payerId, a.reason.startsWith("2026 연말정산 간소화 제출")])).toEqual([
      [null, true],
      [donorC, true],
    ]);
    expect(JSON.stringify(await h.db.auditLog.findMany({ where: { action: "donations.issuance_list.export" } }))).not.toContain("2345678");
  });

  it("queues the thank-you once per donor after the first collected gift (daily job), found again by the outbox's related donor", async () => {
    const jobContext = { db: h.db, clock: h.clock, log: pino({ level: "silent" }), jobId: "test", billing: h.billing, signal: new AbortController().signal };
    expect(await thankYouJob.handler(jobContext as JobContext, {})).toEqual({ skipped: "no keyring in the job context" });
    expect(await thankYouJob.handler({ ...jobContext, keyring: h.keyring } as JobContext, {})).toEqual({ queued: 2, unreachable: 0 });
    const messages = await h.db.notifyMessage.findMany({ where: { templateCode: "donation_thank_you" }, orderBy: { payerId: "asc" } });
    expect(messages.map((m) => [m.payerId, m.relatedType, m.relatedId])).toEqual([
      [donorC, "donations.donor", String(donorC)],
      [donorD, "donations.donor", String(donorD)],
    ]);
    // donorC's voided January payment was never collected: the first gift thanked is February's transfer, as far as it reached donations (not the 5,000 kept as credit).
    expect(messages[0]!.body).toContain("130,000원이 2026년 2월 26일");
    expect(messages[0]!.body).not.toContain("2345678");
    expect(await don.thankYou.run({})).toMatchObject({ queued: 0 });
    expect((await h.db.auditLog.findMany({ where: { action: "donations.thank_you.run" }, orderBy: { id: "asc" } })).map((a) => [a.actorEmail, a.after])).toEqual([
      ["job:donations.thank-you", { queued: 2, unreachable: 0 }],
      ["finance@sunap.test", { queued: 0, unreachable: 0 }],
    ]);
    expect(await h.db.notifyMessage.count({ where: { templateCode: "donation_thank_you" } })).toBe(2);
    expect((await don.donors.summary({ payerId: donorC })).thankYou).toMatchObject({ status: "queued" });
  });
});
