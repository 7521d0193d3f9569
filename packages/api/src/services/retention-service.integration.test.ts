import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptField } from "@sunap/db";
import { createApiHarness, refusal, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { otpCodeFromOutbox, signaturePng } from "./enrollment-testing.ts";
import { resetEnrollLimits } from "./enrollment-rate-limits.ts";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";
import { REDACTED_MESSAGE_TEXT, runRetention } from "./retention-service.ts";

let h: ApiHarness;
let finance: CoreCaller;

beforeAll(async () => {
  h = await createApiHarness({ today: "2026-03-16" });
  finance = h.callerFor("finance");
});
afterAll(async () => {
  await h?.drop();
});

/** Someone opens a sign-up link and asks for a code, then types a wrong one, and never becomes a payer. */
async function codeAskedByAStranger(token: string, phone: string, ip: string) {
  await resetEnrollLimits(h.db);
  const anon = h.callerWithToken(null, { ip, userAgent: "Mozilla/5.0 (Android)" });
  await anon.enroll.open({ token });
  const sent = await anon.enroll.sendOtp({ token, phone });
  const code = await otpCodeFromOutbox(h, sent.challengeId);
  const wrong = code === "000000" ? "111111" : "000000";
  await refusal(anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: wrong }));
  return sent.challengeId;
}

/** Someone who confirms their phone and gives a consent: the challenge becomes part of the consent's evidence. */
async function consentGiven(token: string, phone: string) {
  await resetEnrollLimits(h.db);
  const anon = h.callerWithToken(null, { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (iPhone)" });
  const page = await anon.enroll.open({ token });
  const sent = await anon.enroll.sendOtp({ token, phone });
  const { otpProof } = await anon.enroll.verifyOtp({ token, challengeId: sent.challengeId, code: await otpCodeFromOutbox(h, sent.challengeId) });
  await anon.enroll.submit({
    token,
    otpProof,
    idempotencyKey: "retention-consent-1",
    payer: { kind: "individual", name: "김보존", birthDate: "1988-08-08", phone },
    account: { bankCode: "090", accountNumber: "3333987654321", holderName: "김보존" },
    agreedTerms: { autoDebit: page.terms.autoDebit.sha256, privacy: page.terms.privacy.sha256 },
    signature: { method: "drawn", pngBase64: signaturePng().toString("base64") },
  });
  return sent.challengeId;
}

describe("retention of what names no payer", () => {
  it("redacts the messages and deletes the code challenges of people who never became payers once past retention, audited with ids only, and leaves recent ones alone", async () => {
    const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "모집", amountText: "매월 10,000원", scheduleText: "매월 25일 출금" });
    const token = link.path.split("/").pop()!;
    // A code asked for on 16 March 2021 (Seoul), then one asked for now.
    h.clock.advance(Date.parse("2021-03-16T12:00:00+09:00") - Date.now());
    const oldChallenge = await codeAskedByAStranger(token, "010-7777-0001", "198.51.100.21");
    const evidenceChallenge = await consentGiven(token, "010-7777-0003");
    h.clock.resetNow();
    const recentChallenge = await codeAskedByAStranger(token, "010-7777-0002", "198.51.100.22");

    const oldMessage = await h.db.notifyMessage.findFirstOrThrow({ where: { relatedType: "otp_challenge", relatedId: oldChallenge } });
    const recentMessage = await h.db.notifyMessage.findFirstOrThrow({ where: { relatedType: "otp_challenge", relatedId: recentChallenge } });
    expect([oldMessage.payerId, recentMessage.payerId]).toEqual([null, null]);
    const evidenceOtpMessage = await h.db.notifyMessage.findFirstOrThrow({ where: { relatedType: "otp_challenge", relatedId: evidenceChallenge } });
    // The code went out before its receiver became a payer: that message names no payer either.
    expect(evidenceOtpMessage.payerId).toBeNull();
    expect(await h.db.otpPhoneGuard.count()).toBe(3);

    // Kept five years from the day the code was asked for: still there the day before.
    await h.setToday("2026-03-15");
    expect(await runRetention(h.db, h.keyring, h.clock.today())).toMatchObject({ years: 5, messagesWithoutPayer: 0, otpChallenges: 0, otpPhoneGuards: 0 });
    expect(await h.db.notifyMessage.findUniqueOrThrow({ where: { id: oldMessage.id } })).toEqual(oldMessage);

    await h.setToday("2026-03-16");
    expect(await runRetention(h.db, h.keyring, h.clock.today())).toMatchObject({ years: 5, messagesWithoutPayer: 2, otpChallenges: 1, otpPhoneGuards: 2 });
    const redacted = await h.db.notifyMessage.findUniqueOrThrow({ where: { id: oldMessage.id } });
    expect(redacted).toMatchObject({ body: REDACTED_MESSAGE_TEXT, subject: null, recipientMasked: REDACTED_MESSAGE_TEXT, recipientBidx: null, secretEnc: null, buttons: null, status: "cancelled" });
    expect(decryptField(h.keyring, redacted.recipientEnc, NOTIFY_FIELD_CONTEXT.recipient)).toBe("");
    // The record that a code was sent, when and through which template, stays.
    expect(redacted).toMatchObject({ templateCode: oldMessage.templateCode, channel: oldMessage.channel, createdAt: oldMessage.createdAt, relatedId: oldChallenge });
    expect(await h.db.otpChallenge.findUnique({ where: { id: oldChallenge } })).toBeNull();
    // The challenge a consent names is evidence: it goes only with its payer's redaction.
    expect(await h.db.otpChallenge.findUnique({ where: { id: evidenceChallenge } })).not.toBeNull();

    // Within the period: untouched.
    expect(await h.db.notifyMessage.findUniqueOrThrow({ where: { id: recentMessage.id } })).toEqual(recentMessage);
    expect(await h.db.otpChallenge.findUnique({ where: { id: recentChallenge } })).not.toBeNull();
    expect(await h.db.otpPhoneGuard.count()).toBe(1);

    const audits = await h.db.auditLog.findMany({ where: { action: { in: ["retention.redact_messages", "retention.delete_otp"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorEmail])).toEqual([
      ["retention.redact_messages", "retention-job"],
      ["retention.delete_otp", "retention-job"],
    ]);
    expect(audits[0]!.after).toMatchObject({ messageIds: [oldMessage.id, evidenceOtpMessage.id], cancelled: 2 });
    expect(audits[1]!.after).toMatchObject({ challenges: 1, phoneGuards: 2 });
    expect(JSON.stringify(audits)).not.toMatch(/7777|0001/);

    // A second run the same day finds nothing more and writes no audit record.
    expect(await runRetention(h.db, h.keyring, h.clock.today())).toMatchObject({ messagesWithoutPayer: 0, otpChallenges: 0, otpPhoneGuards: 0 });
    expect(await h.db.auditLog.count({ where: { action: { in: ["retention.redact_messages", "retention.delete_otp"] } } })).toBe(2);
  });
});
