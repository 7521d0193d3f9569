import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { pdfText } from "../testing/pdf-text.ts";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { otpCodeFromOutbox, runRegistrationJobs, signaturePng } from "../services/enrollment-testing.ts";
import { resetEnrollLimits } from "../services/enrollment-rate-limits.ts";
import { REDACTED_MESSAGE_TEXT, runRetention } from "../services/retention-service.ts";
import { NOTIFY_FIELD_CONTEXT } from "../services/notify-outbox.ts";
import { decryptField } from "@sunap/db";

let h: ApiHarness;
let finance: CoreCaller;
let payerId = 0;

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n% scanned consent form\n"), Buffer.alloc(2048, 0x20), Buffer.from("\n%%EOF\n")]);
const WAV = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x24, 0, 0, 0]), Buffer.from("WAVEfmt "), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  h = await createApiHarness();
  finance = h.callerFor("finance");
  payerId = (await finance.payers.create({ payerCode: "OFF-1", kind: "individual", name: "최서면", birthDate: "1970-03-04", phone: "010-4444-5555" })).id;
});
afterAll(async () => {
  await h?.drop();
});
beforeEach(() => resetEnrollLimits(h.db));

const offline = (over: Partial<Parameters<CoreCaller["consents"]["recordOffline"]>[0]> = {}) => ({
  payerId,
  method: "paper" as const,
  agreedOn: "2026-03-10",
  bankCode: "004",
  accountNumber: "12345678901234",
  holderName: "최서면",
  file: { name: "consent.pdf", base64: PDF.toString("base64") },
  idempotencyKey: `offline-${Math.random().toString(36).slice(2)}`,
  ...over,
});

describe("consents recorded by finance", () => {
  it("records a paper consent with its scan, idempotently, and the bank rejects a closed account (…0003) with that reason", async () => {
    const input = offline({ accountNumber: "12345678900003", idempotencyKey: "paper-form-0003" });
    const consent = await finance.consents.recordOffline(input);
    expect(await finance.consents.recordOffline(input)).toMatchObject({ id: consent.id });
    expect(consent).toMatchObject({ method: "paper", accountMasked: "**********0003", registration: { status: "pending" } });
    const detail = await finance.consents.get({ id: consent.id });
    expect(detail.evidenceFile).toMatchObject({ contentType: "application/pdf", sizeBytes: PDF.length, sha256: createHash("sha256").update(PDF).digest("hex") });
    expect(detail.recordedByEmail).toBe(h.users.finance.email);

    await runRegistrationJobs(h);
    await h.setToday("2026-03-17");
    await runRegistrationJobs(h);
    const registration = await finance.registrations.get({ id: consent.registration!.id });
    expect(registration).toMatchObject({ status: "rejected", reason: "account_closed", reasonText: { code: "A002", ko: "해지된 계좌" } });
    expect(registration.history.map((e) => [e.to, e.reason])).toEqual([["pending", null], ["submitted", null], ["rejected", "account_closed"]]);
    await h.setToday("2026-03-16");
  });

  it("accepts a phone recording by its bytes, and refuses an oversized or mistyped upload, storing nothing", async () => {
    await expect(finance.consents.recordOffline(offline({ method: "recording", file: { name: "call.wav", base64: WAV.toString("base64") } }))).resolves.toMatchObject({ method: "recording" });
    const before = { consents: await h.db.consent.count(), files: await h.db.evidenceFile.count(), accounts: await h.db.payerAccount.count() };
    const tooBig = Buffer.concat([PDF.subarray(0, 9), Buffer.alloc(10 * 1024 * 1024)]);
    const CASES: [string, Parameters<typeof offline>[0], string][] = [
      ["a scan over 10 MB", { file: { name: "big.pdf", base64: tooBig.toString("base64") } }, "evidence.too_large"],
      ["a text file named .pdf", { file: { name: "fake.pdf", base64: Buffer.from("just text, not a PDF").toString("base64") } }, "evidence.wrong_type"],
      ["a PDF sent as a recording", { method: "recording", file: { name: "call.mp3", base64: PDF.toString("base64") } }, "evidence.wrong_type"],
      ["a recording sent as a scan", { file: { name: "scan.pdf", base64: WAV.toString("base64") } }, "evidence.wrong_type"],
      ["something that is not base64", { file: { name: "x.pdf", base64: "%%%not base64%%%" } }, "evidence.not_base64"],
    ];
    for (const [label, over, code] of CASES) expect({ label, ...(await refusal(finance.consents.recordOffline(offline(over)))) }).toMatchObject({ label, domainCode: code, field: "file" });
    expect({ consents: await h.db.consent.count(), files: await h.db.evidenceFile.count(), accounts: await h.db.payerAccount.count() }).toEqual(before);
  });

  it("lets only roles with evidence.download fetch evidence, and logs every download", async () => {
    const consent = (await finance.consents.list({ filters: [{ field: "method", operator: "eq", value: "paper" }] })).data[0]!;
    const detail = await finance.consents.get({ id: consent.id });
    const file = await h.callerFor("auditor").consents.evidence({ fileId: detail.evidenceFile!.id, reason: "감사 표본 확인" });
    expect(Buffer.from(file.base64, "base64").equals(PDF)).toBe(true);
    expect(await h.db.personalDataAccess.count({ where: { action: "evidence.download", payerId, reason: "감사 표본 확인" } })).toBe(1);
    expect(await refusal(h.callerFor("franchise_hq").consents.evidence({ fileId: detail.evidenceFile!.id, reason: "궁금해서" }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a download without a reason and logs nothing, as it is a logged access to personal data", async () => {
    const consent = (await finance.consents.list({ filters: [{ field: "method", operator: "eq", value: "paper" }] })).data[0]!;
    const detail = await finance.consents.get({ id: consent.id });
    const logged = { access: await h.db.personalDataAccess.count(), audit: await h.db.auditLog.count() };
    expect(await refusal(finance.consents.evidence({ fileId: detail.evidenceFile!.id, reason: " " }))).toMatchObject({ domainCode: "evidence.reason_required", field: "reason" });
    expect(await refusal(finance.consents.certificate({ id: consent.id, reason: "" }))).toMatchObject({ domainCode: "evidence.reason_required", field: "reason" });
    expect({ access: await h.db.personalDataAccess.count(), audit: await h.db.auditLog.count() }).toEqual(logged);
  });
});

describe("the consent certificate", () => {
  it("is a PDF whose Korean text reads back: creditor, payer, account (masked), terms hashes, OTP, registration", async () => {
    const link = await finance.enrollmentLinks.create({ purpose: "campaign", amountText: "매월 30,000원", scheduleText: "매월 10일" });
    const token = link.path.split("/").pop()!;
    const anon = h.callerWithToken(null, { ip: "198.51.100.201", userAgent: "Mozilla/5.0 (Android 15)" });
    const page = await anon.enroll.open({ token });
    const sent = await anon.enroll.sendOtp({ token, phone: "010-8765-4321" });
    const { otpProof } = await anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) });
    const receipt = await anon.enroll.submit({
      token,
      otpProof,
      idempotencyKey: "certificate-case-1",
      payer: { kind: "individual", name: "정증명", birthDate: "1988-08-08", phone: "010-8765-4321" },
      account: { bankCode: "088", accountNumber: "110123456789", holderName: "정증명" },
      agreedTerms: { autoDebit: page.terms.autoDebit.sha256, privacy: page.terms.privacy.sha256 },
      signature: { method: "drawn", pngBase64: signaturePng().toString("base64") },
    });
    const file = await finance.consents.certificate({ id: receipt.consentId, reason: "감사 대응" });
    expect(file).toMatchObject({ contentType: "application/pdf", fileName: `consent-certificate-${receipt.consentId}.pdf` });
    const bytes = Buffer.from(file.base64, "base64");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfText(bytes)).replace(/\s+/g, " ");
    for (const expected of ["자동이체 출금동의 확인서", "(주)수납테스트", "정증명", "신한은행", "********6789", "매월 30,000원", "010-****-4321", page.terms.autoDebit.sha256, page.terms.privacy.sha256, "198.51.100.201", "등록 대기"]) expect(text).toContain(expected);
    expect(text).not.toContain("110123456789");
    expect(await h.db.personalDataAccess.count({ where: { action: "consent.certificate", reason: "감사 대응" } })).toBe(1);
  });
});

describe("consent evidence is immutable", () => {
  it("refuses UPDATE and DELETE on consents, withdrawals' evidence and evidence files outside the redaction function", async () => {
    await expect(h.db.$executeRawUnsafe(`UPDATE consent SET ip = '0.0.0.0'`)).rejects.toThrow(/immutable consent evidence/);
    await expect(h.db.$executeRawUnsafe(`DELETE FROM evidence_file`)).rejects.toThrow(/immutable consent evidence/);
    await expect(h.db.$executeRawUnsafe(`UPDATE evidence_file SET content = NULL`)).rejects.toThrow(/immutable consent evidence/);
    await expect(h.db.$executeRawUnsafe(`TRUNCATE consent CASCADE`)).rejects.toThrow(/append-only/);
    await expect(h.db.$executeRawUnsafe(`UPDATE consent_terms SET body = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(h.db.$executeRawUnsafe(`DELETE FROM cms_registration_event`)).rejects.toThrow(/append-only/);
    await expect(h.db.$queryRawUnsafe(`SELECT sunap_redact_payer_personal_data(${payerId}, 'x', 'y', 'test', 'still active')`)).rejects.toThrow(/active registration/);
  });
});

describe("retention", () => {
  it("redacts personal data and deletes evidence bytes five years after the relationship ended, once, audited, keeping anonymised references", async () => {
    // OFF-1's consents: one rejected, one recording and one paper still pending; withdraw what stands.
    for (const consent of (await finance.consents.list({ filters: [{ field: "payerId", operator: "eq", value: payerId }] })).data) {
      if (consent.status === "active") await finance.consents.withdraw({ id: consent.id, reason: "전화로 해지 요청" });
    }
    expect(await h.db.cmsRegistration.count({ where: { payerId, status: { in: ["pending", "submitted", "registered", "cancel_requested"] } } })).toBe(0);
    const { keyring } = await h.contextFor(null);
    const messagesBefore = await h.db.notifyMessage.count({ where: { payerId } });
    expect(messagesBefore).toBeGreaterThan(0);
    // The last registration ended when the bank rejected it, on 2026-03-17: kept five years from then.
    const endedOn = "2026-03-17";
    await h.setToday("2031-03-16");
    expect(await runRetention(h.db, keyring, h.clock.today())).toMatchObject({ years: 5, redacted: 0 });
    await h.setToday("2031-03-17");
    const redaction = await runRetention(h.db, keyring, h.clock.today());
    expect(redaction).toMatchObject({ years: 5 });
    expect(redaction.redacted).toBeGreaterThanOrEqual(1);

    const payer = await h.db.payer.findUniqueOrThrow({ where: { id: payerId }, include: { accounts: true, consents: { include: { evidenceFile: true } } } });
    expect(payer).toMatchObject({ payerCode: "OFF-1", name: "(파기됨)", birthDateEnc: null, phoneBidx: "redacted" });
    for (const consent of payer.consents) {
      expect(consent).toMatchObject({ payerName: null, accountMasked: null, ip: null, redactedAt: expect.any(Date) });
      expect(consent.evidenceFile).toMatchObject({ content: null, redactedAt: expect.any(Date), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
    expect(payer.accounts.every((a) => a.last4Bidx === "redacted" && a.holderName === "")).toBe(true);
    // The outbox keeps that messages were sent, not what they said or to whom.
    const messages = await h.db.notifyMessage.findMany({ where: { payerId } });
    expect(messages).toHaveLength(messagesBefore);
    for (const message of messages) {
      expect(message).toMatchObject({ body: REDACTED_MESSAGE_TEXT, recipientMasked: REDACTED_MESSAGE_TEXT, recipientBidx: null, secretEnc: null, buttons: null });
      expect(message.status).not.toBe("queued");
      expect(decryptField(keyring, message.recipientEnc, NOTIFY_FIELD_CONTEXT.recipient)).toBe("");
    }
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { action: "retention.redact", entityId: String(payerId) } });
    expect(audit).toMatchObject({ entityType: "payer", actorEmail: "retention-job" });
    expect(JSON.stringify(audit.after)).toContain(endedOn);
    expect(await refusal(finance.consents.evidence({ fileId: payer.consents[0]!.evidenceFile!.id, reason: "보존기간 경과 확인" }))).toMatchObject({ domainCode: "evidence.redacted" });
    // The payer still lists (masked) under their code, and a second run finds nothing more.
    await expect(finance.payers.get({ id: payerId })).resolves.toMatchObject({ payerCode: "OFF-1" });
    expect((await runRetention(h.db, keyring, h.clock.today())).redacted).toBe(0);
    expect(await h.db.auditLog.count({ where: { action: "retention.redact", entityId: String(payerId) } })).toBe(1);
  });
});
