import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { otpCodeFromOutbox, runRegistrationJobs, signaturePng } from "../services/enrollment-testing.ts";
import { resetEnrollLimits } from "../services/enrollment-rate-limits.ts";
import { applyRegistrationResultFile } from "../services/registration-pipeline.ts";
import { activeMandate } from "../services/registration-service.ts";

let h: ApiHarness;
let finance: CoreCaller;
let ipSeq = 0;

beforeAll(async () => {
  h = await createApiHarness();
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});
beforeEach(async () => {
  await resetEnrollLimits(h.db);
  h.clock.resetNow();
});

const tokenOf = (link: { path: string }) => link.path.split("/").pop()!;
const nextIp = () => `198.51.100.${++ipSeq}`;
let phoneSeq = 1000;
const nextPhone = () => `010-5555-${String(++phoneSeq).padStart(4, "0")}`;

async function campaignLink() {
  return finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "3월 회원 모집", amountText: "매월 50,000원", scheduleText: "매월 25일 출금" });
}

/** Opens the page, confirms the phone with the code from the sandbox outbox: what a payer does first. */
async function verifiedPayer(token: string, phone: string) {
  const anon = h.callerWithToken(null, { ip: nextIp(), userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)" });
  const page = await anon.enroll.open({ token });
  const sent = await anon.enroll.sendOtp({ token, phone });
  const code = await otpCodeFromOutbox(h, sent.challengeId);
  const { otpProof } = await anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code });
  return { anon, page, otpProof };
}

function submission(token: string, otpProof: string, page: { terms: { autoDebit: { sha256: string }; privacy: { sha256: string } } }, over: { name?: string; birthDate?: string; phone: string; accountNumber?: string; bankCode?: string; key?: string; holderName?: string }) {
  return {
    token,
    otpProof,
    idempotencyKey: over.key ?? `key-${Math.random().toString(36).slice(2)}`,
    payer: { kind: "individual" as const, name: over.name ?? "홍길동", birthDate: over.birthDate ?? "1990-05-17", phone: over.phone },
    account: { bankCode: over.bankCode ?? "090", accountNumber: over.accountNumber ?? "3333123456789", holderName: over.holderName ?? over.name ?? "홍길동" },
    agreedTerms: { autoDebit: page.terms.autoDebit.sha256, privacy: page.terms.privacy.sha256 },
    signature: { method: "drawn" as const, pngBase64: signaturePng().toString("base64") },
  };
}

async function counts() {
  const [consents, payers, accounts, registrations, evidence] = await Promise.all([h.db.consent.count(), h.db.payer.count(), h.db.payerAccount.count(), h.db.cmsRegistration.count(), h.db.evidenceFile.count()]);
  return { consents, payers, accounts, registrations, evidence };
}

describe("the public consent page, end to end with the sandbox bank", () => {
  let registrationId = 0;
  let managePath = "";
  const phone = "010-2345-6789";

  it("takes a consent through open → code → account check → submit, and the bank registers it on the next banking day", async () => {
    const link = await campaignLink();
    expect(link.path).toMatch(/^\/enroll\/[0-9a-z]+\.[\w-]{22}\.[\w-]{22}$/);
    const token = tokenOf(link);
    const { anon, page, otpProof } = await verifiedPayer(token, phone);

    expect(page).toMatchObject({ mode: "enroll", creditor: { legalName: "(주)수납테스트", creditorText: "(주)수납테스트가 매월 정기 수납합니다." }, debit: { amountText: "매월 50,000원", scheduleText: "매월 25일 출금" } });
    expect(page.terms.autoDebit.sha256).toBe(createHash("sha256").update(page.terms.autoDebit.body, "utf8").digest("hex"));
    expect(page.terms.privacy).toMatchObject({ version: 1, locale: "ko" });
    expect(page.terms.privacy.sha256).not.toBe(page.terms.autoDebit.sha256);
    expect(page.banks.map((b) => b.code)).toEqual(expect.arrayContaining(["004", "088", "090", "092"]));

    const checked = await anon.enroll.verifyAccount({ token, otpProof, bankCode: "090", accountNumber: "3333-12-3456789", holderName: "홍 길동", birthDate: "1990-05-17" });
    expect(checked).toMatchObject({ bankCode: "090", accountMasked: "*********6789" });

    const receipt = await anon.enroll.submit(submission(token, otpProof, page, { phone }));
    expect(receipt).toMatchObject({ registrationStatus: "pending", accountMasked: "*********6789", bankCode: "090" });
    registrationId = receipt.registrationId!;
    managePath = receipt.managePath!;

    const consent = await h.db.consent.findUniqueOrThrow({ where: { id: receipt.consentId }, include: { signatureFile: true } });
    expect(consent).toMatchObject({ method: "online_drawn", ip: expect.stringMatching(/^198\.51\.100\./), userAgent: expect.stringContaining("iPhone"), autoDebitTermsSha256: page.terms.autoDebit.sha256, privacyTermsSha256: page.terms.privacy.sha256, phoneMasked: "010-****-6789" });
    expect(consent.otpVerifiedAt).toBeInstanceOf(Date);
    expect(consent.signatureSha256).toBe(createHash("sha256").update(signaturePng()).digest("hex"));
    expect(consent.signatureFile).toMatchObject({ contentType: "image/png", sha256: consent.signatureSha256 });
    expect(await h.db.notifyMessage.count({ where: { templateCode: "consent_completed", relatedId: String(receipt.consentId) } })).toBe(1);

    const sameDay = await runRegistrationJobs(h);
    expect(sameDay.submitted.records).toBe(1);
    expect(sameDay.collected.applied).toEqual([]);
    expect((await finance.registrations.get({ id: registrationId })).status).toBe("submitted");

    await h.setToday("2026-03-17");
    const nextDay = await runRegistrationJobs(h);
    expect(nextDay.collected.applied).toMatchObject([{ registered: 1, rejected: 0 }]);
    const registration = await finance.registrations.get({ id: registrationId });
    expect(registration).toMatchObject({ status: "registered", registeredOn: "2026-03-17", account: { accountNumberMasked: "*********6789" } });
    expect(registration.history.map((e) => e.to)).toEqual(["pending", "submitted", "registered"]);
    expect(await activeMandate(h.db, receipt.payerId)).toMatchObject({ id: registrationId });
    expect(await h.db.notifyMessage.count({ where: { templateCode: "registration_result", relatedId: String(registrationId) } })).toBe(1);
  });

  it("lists registrations the Refine way, filtered by status and payer, masked", async () => {
    const { data, total } = await finance.registrations.list({ filters: [{ field: "status", operator: "eq", value: "registered" }], sorters: [{ field: "createdAt", order: "desc" }], pagination: { current: 1, pageSize: 10 } });
    expect(total).toBe(1);
    expect(data[0]).toMatchObject({ id: registrationId, payer: { name: "홍길동" }, account: { accountNumberMasked: "*********6789" } });
    expect(JSON.stringify(data)).not.toContain("3333123456789");
    const events = await finance.registrations.events({ afterId: 0 });
    expect(events.filter((e) => e.registrationId === registrationId).map((e) => e.to)).toEqual(["pending", "submitted", "registered"]);
  });

  it("changes nothing when a result file is replayed", async () => {
    const { deps } = await runRegistrationJobs(h);
    const files = await deps.provider.fetchRegistrationResults();
    const before = { events: await h.db.cmsRegistrationEvent.count(), messages: await h.db.notifyMessage.count(), files: await h.db.cmsFile.count() };
    for (const file of files) expect(await applyRegistrationResultFile(deps, file)).toMatchObject({ replayed: true, registered: 0 });
    expect({ events: await h.db.cmsRegistrationEvent.count(), messages: await h.db.notifyMessage.count(), files: await h.db.cmsFile.count() }).toEqual(before);
  });

  it("changes the account from the manage link: the old registration is cancelled only after the new one registers", async () => {
    const token = managePath.split("/").pop()!;
    const anon = h.callerWithToken(null, { ip: nextIp() });
    const page = await anon.enroll.open({ token });
    expect(page).toMatchObject({ mode: "manage", prefill: { name: "홍길동", phoneMasked: "010-****-6789" }, consents: [{ registrationStatus: "registered", accountMasked: "*********6789" }] });
    const sent = await anon.enroll.sendOtp({ token });
    const { otpProof } = await anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) });
    const receipt = await anon.enroll.submit({ ...submission(token, otpProof, page, { phone, accountNumber: "100012345678", bankCode: "092" }), payer: null });
    expect(receipt.registrationStatus).toBe("pending");

    await runRegistrationJobs(h);
    expect((await finance.registrations.get({ id: registrationId })).status).toBe("registered");
    await h.setToday("2026-03-18");
    await runRegistrationJobs(h); // new one registered → old one cancel_requested
    expect((await finance.registrations.get({ id: receipt.registrationId! })).status).toBe("registered");
    expect((await finance.registrations.get({ id: registrationId })).status).toBe("cancel_requested");
    await runRegistrationJobs(h); // the cancellation goes out
    await h.setToday("2026-03-19");
    await runRegistrationJobs(h);
    const old = await finance.registrations.get({ id: registrationId });
    expect(old.status).toBe("cancelled");
    expect(old.history.map((e) => e.to)).toEqual(["pending", "submitted", "registered", "cancel_requested", "cancel_requested", "cancelled"]);
    expect(await activeMandate(h.db, receipt.payerId)).toMatchObject({ id: receipt.registrationId });
    registrationId = receipt.registrationId!;
  });

  it("withdraws the consent from the manage link: no debit is requested any more, finance is told, the bank cancels", async () => {
    const token = managePath.split("/").pop()!;
    const anon = h.callerWithToken(null, { ip: nextIp() });
    const sent = await anon.enroll.sendOtp({ token, phone: "010-0000-0000" }); // the registered phone is used, whatever is sent
    expect(sent.phoneMasked).toBe("010-****-6789");
    const { otpProof } = await anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) });
    const result = await anon.enroll.withdraw({ token, otpProof, reason: "이사" });
    expect(result.registrations).toEqual([expect.objectContaining({ registrationId, status: "cancel_requested" })]);
    const payerId = (await h.db.cmsRegistration.findUniqueOrThrow({ where: { id: registrationId } })).payerId;
    expect(await activeMandate(h.db, payerId)).toBeNull();
    expect(await h.db.staffNotification.count({ where: { kind: "consent_withdrawn", payerId } })).toBe(1);
    expect(await h.db.notifyMessage.count({ where: { templateCode: "consent_withdrawn", payerId } })).toBe(1);
    expect(await refusal(anon.enroll.withdraw({ token, otpProof }))).toMatchObject({ domainCode: "enroll.otp_required" });

    await runRegistrationJobs(h);
    await h.setToday("2026-03-20");
    await runRegistrationJobs(h);
    expect((await finance.registrations.get({ id: registrationId })).status).toBe("cancelled");
    await h.setToday("2026-03-16");
  });
});

describe("links", () => {
  it("refuses a tampered, an expired, a reused and a revoked link, each with its own reason", async () => {
    const anon = h.callerWithToken(null, { ip: nextIp() });
    const payer = await finance.payers.create({ payerCode: "LINK-1", kind: "individual", name: "김링크", birthDate: "1985-01-02", phone: "010-3333-4444" });
    const single = await finance.enrollmentLinks.create({ purpose: "single", payerId: payer.id, expiresInDays: 7 });
    const token = tokenOf(single);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await refusal(anon.enroll.open({ token: tampered }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "enroll.link_invalid", field: "token" });
    expect(await refusal(anon.enroll.open({ token: "1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA" }))).toMatchObject({ domainCode: "enroll.link_invalid" });
    expect((await anon.enroll.open({ token })).prefill.name).toBe("김링크");

    // Links expire on the business clock: eight days on, the seven-day link has lapsed.
    await h.setToday("2026-03-24");
    expect(await refusal(anon.enroll.open({ token }))).toMatchObject({ domainCode: "enroll.link_expired" });
    await h.setToday("2026-03-16");

    const { page, otpProof } = await verifiedPayer(token, "010-3333-4444");
    await h.callerWithToken(null, { ip: nextIp() }).enroll.submit(submission(token, otpProof, page, { name: "김링크", phone: "010-3333-4444", birthDate: "1985-01-02", accountNumber: "3333111122223" }));
    expect(await refusal(anon.enroll.open({ token }))).toMatchObject({ code: "CONFLICT", domainCode: "enroll.link_used" });
    expect((await h.db.payer.findUniqueOrThrow({ where: { id: payer.id }, include: { consents: true } })).consents).toHaveLength(1);

    const other = await campaignLink();
    await finance.enrollmentLinks.revoke({ id: other.id });
    expect(await refusal(anon.enroll.open({ token: tokenOf(other) }))).toMatchObject({ domainCode: "enroll.link_revoked" });
  });

  it("translates a link error for the payer, in Korean by default and in English on request", async () => {
    const ko = await h.request(null, "enroll.open", { token: "1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA" }, { ip: nextIp() });
    expect(ko.error).toMatchObject({ message: "링크가 올바르지 않습니다. 받은 링크를 그대로 열어 주세요.", data: { domainCode: "enroll.link_invalid" } });
    const en = await h.request(null, "enroll.open", { token: "1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA" }, { ip: nextIp(), locale: "en" });
    expect(en.error?.message).toBe("This link is not valid. Open the link exactly as you received it.");
  });

  it("lists links server-side and sends one through the notify outbox", async () => {
    const link = await campaignLink();
    const sent = await finance.enrollmentLinks.send({ id: link.id, channel: "sms", to: "010-7777-8888" });
    expect(sent).toMatchObject({ recipient: "010-****-8888" });
    const message = await h.db.notifyMessage.findUniqueOrThrow({ where: { id: sent.messageId } });
    expect(message).toMatchObject({ templateCode: "enrollment_link", relatedType: "enrollment_link", relatedId: String(link.id) });
    expect(message.body).toContain(link.path);
    const { data, total } = await finance.enrollmentLinks.list({ filters: [{ field: "purpose", operator: "eq", value: "campaign" }], pagination: { current: 1, pageSize: 2 } });
    expect(data).toHaveLength(2);
    expect(total).toBeGreaterThanOrEqual(3);
  });

  it("rate-limits the public page per IP", async () => {
    const anon = h.callerWithToken(null, { ip: "192.0.2.200" });
    let refused: Awaited<ReturnType<typeof refusal>> | null = null;
    for (let i = 0; i < 130 && !refused; i++) {
      const outcome = await refusal(anon.enroll.open({ token: "1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA" }));
      if (outcome.domainCode === "auth.rate_limited") refused = outcome;
    }
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "auth.rate_limited" });
  });
});

describe("one-time codes", () => {
  it("locks the phone for 30 minutes after five wrong codes", async () => {
    const token = tokenOf(await campaignLink());
    const phone = nextPhone();
    const anon = h.callerWithToken(null, { ip: nextIp() });
    const sent = await anon.enroll.sendOtp({ token, phone });
    const right = await otpCodeFromOutbox(h, sent.challengeId);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      expect(await refusal(anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: wrong }))).toMatchObject({ domainCode: "enroll.otp_wrong", field: "code" });
    }
    expect(await refusal(anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: wrong }))).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "enroll.otp_locked" });
    expect(await refusal(anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: right }))).toMatchObject({ domainCode: "enroll.otp_locked" });
    expect(await refusal(anon.enroll.sendOtp({ token, phone }))).toMatchObject({ domainCode: "enroll.otp_locked" });
    h.clock.advance(31 * 60_000);
    const again = await anon.enroll.sendOtp({ token, phone });
    await expect(anon.enroll.verifyOtp({ token, challengeId: again.challengeId, code: await otpCodeFromOutbox(h, again.challengeId) })).resolves.toMatchObject({ otpProof: expect.any(String) });
  });

  it("sends at most five codes to a phone in an hour", async () => {
    const token = tokenOf(await campaignLink());
    const phone = nextPhone();
    const anon = h.callerWithToken(null, { ip: nextIp() });
    for (let i = 0; i < 5; i++) await anon.enroll.sendOtp({ token, phone });
    expect(await refusal(anon.enroll.sendOtp({ token, phone }))).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "enroll.otp_too_many", field: "phone" });
    h.clock.advance(61 * 60_000);
    await expect(anon.enroll.sendOtp({ token, phone })).resolves.toMatchObject({ challengeId: expect.any(String) });
  });

  it("refuses an expired code", async () => {
    const token = tokenOf(await campaignLink());
    const anon = h.callerWithToken(null, { ip: nextIp() });
    const sent = await anon.enroll.sendOtp({ token, phone: nextPhone() });
    h.clock.advance(3 * 60_000 + 1_000);
    expect(await refusal(anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) }))).toMatchObject({ domainCode: "enroll.otp_expired" });
  });
});

describe("bad input on submit stores nothing", () => {
  let token = "";
  beforeAll(async () => {
    token = tokenOf(await campaignLink());
  });

  const CASES: [string, { name?: string; birthDate?: string; accountNumber?: string; bankCode?: string; holderName?: string }, { domainCode: string; field: string }][] = [
    ["a payer under 14", { birthDate: "2015-06-01" }, { domainCode: "payer.under_minimum_age", field: "payer.birthDate" }],
    ["a birth date in the future", { birthDate: "2027-01-01" }, { domainCode: "payer.birth_date_future", field: "payer.birthDate" }],
    ["an account number too short for the bank", { accountNumber: "333312345" }, { domainCode: "account.too_short", field: "account.accountNumber" }],
    ["an account number of a length the bank does not use", { bankCode: "004", accountNumber: "1234567890123" }, { domainCode: "account.length_not_allowed", field: "account.accountNumber" }],
    ["a holder name the bank does not know (account …0002)", { accountNumber: "3333123450002" }, { domainCode: "enroll.holder_mismatch", field: "account.holderName" }],
    ["a closed account (…0003)", { accountNumber: "3333123450003" }, { domainCode: "enroll.account_closed", field: "account.accountNumber" }],
  ];

  it.each(CASES)("refuses %s with its own message", async (_label, over, expected) => {
    const phone = nextPhone();
    const { page, otpProof } = await verifiedPayer(token, phone);
    const before = await counts();
    expect(await refusal(h.callerWithToken(null, { ip: nextIp() }).enroll.submit(submission(token, otpProof, page, { ...over, phone })))).toMatchObject(expected);
    expect(await counts()).toEqual(before);
  });

  it("refuses a bad business number check digit, terms that are not current, and a signature that is not a PNG", async () => {
    const phone = nextPhone();
    const { page, otpProof } = await verifiedPayer(token, phone);
    const anon = h.callerWithToken(null, { ip: nextIp() });
    const base = submission(token, otpProof, page, { phone });
    const before = await counts();
    expect(await refusal(anon.enroll.submit({ ...base, payer: { kind: "business", name: "(주)테스트", businessNumber: "220-81-62518", representative: "김대표", phone } }))).toMatchObject({ domainCode: "payer.bad_business_number", field: "payer.businessNumber" });
    expect(await refusal(anon.enroll.submit({ ...base, agreedTerms: { ...base.agreedTerms, privacy: "0".repeat(64) } }))).toMatchObject({ domainCode: "enroll.terms_outdated", field: "agreedTerms.privacy" });
    expect(await refusal(anon.enroll.submit({ ...base, signature: { method: "drawn", pngBase64: Buffer.from("GIF89a not a png").toString("base64") } }))).toMatchObject({ domainCode: "enroll.signature_not_png" });
    expect(await refusal(anon.enroll.submit({ ...base, signature: { method: "certificate", provider: "sandbox", payload: "sandbox-signed:다른사람" } }))).toMatchObject({ domainCode: "enroll.signature_invalid" });
    expect(await refusal(anon.enroll.submit({ ...base, payer: { ...base.payer, phone: nextPhone() } }))).toMatchObject({ domainCode: "enroll.otp_phone_mismatch" });
    expect(await counts()).toEqual(before);
    // Then the same proof still works: nothing was used up by the refusals.
    await expect(anon.enroll.submit({ ...base, signature: { method: "certificate", provider: "sandbox", payload: "sandbox-signed:홍길동" } })).resolves.toMatchObject({ registrationStatus: "pending" });
  });

  it("tells the payer what is wrong with the account number in Korean, from the rails catalogue", async () => {
    const phone = nextPhone();
    const { page, otpProof } = await verifiedPayer(token, phone);
    const response = await h.request(null, "enroll.submit", submission(token, otpProof, page, { phone, bankCode: "090", accountNumber: "333312345" }), { ip: nextIp() });
    expect(response.error).toMatchObject({ message: "계좌번호가 너무 짧습니다 (13자리 이상).", data: { fieldErrors: [{ field: "account.accountNumber" }] } });
  });

  it("returns the same consent for the same idempotency key", async () => {
    const phone = nextPhone();
    const { page, otpProof } = await verifiedPayer(token, phone);
    const input = submission(token, otpProof, page, { phone, name: "이중복", holderName: "이중복", accountNumber: "3333555566667", key: "double-submit-1" });
    const first = await h.callerWithToken(null, { ip: nextIp() }).enroll.submit(input);
    const second = await h.callerWithToken(null, { ip: nextIp() }).enroll.submit(input);
    expect(second.consentId).toBe(first.consentId);
    expect(await h.db.consent.count({ where: { payerId: first.payerId } })).toBe(1);
  });
});

describe("a registration the bank rejects", () => {
  it("shows the reason in the registration's history", async () => {
    await h.setToday("2026-04-06");
    const token = tokenOf(await campaignLink());
    const phone = nextPhone();
    const { page, otpProof } = await verifiedPayer(token, phone);
    // …0004: the holder check passes, the registration is refused as not eligible for CMS.
    const receipt = await h.callerWithToken(null, { ip: nextIp() }).enroll.submit(submission(token, otpProof, page, { phone, name: "박거절", accountNumber: "3333123450004" }));
    await runRegistrationJobs(h);
    await h.setToday("2026-04-07");
    await runRegistrationJobs(h);
    const registration = await finance.registrations.get({ id: receipt.registrationId! });
    expect(registration).toMatchObject({ status: "rejected", reason: "not_cms_eligible", reasonText: { code: "A005", ko: "CMS 출금이체 불가 계좌" } });
    expect(registration.history.at(-1)).toMatchObject({ from: "submitted", to: "rejected", reason: "not_cms_eligible" });
    expect(await h.db.staffNotification.count({ where: { kind: "registration_rejected", registrationId: receipt.registrationId! } })).toBe(1);
    await h.setToday("2026-03-16");
  });
});

describe("personal data at rest", () => {
  it("keeps no account number, phone or birth date in plaintext in the consent tables", async () => {
    const tables = ["payer", "payer_account", "consent", "consent_withdrawal", "otp_challenge", "otp_phone_guard", "evidence_file", "cms_file", "cms_registration", "cms_registration_event", "enrollment_link", "sandbox_bank_submission", "sandbox_bank_result_file", "sandbox_bank_registration"];
    const dump = JSON.stringify(await Promise.all(tables.map((table) => h.db.$queryRawUnsafe(`SELECT * FROM "${table}"`))), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    for (const secret of ["3333123456789", "100012345678", "3333111122223", "01023456789", "010-2345-6789", "1990-05-17", "900517", "19900517"]) expect(dump).not.toContain(secret);
    expect(dump).toContain("010-****-6789");
  });
});
