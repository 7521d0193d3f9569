import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractView } from "@sunap/api";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "@sunap/api/testing";
import type { PledgeTerms } from "./billing-rules.ts";
import { donationsRouter } from "./server/router.ts";
import { donationsPlugin } from "./server.ts";

type DonationsCaller = ReturnType<typeof donationsRouter.createCaller>;
const plugin = (caller: CoreCaller) => (caller as unknown as { donations: DonationsCaller }).donations;

let h: ApiHarness;
let finance: CoreCaller;
let don: DonationsCaller;
let donorA = 0;
let donorB = 0;
let company = 0;

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
