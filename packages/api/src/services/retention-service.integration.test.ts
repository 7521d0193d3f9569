import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, businessDateToDb } from "@sunap/core";
import { decryptField } from "@sunap/db";
import { createApiHarness, refusal, VALID_BUSINESS_NUMBER, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { issueFixtureInvoice } from "../testing/invoice-fixtures.ts";
import { otpCodeFromOutbox, signaturePng } from "./enrollment-testing.ts";
import { resetEnrollLimits } from "./enrollment-rate-limits.ts";
import { loadInvoiceNoticeSetup, loadNoticePayers, queueInvoiceIssued } from "./invoice-notifications.ts";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
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

describe("retention of payers who never gave a consent", () => {
  let seq = 0;
  const payment = (payerId: number, receivedOn: string, amountWon: bigint) => finance.payments.record({ payerId, receivedOn, amountWon, method: "bank_transfer", idempotencyKey: `retention-pay-${++seq}` });

  /** A payer entered in the admin who pays by bank transfer, with one invoice of 10,000 issued on `issueOn` and told by message. */
  async function bankTransferPayer(code: string, issueOn: string, kind: "individual" | "business" = "individual") {
    const phone = `010-5${code.slice(-3)}-7${code.slice(-3)}`;
    const who = kind === "individual" ? { birthDate: "1975-05-05" } : { businessNumber: VALID_BUSINESS_NUMBER, representative: `대표${code}` };
    const payer = await finance.payers.create({ payerCode: code, kind, name: `이체고객${code}`, phone, email: `${code.toLowerCase()}@example.kr`, address: `서울시 보존구 ${code}길 1`, ...who });
    const invoice = await issueFixtureInvoice(h.db, { payerId: payer.id, issueOn, dueOn: addDays(issueOn, 20), totalWon: 10_000n, number: `${issueOn.slice(0, 4)}-9${code.slice(-3)}00` });
    const setup = await loadInvoiceNoticeSetup(h.db);
    const notice = (await loadNoticePayers(h.db, h.keyring, h.clock, [payer.id])).get(payer.id)!;
    expect(await queueInvoiceIssued(h.db, h.keyring, setup, notice, { id: invoice.id, payerId: payer.id, number: invoice.number, totalWon: 10_000n, dueOn: addDays(issueOn, 20) }, h.clock.now())).toBe(true);
    return { id: payer.id, name: `이체고객${code}`, phone, email: `${code.toLowerCase()}@example.kr`, invoiceId: invoice.id };
  }
  const endContracts = (payerId: number, endedOn: string) => h.db.contract.updateMany({ where: { payerId }, data: { status: "ended", endedOn: businessDateToDb(endedOn), nextIssueOn: null } });
  // The fixture sets the columns directly: some cases are states payers.leave never leaves behind (left, a contract still active).
  const leave = (payerId: number, leftOn: string) => h.db.payer.update({ where: { id: payerId }, data: { status: "left", leftOn: businessDateToDb(leftOn) } });
  const rawPayer = async (id: number) => (await h.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "payer" WHERE "id" = ${id}`)[0]!;
  const rawMessages = (payerId: number) => h.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "notify_message" WHERE "payer_id" = ${payerId} ORDER BY "id"`;

  it("redacts a payer without consent five years after they left or their contracts ended and nothing was owed, never one still under contract or owing or owed, audited with masked values, once", async () => {
    await h.setToday("2026-03-16");
    // Left five years and one day ago, everything paid.
    const left = await bankTransferPayer("RT-101", "2021-01-04");
    await payment(left.id, "2021-02-01", 10_000n);
    await endContracts(left.id, "2021-03-15");
    await leave(left.id, "2021-03-15");
    // A business that never "left": its contracts all ended five years and six days ago, everything paid.
    const ended = await bankTransferPayer("RT-102", "2021-01-04", "business");
    await payment(ended.id, "2021-01-20", 10_000n);
    await endContracts(ended.id, "2021-03-10");
    // Left five years less one day ago.
    const recent = await bankTransferPayer("RT-103", "2021-01-04");
    await payment(recent.id, "2021-02-01", 10_000n);
    await endContracts(recent.id, "2021-03-17");
    await leave(recent.id, "2021-03-17");
    // Left long ago, but a contract is still active (everything paid).
    const underContract = await bankTransferPayer("RT-104", "2015-01-05");
    await payment(underContract.id, "2015-02-01", 10_000n);
    await leave(underContract.id, "2015-06-30");
    // Left long ago, contracts ended, an invoice still open.
    const owing = await bankTransferPayer("RT-105", "2015-01-05");
    await endContracts(owing.id, "2015-06-30");
    await leave(owing.id, "2015-06-30");
    // Left long ago, paid more than was owed: the organisation still owes them 2,000 of customer credit.
    const owed = await bankTransferPayer("RT-106", "2015-01-05");
    await payment(owed.id, "2015-02-01", 12_000n);
    await endContracts(owed.id, "2015-06-30");
    await leave(owed.id, "2015-06-30");
    // Left over five years ago, but the last invoice was settled only four years and nine months ago.
    const lateSettled = await bankTransferPayer("RT-107", "2020-12-01");
    await endContracts(lateSettled.id, "2020-12-31");
    await leave(lateSettled.id, "2020-12-31");
    await payment(lateSettled.id, "2021-06-01", 10_000n);

    const untouched = [recent, underContract, owing, owed, lateSettled];
    const before = new Map(await Promise.all(untouched.map(async (p) => [p.id, { payer: await rawPayer(p.id), messages: await rawMessages(p.id) }] as const)));
    const ledgerBefore = await h.db.journalLine.findMany({ where: { payerId: { in: [left.id, ended.id] } }, orderBy: { id: "asc" } });

    const first = await runRetention(h.db, h.keyring, h.clock.today());
    expect(first).toMatchObject({ years: 5, redacted: 2 });

    for (const p of [left, ended]) {
      const row = await rawPayer(p.id);
      expect(row).toMatchObject({ name: "(파기됨)", birth_date_enc: null, business_number_enc: null, representative: null, email: null, address: null, phone_bidx: "redacted" });
      expect(decryptField(h.keyring, row.phone_enc as string, PAYER_FIELD_CONTEXT.phone)).toBe("");
      const messages = await rawMessages(p.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ body: REDACTED_MESSAGE_TEXT, subject: null, recipient_masked: REDACTED_MESSAGE_TEXT, recipient_bidx: null, secret_enc: null, buttons: null });
      expect(decryptField(h.keyring, messages[0]!.recipient_enc as string, NOTIFY_FIELD_CONTEXT.recipient)).toBe("");
      const everything = JSON.stringify([row, messages], (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      for (const personal of [p.name, p.email, p.phone, p.phone.replaceAll("-", ""), "보존구", "1975", "대표RT"]) expect(everything).not.toContain(personal);
    }
    // The ledger keeps its references: the same lines, naming the same (now anonymous) payer and invoice.
    expect(await h.db.journalLine.findMany({ where: { payerId: { in: [left.id, ended.id] } }, orderBy: { id: "asc" } })).toEqual(ledgerBefore);
    expect(await h.db.invoice.findUniqueOrThrow({ where: { id: left.invoiceId } })).toMatchObject({ payerId: left.id, openWon: 0n });

    for (const p of untouched) {
      expect({ payer: await rawPayer(p.id), messages: await rawMessages(p.id) }).toEqual(before.get(p.id));
    }

    const audits = await h.db.auditLog.findMany({ where: { action: "retention.redact", entityId: { in: [left, ended, ...untouched].map((p) => String(p.id)) } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.entityId, a.actorEmail])).toEqual([
      [String(left.id), "retention-job"],
      [String(ended.id), "retention-job"],
    ]);
    expect(JSON.stringify(audits[0]!.after)).toContain("relationship ended 2021-03-15");
    expect(JSON.stringify(audits[1]!.after)).toContain("relationship ended 2021-03-10");
    const audited = JSON.stringify(audits);
    for (const personal of [left.name, ended.name, left.email, "5101", "5102", "보존구"]) expect(audited).not.toContain(personal);

    // The admin's payer page still reads: the placeholder for the name, nothing for what was erased.
    await expect(finance.payers.get({ id: left.id })).resolves.toMatchObject({ payerCode: "RT-101", name: "(파기됨)", birthDateMasked: null, email: null, address: null, status: "left" });
    await expect(finance.payers.get({ id: ended.id })).resolves.toMatchObject({ payerCode: "RT-102", name: "(파기됨)", businessNumberMasked: null, representative: null });
    await expect(finance.payments.payerSummary({ payerId: left.id })).resolves.toMatchObject({ customerCreditWon: 0n });

    // A second run the same day does nothing more.
    expect(await runRetention(h.db, h.keyring, h.clock.today())).toMatchObject({ redacted: 0 });
    expect(await h.db.auditLog.count({ where: { action: "retention.redact", entityId: { in: [left, ended, ...untouched].map((p) => String(p.id)) } } })).toBe(2);

    // The next day the payer who left five years ago that day goes too, and only they.
    await h.setToday("2026-03-17");
    expect(await runRetention(h.db, h.keyring, h.clock.today())).toMatchObject({ redacted: 1 });
    expect(await rawPayer(recent.id)).toMatchObject({ name: "(파기됨)", email: null, phone_bidx: "redacted" });
    for (const p of [underContract, owing, owed, lateSettled]) expect(await rawPayer(p.id)).toEqual(before.get(p.id)!.payer);
    await h.setToday("2026-03-16");
  });

  it("erases the reference and memo typed for a redacted payer's payments and marks them left on the day the relationship ended, and leaves a payer within the period untouched", async () => {
    await h.setToday("2026-03-16");
    const record = (payerId: number, receivedOn: string, reference: string, memo: string) =>
      finance.payments.record({ payerId, receivedOn, amountWon: 10_000n, method: "bank_transfer", reference, memo, idempotencyKey: `retention-pay-${++seq}` });
    // Contracts ended five years and a week ago, never marked as left; paid by a transfer the depositor named.
    const gone = await bankTransferPayer("RT-201", "2021-01-04");
    const goneBlank = await bankTransferPayer("RT-202", "2021-01-04");
    await record(gone.id, "2021-02-01", "입금자 박보존 0201", "박보존 어머니 대리 입금");
    await record(goneBlank.id, "2021-02-01", "", "");
    await endContracts(gone.id, "2021-03-09");
    await endContracts(goneBlank.id, "2021-03-09");
    // Left two years ago: within the period.
    const kept = await bankTransferPayer("RT-203", "2024-01-04");
    const keptPayment = await record(kept.id, "2024-02-01", "입금자 최유지", "최유지 1월분");
    await endContracts(kept.id, "2024-03-09");
    await leave(kept.id, "2024-03-09");
    const keptBefore = { payer: await rawPayer(kept.id), payments: await h.db.$queryRaw`SELECT * FROM "payment" WHERE "payer_id" = ${kept.id}` };
    const lastAudit = (await h.db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0;

    expect(await runRetention(h.db, h.keyring, h.clock.today())).toMatchObject({ redacted: 2 });

    const payments = await h.db.$queryRaw<{ reference: string; memo: string; amount_won: bigint; received_on: Date }[]>`SELECT "reference", "memo", "amount_won", "received_on" FROM "payment" WHERE "payer_id" = ${gone.id}`;
    expect(payments).toEqual([{ reference: "(파기됨)", memo: "(파기됨)", amount_won: 10_000n, received_on: new Date("2021-02-01T00:00:00Z") }]);
    expect(await h.db.$queryRaw`SELECT "reference", "memo" FROM "payment" WHERE "payer_id" = ${goneBlank.id}`).toEqual([{ reference: "", memo: "" }]);
    for (const p of [gone, goneBlank]) expect(await rawPayer(p.id)).toMatchObject({ name: "(파기됨)", status: "left", left_on: new Date("2021-03-09T00:00:00Z") });

    const related = await h.db.auditLog.findMany({ where: { id: { gt: lastAudit }, action: "retention.redact_related" }, orderBy: { id: "asc" } });
    expect(related.map((r) => [r.entityId, r.actorEmail, r.after])).toEqual([
      [String(gone.id), "retention-job", { status: "left", leftOn: "2021-03-09", messages: 1, payments: 1, plugins: {} }],
      [String(goneBlank.id), "retention-job", { status: "left", leftOn: "2021-03-09", messages: 1, payments: 0, plugins: {} }],
    ]);
    expect(JSON.stringify(related)).not.toMatch(/박보존|0201/);

    expect({ payer: await rawPayer(kept.id), payments: await h.db.$queryRaw`SELECT * FROM "payment" WHERE "payer_id" = ${kept.id}` }).toEqual(keptBefore);
    expect(await h.db.payment.findUniqueOrThrow({ where: { id: keptPayment.payment.id } })).toMatchObject({ reference: "입금자 최유지", memo: "최유지 1월분" });
  });
});
