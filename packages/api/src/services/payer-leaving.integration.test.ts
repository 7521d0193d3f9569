import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness, refusal, runRegistrationJobs, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { issueFixtureInvoice } from "../testing/invoice-fixtures.ts";
import { meteredPlugin } from "../testing/metered-plugin/index.ts";

let h: ApiHarness;
let finance: CoreCaller;
const PDF_SCAN = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(256, 0x20), Buffer.from("\n%%EOF\n")]);

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [meteredPlugin], today: "2026-03-16" });
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});

let seq = 0;
const paperConsent = (payerId: number, accountNumber: string) =>
  finance.consents.recordOffline({ payerId, method: "paper", agreedOn: h.clock.today(), bankCode: "088", accountNumber, holderName: "김탈퇴", file: { name: "consent.pdf", base64: PDF_SCAN.toString("base64") }, idempotencyKey: `leave-consent-${++seq}` });
const meteredContract = (payerId: number, startOn: string) => finance.contracts.create({ pluginId: "metered", payerId, terms: { meterCode: `LV-${++seq}`, startOn, baseFeeWon: 10_000n, unitPriceWon: 100n } });
const newPayer = (payerCode: string, storeId: number | null = null) => finance.payers.create({ payerCode, kind: "individual", name: "김탈퇴", birthDate: "1980-02-02", phone: `010-4${payerCode.slice(-3)}-1234`, storeId });
const auditSince = async (lastId: number) => h.db.auditLog.findMany({ where: { id: { gt: lastId } }, orderBy: { id: "asc" } });
const lastAuditId = async () => (await h.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;

describe("a payer leaving", () => {
  it("withdraws every standing consent, ends every active contract on the day they left and marks them left, in one transaction with one audit record; open invoices stay owed", async () => {
    await h.setToday("2026-03-16");
    const payer = await newPayer("LV-001");
    // One account registered at the bank, a second one not yet sent to it.
    const registered = await paperConsent(payer.id, "110555666001");
    await runRegistrationJobs(h);
    await h.setToday("2026-03-17");
    await runRegistrationJobs(h);
    const pending = await paperConsent(payer.id, "110555666002");
    expect((await h.db.cmsRegistration.findMany({ where: { payerId: payer.id }, orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["registered", "pending"]);
    const contract = await meteredContract(payer.id, "2026-01-01");
    // The fixture invoice comes with a contract of its own (of a plugin not installed): it ends too.
    const invoice = await issueFixtureInvoice(h.db, { payerId: payer.id, issueOn: "2026-03-02", dueOn: "2026-03-31", totalWon: 20_000n });
    const { contractId: fixtureContractId } = await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    const contractIds = [fixtureContractId!, contract.id].sort((a, b) => a - b);
    const invite = await finance.enrollmentLinks.create({ purpose: "single", payerId: payer.id });

    const preview = await finance.payers.leavePreview({ id: payer.id });
    expect(preview).toMatchObject({ status: "active", leftOn: null, openInvoices: { count: 1, openWon: 20_000n } });
    expect(preview.consents.map((c) => c.id)).toEqual([registered.id, pending.id]);
    expect(preview.contracts.map((c) => c.id)).toEqual(contractIds);

    const lastId = await lastAuditId();
    const result = await finance.payers.leave({ id: payer.id, leftOn: "2026-03-10", reason: "이사로 인한 해지 요청" });
    expect(result).toMatchObject({ status: "left", leftOn: "2026-03-10", withdrawnConsentIds: [pending.id, registered.id], endedContractIds: contractIds, openInvoices: { count: 1, openWon: 20_000n } });

    expect(await finance.payers.get({ id: payer.id })).toMatchObject({ status: "left", leftOn: "2026-03-10" });
    // As finance's withdrawal does: the registered account is cancelled at the bank, the unsent one at once.
    expect((await h.db.cmsRegistration.findMany({ where: { payerId: payer.id }, orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["cancel_requested", "cancelled"]);
    const withdrawals = await h.db.consentWithdrawal.findMany({ where: { payerId: payer.id }, orderBy: { consentId: "asc" } });
    expect(withdrawals.map((w) => [w.consentId, w.via, w.reason])).toEqual([
      [registered.id, "finance", "이사로 인한 해지 요청"],
      [pending.id, "finance", "이사로 인한 해지 요청"],
    ]);
    expect(await h.db.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({ status: "ended", nextIssueOn: null });
    expect((await finance.contracts.get({ id: contract.id })).endedOn).toBe("2026-03-10");
    // The sign-up link sent to them and the manage link of their consent no longer open.
    const links = await h.db.enrollmentLink.findMany({ where: { payerId: payer.id }, orderBy: { id: "asc" } });
    expect(links.map((l) => l.purpose)).toEqual(expect.arrayContaining(["manage", "single"]));
    expect(links.filter((l) => l.revokedAt === null)).toEqual([]);
    expect(result.revokedLinks).toBe(links.length);
    expect(links.map((l) => l.id)).toContain(invite.id);
    // Still owed: leaving forgives nothing.
    expect(await h.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ openWon: 20_000n });

    const records = await auditSince(lastId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ action: "payer.leave", entityType: "payer", entityId: String(payer.id), before: { status: "active", leftOn: null } });
    expect(records[0]!.after).toMatchObject({ leftOn: "2026-03-10", reason: "이사로 인한 해지 요청", withdrawnConsentIds: [pending.id, registered.id], endedContractIds: contractIds, registrations: expect.arrayContaining([expect.objectContaining({ status: "cancel_requested" })]) });
    expect(JSON.stringify(records[0])).not.toMatch(/110555666|1980-02-02|4001-1234/);

    // A left payer gets no new contract, and cannot leave twice.
    expect(await refusal(meteredContract(payer.id, "2026-04-01"))).toMatchObject({ domainCode: "contract.payer_inactive" });
    expect(await refusal(finance.payers.leave({ id: payer.id, reason: "두 번 누름" }))).toMatchObject({ code: "CONFLICT", domainCode: "payer.already_left" });
  });

  it("leaves today when no date is given, with nothing to withdraw or end", async () => {
    await h.setToday("2026-03-17");
    const payer = await newPayer("LV-002");
    expect(await finance.payers.leavePreview({ id: payer.id })).toMatchObject({ consents: [], contracts: [], openInvoices: { count: 0, openWon: 0n } });
    expect(await finance.payers.leave({ id: payer.id, reason: "거래 종료" })).toMatchObject({ leftOn: "2026-03-17", withdrawnConsentIds: [], endedContractIds: [], revokedLinks: 0 });
    expect(await h.db.consentWithdrawal.count({ where: { payerId: payer.id } })).toBe(0);
  });

  it("refuses a leaving date in the future, before an active contract starts, or without a reason, and changes nothing", async () => {
    await h.setToday("2026-03-17");
    const payer = await newPayer("LV-003");
    const contract = await meteredContract(payer.id, "2026-03-15");
    const consent = await paperConsent(payer.id, "110555666003");

    expect(await refusal(finance.payers.leave({ id: payer.id, leftOn: "2026-03-18", reason: "미리 처리" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "payer.left_on_future", field: "leftOn" });
    expect(await refusal(finance.payers.leave({ id: payer.id, leftOn: "2026-03-14", reason: "소급 처리" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "payer.left_before_contract_start", field: "leftOn" });
    expect(await refusal(finance.payers.leave({ id: payer.id, reason: " " }))).toMatchObject({ domainCode: "payer.leave_reason_required", field: "reason" });
    expect(await refusal(finance.payers.leave({ id: payer.id, leftOn: "2026-02-30", reason: "잘못된 날짜" }))).toMatchObject({ zodPaths: ["leftOn"] });

    expect(await finance.payers.get({ id: payer.id })).toMatchObject({ status: "active", leftOn: null });
    expect(await h.db.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({ status: "active" });
    expect(await h.db.consentWithdrawal.count({ where: { consentId: consent.id } })).toBe(0);
  });

  it("is for finance: a store owner may preview their own store's payer but not another's, and may not mark anyone as left", async () => {
    const own = await newPayer("LV-004", h.stores.a.id);
    const other = await newPayer("LV-005", h.stores.b.id);
    const owner = h.callerFor("store_owner");
    await expect(owner.payers.leavePreview({ id: own.id })).resolves.toMatchObject({ payerId: own.id });
    expect(await refusal(owner.payers.leavePreview({ id: other.id }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.store_forbidden" });
    expect(await refusal(owner.payers.leave({ id: own.id, reason: "점주 처리" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await h.db.payer.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: "active" });
  });
});
