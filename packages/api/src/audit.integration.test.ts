import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meteredPlugin } from "./testing/metered-plugin/index.ts";
import { enqueueMessage } from "./services/notify-outbox.ts";
import { otpCodeFromOutbox, signaturePng } from "./services/enrollment-testing.ts";
import { callPath, createApiHarness, HARNESS_TODAY, ORGANIZATION, procedurePaths, type ApiHarness, type CoreCaller, type HarnessUser } from "./testing/api-harness.ts";
import { issueFixtureInvoice } from "./testing/invoice-fixtures.ts";

let h: ApiHarness;
let leaver: HarnessUser;
let changer: HarnessUser;
let colleague: HarnessUser;
let entryToReverse = 0;
let payerId = 0;
let failedMessageId = 0;
/** The contract the contract cases create, read, change and end. */
let contractId = 0;
/** The consent flow's cases: links, the payer's public steps (no actor), finance's records. */
const consentFlow = { token: "", linkToSend: 0, linkToRevoke: 0, challengeId: "", otpProof: "", terms: { autoDebit: "", privacy: "" }, manageToken: "", manageProof: "", offlinePayerId: 0, offlineConsentId: 0 };
/** The offline consent's scan, downloaded by the evidence case. */
let evidenceFileId = 0;
const PDF_SCAN = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(256, 0x20), Buffer.from("\n%%EOF\n")]);
const IP = "198.51.100.77";
/** The payer the leaving case marks as left: with a contract, which leaving ends. */
const leaving = { payerId: 0, contractId: 0 };
/** Payments: one received by hand leaving credit, the credit applied, then that application voided. */
const paymentFlow = { paymentId: 0, creditPaymentId: 0 };

beforeAll(async () => {
  h = await createApiHarness({ serverPlugins: [meteredPlugin] });
  [leaver, changer, colleague] = await Promise.all([
    h.addUser({ email: "leaver@sunap.test", role: "auditor" }),
    h.addUser({ email: "changer@sunap.test", role: "finance" }),
    h.addUser({ email: "colleague@sunap.test", role: "finance" }),
  ]);
  const finance = h.callerFor("finance");
  entryToReverse = (await finance.ledger.post({ effectiveOn: "2026-03-05", memo: "to be corrected", lines: [{ accountCode: "cash", amountWon: 9_000n }, { accountCode: "receivables", amountWon: -9_000n }] })).id;
  await finance.periods.close({ month: "2025-12" });
  const { keyring } = await h.contextFor(null);
  failedMessageId = (await enqueueMessage(h.db, keyring, { channel: "sms", to: "010-5555-0000", template: "generic_notice", variables: { creditorName: "수납", title: "안내", text: "휴관" }, idempotencyKey: "audit:v1:resend", now: h.clock.now() })).id;
  await h.db.notifyMessage.update({ where: { id: failedMessageId }, data: { status: "failed", attempts: 1, lastError: "permanent invalid_number: the number does not exist" } });

  const campaign = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "감사 테스트" });
  consentFlow.token = campaign.path.split("/").pop()!;
  consentFlow.linkToSend = campaign.id;
  consentFlow.linkToRevoke = (await finance.enrollmentLinks.create({ purpose: "campaign" })).id;
  const page = await h.callerWithToken(null, { ip: "192.0.2.1" }).enroll.open({ token: consentFlow.token });
  consentFlow.terms = { autoDebit: page.terms.autoDebit.sha256, privacy: page.terms.privacy.sha256 };
  // A second payer who has consented already, with a verified code on their manage link, to withdraw.
  const anon = h.callerWithToken(null, { ip: "192.0.2.2" });
  const sent = await anon.enroll.sendOtp({ token: consentFlow.token, phone: "010-4321-0000" });
  const { otpProof } = await anon.enroll.verifyOtp({ token: consentFlow.token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) });
  const receipt = await anon.enroll.submit({
    token: consentFlow.token,
    otpProof,
    idempotencyKey: "audit-withdrawer",
    payer: { kind: "individual", name: "해지자", birthDate: "1980-01-01", phone: "010-4321-0000" },
    account: { bankCode: "090", accountNumber: "3333000011112", holderName: "해지자" },
    agreedTerms: consentFlow.terms,
    signature: { method: "drawn", pngBase64: signaturePng().toString("base64") },
  });
  consentFlow.manageToken = receipt.managePath!.split("/").pop()!;
  const manageSent = await anon.enroll.sendOtp({ token: consentFlow.manageToken });
  consentFlow.manageProof = (await anon.enroll.verifyOtp({ token: consentFlow.manageToken, challengeId: manageSent.challengeId, code: await otpCodeFromOutbox(h, manageSent.challengeId) })).otpProof;
  consentFlow.offlinePayerId = (await finance.payers.create({ payerCode: "AUDIT-OFF", kind: "individual", name: "서면동의", birthDate: "1975-05-05", phone: "010-2222-3333" })).id;
  leaving.payerId = (await finance.payers.create({ payerCode: "AUDIT-LEAVE", kind: "individual", name: "탈퇴자", birthDate: "1970-07-07", phone: "010-7070-7070" })).id;
  leaving.contractId = (await finance.contracts.create({ pluginId: "metered", payerId: leaving.payerId, terms: { meterCode: "AUD-LEAVE", startOn: "2026-01-01", baseFeeWon: 5_000n, unitPriceWon: 10n } })).id;
});
afterAll(async () => {
  await h?.drop();
});

const payer = { payerCode: "P-0001", kind: "individual" as const, name: "홍길동", birthDate: "1990-05-17", phone: "010-1234-5678" };

interface AuditedMutation {
  /** Who calls it (null: nobody signed in, a payer on the public consent page). */
  as: () => HarnessUser | null;
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
      expect(r.after).toMatchObject({ payerCode: "P-0001", name: "홍*동" });
      expect(JSON.stringify(r)).not.toMatch(/홍길동|1234-5678|12345678|1990-05-17/);
    },
  },
  "payers.update": {
    as: () => h.users.finance,
    run: (c) => c.payers.update({ id: payerId, values: { ...payer, phone: "010-9876-5432" } }),
    expected: { action: "payer.update", entityType: "payer", entityId: () => String(payerId) },
    check: (r) => {
      expect(r.before).toMatchObject({ name: "홍*동" });
      expect(JSON.stringify(r)).not.toMatch(/홍길동|1234-5678|12345678|9876-5432|98765432|1990-05-17/);
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
  "payers.export": {
    as: () => h.users.finance,
    run: (c) => c.payers.export({ filters: [{ field: "id", operator: "eq", value: payerId }], sorters: [], format: "csv", reason: "분기 점검 명단" }),
    expected: { action: "payer.export", entityType: "payer", entityId: () => null },
    check: (r) => {
      expect(r.after).toEqual({ rows: 1, format: "csv", reason: "분기 점검 명단", filters: ["id eq"] });
      expect(JSON.stringify(r)).not.toMatch(/9876-5432|98765432|1990-05-17/);
    },
  },
  "payers.leave": {
    as: () => h.users.finance,
    run: (c) => c.payers.leave({ id: leaving.payerId, leftOn: "2026-03-15", reason: "폐업으로 거래 종료" }),
    expected: { action: "payer.leave", entityType: "payer", entityId: () => String(leaving.payerId) },
    check: (r) => {
      expect(r.before).toEqual({ status: "active", leftOn: null });
      // The contract it ended is named here: the end writes no record of its own.
      expect(r.after).toMatchObject({ status: "left", leftOn: "2026-03-15", reason: "폐업으로 거래 종료", withdrawnConsentIds: [], endedContractIds: [leaving.contractId] });
      expect(JSON.stringify(r)).not.toMatch(/7070|1970-07-07/);
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
  "messages.resend": {
    as: () => h.users.finance,
    run: (c) => c.messages.resend({ id: failedMessageId }),
    expected: { action: "message.resend", entityType: "notify_message", entityId: () => String(failedMessageId) },
    check: (r) => {
      expect(r.before).toMatchObject({ status: "failed", attempts: 1, recipient: "010-****-0000" });
      expect(r.after).toEqual({ status: "queued", templateCode: "generic_notice", channel: "sms" });
      expect(JSON.stringify(r)).not.toMatch(/5555-0000|01055550000/);
    },
  },
  "enrollmentLinks.create": {
    as: () => h.users.finance,
    run: (c) => c.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "봄 회원 모집", amountText: "매월 30,000원" }),
    expected: { action: "enrollment_link.create", entityType: "enrollment_link" },
    check: (r) => expect(r.after).toMatchObject({ purpose: "campaign", campaignLabel: "봄 회원 모집" }),
  },
  "enrollmentLinks.send": {
    as: () => h.users.finance,
    run: (c) => c.enrollmentLinks.send({ id: consentFlow.linkToSend, channel: "sms", to: "010-6666-7777" }),
    expected: { action: "enrollment_link.send", entityType: "enrollment_link", entityId: () => String(consentFlow.linkToSend) },
    check: (r) => {
      expect(r.after).toMatchObject({ channel: "sms", recipient: "010-****-7777" });
      expect(JSON.stringify(r)).not.toMatch(/6666-7777|01066667777/);
    },
  },
  "enrollmentLinks.revoke": {
    as: () => h.users.finance,
    run: (c) => c.enrollmentLinks.revoke({ id: consentFlow.linkToRevoke }),
    expected: { action: "enrollment_link.revoke", entityType: "enrollment_link", entityId: () => String(consentFlow.linkToRevoke) },
  },
  "enroll.sendOtp": {
    as: () => null,
    run: async (c) => (consentFlow.challengeId = (await c.enroll.sendOtp({ token: consentFlow.token, phone: "010-9999-8888" })).challengeId),
    expected: { action: "enroll.otp_sent", entityType: "otp_challenge", entityId: () => consentFlow.challengeId },
    check: (r) => {
      expect(r.after).toMatchObject({ phone: "***-****-8888" });
      expect(JSON.stringify(r)).not.toMatch(/9999-8888|01099998888/);
    },
  },
  "enroll.verifyOtp": {
    as: () => null,
    run: async (c) => (consentFlow.otpProof = (await c.enroll.verifyOtp({ token: consentFlow.token, challengeId: consentFlow.challengeId, code: await otpCodeFromOutbox(h, consentFlow.challengeId) })).otpProof),
    expected: { action: "enroll.otp_verified", entityType: "otp_challenge", entityId: () => consentFlow.challengeId },
    check: (r) => expect(JSON.stringify(r)).not.toContain(consentFlow.otpProof),
  },
  "enroll.verifyAccount": {
    as: () => null,
    run: (c) => c.enroll.verifyAccount({ token: consentFlow.token, otpProof: consentFlow.otpProof, bankCode: "090", accountNumber: "3333222233334", holderName: "감사인", birthDate: "1992-02-02" }),
    expected: { action: "enroll.account_verified", entityType: "enrollment_link", entityId: () => String(consentFlow.linkToSend) },
    check: (r) => expect(JSON.stringify(r)).not.toContain("3333222233334"),
  },
  "enroll.submit": {
    as: () => null,
    run: (c) =>
      c.enroll.submit({
        token: consentFlow.token,
        otpProof: consentFlow.otpProof,
        idempotencyKey: "audit-submit-1",
        payer: { kind: "individual", name: "감사인", birthDate: "1992-02-02", phone: "010-9999-8888" },
        account: { bankCode: "090", accountNumber: "3333222233334", holderName: "감사인" },
        agreedTerms: consentFlow.terms,
        signature: { method: "drawn", pngBase64: signaturePng().toString("base64") },
      }),
    expected: { action: "consent.create", entityType: "consent" },
    check: (r) => {
      expect(r.after).toMatchObject({ method: "online_drawn", bankCode: "090", accountNumber: "*********3334" });
      // The payer was written through PayerService; its change rides in this one record, masked.
      expect(r.after).toMatchObject({ payerCreated: true, payerChange: { action: "payer.create", entityType: "payer", after: { name: "감*인", phoneMasked: "***-****-8888", payerCode: expect.stringMatching(/^W-/) } } });
      expect(JSON.stringify(r)).not.toMatch(/3333222233334|9999-8888|1992-02-02/);
    },
  },
  "enroll.withdraw": {
    as: () => null,
    run: (c) => c.enroll.withdraw({ token: consentFlow.manageToken, otpProof: consentFlow.manageProof, reason: "이사" }),
    expected: { action: "consent.withdraw", entityType: "payer" },
    check: (r) => expect(r.after).toMatchObject({ via: "payer_link" }),
  },
  "consents.recordOffline": {
    as: () => h.users.finance,
    run: async (c) =>
      (consentFlow.offlineConsentId = (
        await c.consents.recordOffline({ payerId: consentFlow.offlinePayerId, method: "paper", agreedOn: "2026-03-12", bankCode: "004", accountNumber: "12345678905678", holderName: "서면동의", file: { name: "form.pdf", base64: PDF_SCAN.toString("base64") }, idempotencyKey: "audit-offline-1" })
      ).id),
    expected: { action: "consent.record_offline", entityType: "consent" },
    check: (r) => {
      expect(r.after).toMatchObject({ method: "paper", accountNumber: "**********5678", evidence: { contentType: "application/pdf" } });
      expect(JSON.stringify(r)).not.toContain("12345678905678");
    },
  },
  "consents.withdraw": {
    as: () => h.users.finance,
    run: (c) => c.consents.withdraw({ id: consentFlow.offlineConsentId, reason: "전화 해지 요청" }),
    expected: { action: "consent.withdraw", entityType: "payer", entityId: () => String(consentFlow.offlinePayerId) },
    check: (r) => expect(r.after).toMatchObject({ via: "finance" }),
  },
  "consents.certificate": {
    as: () => h.users.auditor,
    run: (c) => c.consents.certificate({ id: consentFlow.offlineConsentId, reason: "감사 표본 확인서" }),
    expected: { action: "consent.certificate", entityType: "consent", entityId: () => String(consentFlow.offlineConsentId) },
    check: (r) => {
      expect(r.after).toMatchObject({ payerId: consentFlow.offlinePayerId, reason: "감사 표본 확인서", pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(JSON.stringify(r)).not.toContain("12345678905678");
    },
  },
  "consents.evidence": {
    as: () => h.users.finance,
    run: async (c) => {
      evidenceFileId = (await h.db.consent.findUniqueOrThrow({ where: { id: consentFlow.offlineConsentId } })).evidenceFileId!;
      return c.consents.evidence({ fileId: evidenceFileId, reason: "분쟁 대응 서면 확인" });
    },
    expected: { action: "evidence.download", entityType: "evidence_file", entityId: () => String(evidenceFileId) },
    check: (r) => expect(r.after).toMatchObject({ consentId: consentFlow.offlineConsentId, payerId: consentFlow.offlinePayerId, reason: "분쟁 대응 서면 확인", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
  },
  "registrations.runNow": {
    as: () => h.users.finance,
    run: (c) => c.registrations.runNow(),
    expected: { action: "registration.run_now", entityType: "cms_registration", entityId: () => null },
    check: (r) => expect(r.after).toMatchObject({ submittedRecords: expect.any(Number) }),
  },
  "banks.update": {
    as: () => h.users.admin,
    run: (c) => c.banks.update({ code: "092", nameKo: "토스뱅크", nameEn: "Toss Bank", kind: "bank", accountNumberLengths: [12], acceptsCms: true, enabled: false, sortOrder: 250 }),
    expected: { action: "bank.update", entityType: "cms_bank", entityId: () => "092" },
    check: (r) => {
      expect(r.before).toMatchObject({ enabled: true });
      expect(r.after).toMatchObject({ enabled: false });
    },
  },
  "consents.publishTerms": {
    as: () => h.users.admin,
    run: (c) => c.consents.publishTerms({ kind: "privacy", locale: "ko", title: "개인정보 수집·이용 동의 (개정)", body: "1. 수집·이용 목적: 자동이체 출금동의와 계좌 등록. 2. 보유 기간: 관계 종료 후 5년." }),
    expected: { action: "terms.publish", entityType: "consent_terms" },
    check: (r) => expect(r.after).toMatchObject({ kind: "privacy", locale: "ko", version: 2 }),
  },
  // Runs in this order: the undo takes back the closure the first case adds.
  "bankingCalendar.close": {
    as: () => h.users.admin,
    run: (c) => c.bankingCalendar.close({ date: "2026-12-01", nameKo: "임시공휴일", nameEn: "Temporary holiday", reason: "정부 지정" }),
    expected: { action: "banking_calendar.close", entityType: "banking_calendar_adjustment", entityId: () => "2026-12-01" },
    check: (r) => expect(r.after).toMatchObject({ nameKo: "임시공휴일", reason: "정부 지정" }),
  },
  "bankingCalendar.reopen": {
    as: () => h.users.admin,
    run: (c) => c.bankingCalendar.reopen({ date: "2026-12-25", reason: "테스트 영업" }),
    expected: { action: "banking_calendar.reopen", entityType: "banking_calendar_adjustment", entityId: () => "2026-12-25" },
    check: (r) => expect(r.after).toMatchObject({ reason: "테스트 영업" }),
  },
  "bankingCalendar.undo": {
    as: () => h.users.admin,
    run: (c) => c.bankingCalendar.undo({ date: "2026-12-01" }),
    expected: { action: "banking_calendar.undo", entityType: "banking_calendar_adjustment", entityId: () => "2026-12-01" },
    check: (r) => expect(r.before).toMatchObject({ kind: "closed", reason: "정부 지정" }),
  },
  "bankingCalendar.updateSettings": {
    as: () => h.users.admin,
    run: (c) => c.bankingCalendar.updateSettings({ debitCutoff: "16:30" }),
    expected: { action: "cms_setting.update", entityType: "cms_setting", entityId: () => "1" },
    check: (r) => {
      expect(r.before).toEqual({ debitCutoff: "17:00" });
      expect(r.after).toEqual({ debitCutoff: "16:30" });
    },
  },
  "consents.updateRetention": {
    as: () => h.users.admin,
    run: (c) => c.consents.updateRetention({ consentEvidenceYears: 7 }),
    expected: { action: "retention.update", entityType: "retention_setting", entityId: () => "1" },
    check: (r) => {
      expect(r.before).toEqual({ consentEvidenceYears: 5 });
      expect(r.after).toEqual({ consentEvidenceYears: 7 });
    },
  },
  "contracts.create": {
    as: () => h.users.finance,
    run: async (c) => (contractId = (await c.contracts.create({ pluginId: "metered", payerId, terms: { meterCode: "AUD-1", startOn: "2026-01-01", baseFeeWon: 10_000n, unitPriceWon: 100n } })).id),
    expected: { action: "contract.create", entityType: "contract" },
    check: (r) => {
      expect(r.before).toBeNull();
      expect(r.after).toMatchObject({ pluginId: "metered", payerId, title: "계량기 AUD-1 기본 10,000원", terms: { baseFeeWon: { $bigint: "10000" } }, version: 1 });
      expect(JSON.stringify(r)).not.toContain("홍길동");
    },
  },
  "metered.recordReading": {
    as: () => h.users.finance,
    run: (c) => callPath(c, "metered.recordReading", { contractId, month: "2026-01", units: 30 }),
    expected: { action: "contract.update_terms", entityType: "contract", entityId: () => String(contractId) },
    check: (r) => expect(r.after).toMatchObject({ version: 2, reason: "reading 2026-01", terms: { readings: { "2026-01": 30 } } }),
  },
  "contracts.updateTerms": {
    as: () => h.users.finance,
    run: (c) => c.contracts.updateTerms({ id: contractId, version: 2, terms: { meterCode: "AUD-2", startOn: "2026-02-01", baseFeeWon: 12_000n, unitPriceWon: 100n }, reason: "요금 인상" }),
    expected: { action: "contract.update_terms", entityType: "contract", entityId: () => String(contractId) },
    check: (r) => {
      expect(r.before).toMatchObject({ version: 2, terms: { meterCode: "AUD-1" } });
      expect(r.after).toMatchObject({ version: 3, terms: { meterCode: "AUD-2", baseFeeWon: { $bigint: "12000" } }, reason: "요금 인상" });
    },
  },
  "billing.runNow": {
    as: () => h.users.finance,
    run: (c) => c.billing.runNow({ wait: true }),
    expected: { action: "billing.run_now", entityType: "billing_run" },
    check: (r) => expect(r.after).toEqual({ runOn: HARNESS_TODAY }),
  },
  "invoices.void": {
    as: () => h.users.finance,
    run: async (c) => c.invoices.void({ id: (await h.db.invoice.findFirstOrThrow({ where: { contractId } })).id, reason: "요금 착오" }),
    expected: { action: "invoice.void", entityType: "invoice" },
    check: (r) => {
      // The contract's one invoice (February, 12,000원 + VAT), unpaid: nothing moves to customer credit.
      expect(r.before).toMatchObject({ totalWon: "13200", openWon: "13200", voided: false });
      expect(r.after).toMatchObject({ creditedWon: "0", reason: "요금 착오", voidEntryId: expect.any(Number) });
    },
  },
  "contracts.end": {
    as: () => h.users.finance,
    run: (c) => c.contracts.end({ id: contractId, endedOn: "2026-03-16", reason: "해지 요청" }),
    expected: { action: "contract.end", entityType: "contract", entityId: () => String(contractId) },
    check: (r) => {
      expect(r.before).toEqual({ status: "active", endedOn: null });
      expect(r.after).toEqual({ status: "ended", endedOn: "2026-03-16", reason: "해지 요청" });
    },
  },
  "pluginSettings.update": {
    as: () => h.users.finance,
    run: (c) => c.pluginSettings.update({ pluginId: "metered", settings: { dueAfterDays: 10 } }),
    expected: { action: "plugin_settings.update", entityType: "plugin_settings", entityId: () => "metered" },
    check: (r) => {
      expect(r.before).toEqual({ dueAfterDays: 14 });
      expect(r.after).toEqual({ dueAfterDays: 10 });
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
  "payments.record": {
    as: () => h.users.finance,
    run: async (c) => {
      await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-02", dueOn: "2026-03-31", totalWon: 20_000n });
      paymentFlow.paymentId = (await c.payments.record({ payerId, receivedOn: "2026-03-16", amountWon: 30_000n, method: "bank_transfer", reference: "입금자 홍길동", idempotencyKey: "audit-payment-1" })).payment.id;
    },
    expected: { action: "payment.record", entityType: "payment", entityId: () => String(paymentFlow.paymentId) },
    check: (r) => {
      expect(r.after).toMatchObject({ payerId, amountWon: "30000", method: "bank_transfer", creditWon: "10000", allocations: [{ amountWon: "20000" }] });
      expect(JSON.stringify(r)).not.toMatch(/1234-5678|12345678|9876-5432|1990-05-17/);
    },
  },
  "payments.applyCredit": {
    as: () => h.users.finance,
    run: async (c) => {
      await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-10", dueOn: "2026-04-10", totalWon: 4_000n });
      paymentFlow.creditPaymentId = (await c.payments.applyCredit({ payerId, appliedOn: "2026-03-16", idempotencyKey: "audit-credit-1" })).payment.id;
    },
    expected: { action: "payment.apply_credit", entityType: "payment", entityId: () => String(paymentFlow.creditPaymentId) },
    check: (r) => expect(r.after).toMatchObject({ method: "customer_credit", amountWon: "4000", allocations: [{ amountWon: "4000" }] }),
  },
  "payments.void": {
    as: () => h.users.finance,
    run: (c) => c.payments.void({ id: paymentFlow.creditPaymentId, reason: "잘못 적용한 선수금" }),
    expected: { action: "payment.void", entityType: "payment", entityId: () => String(paymentFlow.creditPaymentId) },
    check: (r) => {
      expect(r.before).toMatchObject({ voided: false, amountWon: "4000" });
      expect(r.after).toMatchObject({ voided: true, voidReason: "잘못 적용한 선수금", voidEntryId: expect.any(Number) });
    },
  },
  "creditNotes.issue": {
    as: () => h.users.finance,
    run: async (c) => {
      const invoice = await issueFixtureInvoice(h.db, { payerId, issueOn: "2026-03-12", dueOn: "2026-04-12", totalWon: 9_000n });
      return c.creditNotes.issue({ invoiceId: invoice.id, lines: [{ invoiceLinePosition: 1, labelKo: "호의 할인", labelEn: "Goodwill", amountWon: 2_500n }], reason: "서비스 장애 보상", idempotencyKey: "audit-credit-note-1" });
    },
    expected: { action: "credit_note.issue", entityType: "credit_note" },
    check: (r) => {
      expect(r.before).toMatchObject({ openWon: "9000", creditedWon: "0" });
      expect(r.after).toMatchObject({ number: "CN-2026-000001", totalWon: "2500", toCustomerCreditWon: "0", reason: "서비스 장애 보상", lines: [{ invoiceLinePosition: 1, amountWon: "2500", debitAccount: "fixture_revenue" }] });
      expect(JSON.stringify(r)).not.toMatch(/1234-5678|1990-05-17/);
    },
  },
};

describe("the audit log", () => {
  it("has a case below for every mutation of the core router and of the plugins' routers", () => {
    expect(Object.keys(AUDITED).sort()).toEqual(procedurePaths(h.router, "mutation"));
  });

  it.each(Object.keys(AUDITED))("records who did %s, from where, to what, masked", async (path) => {
    const mutation = AUDITED[path]!;
    const actor = mutation.as();
    const lastId = (await h.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;

    await mutation.run(h.callerWithToken(actor?.token ?? null, { ip: IP }));

    const records = await h.db.auditLog.findMany({ where: { id: { gt: lastId } } });
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, ip: IP, action: mutation.expected.action, entityType: mutation.expected.entityType });
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
