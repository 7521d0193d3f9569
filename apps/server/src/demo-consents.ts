import { pino } from "pino";
import { addDays, maskDigits, type BusinessDate } from "@sunap/core";
import { ConsentService, createConsentJobs, EnrollmentLinkService, openKoreanPdf, PgEvidenceStore, type AuditSink, type BillingRegistry } from "@sunap/api";
import type { Db, Keyring } from "@sunap/db";

/** Who gave a consent on paper before the demo year began, and the account they gave. */
const PAPER_CONSENTS = [
  { payerCode: "P0002", bankCode: "088", accountNumber: "110234567788", holderName: "이준호" },
  { payerCode: "P0003", bankCode: "004", accountNumber: "94370201113356", holderName: "박서연" },
] as const;

/**
 * The consent side of the demo: two payers consented on paper (a scanned form) before the demo
 * year, the sandbox bank registered their accounts on the next banking day, and finance keeps a
 * campaign link for new members. Done through the same services and jobs as real use, so the
 * consents, their evidence and certificates, the registrations' history and the messages sent
 * are all there to look at.
 */
export async function seedDemoConsents(db: Db, keyring: Keyring, registry: BillingRegistry, agreedOn: BusinessDate, audit: AuditSink): Promise<void> {
  const system = { id: null, email: "system:demo-seed", ip: null };
  const consents = new ConsentService(db, keyring, new PgEvidenceStore(keyring));
  const at = (day: BusinessDate) => new Date(`${day}T10:00:00+09:00`);
  for (const paper of PAPER_CONSENTS) {
    const payer = await db.payer.findUnique({ where: { payerCode: paper.payerCode } });
    if (!payer) continue;
    const scan = await paperConsentForm({ payerName: payer.name, bankCode: paper.bankCode, accountMasked: maskDigits(paper.accountNumber), agreedOn });
    await consents.recordOffline(
      { payerId: payer.id, method: "paper", agreedOn, bankCode: paper.bankCode, accountNumber: paper.accountNumber, holderName: paper.holderName, file: { name: "출금동의서.pdf", base64: scan.toString("base64") }, idempotencyKey: `demo-paper-${paper.payerCode}` },
      { actor: system, now: at(agreedOn) },
      audit,
    );
  }
  // The registration jobs as the worker runs them: sent the day after, answered a banking day later.
  const jobs = createConsentJobs(keyring).filter((job) => job.name.startsWith("cms.registrations-"));
  for (const day of [addDays(agreedOn, 1), addDays(agreedOn, 5)]) {
    const context = { db, keyring, billing: registry, clock: { today: () => day, now: () => at(day) }, log: pino({ enabled: false }), jobId: "demo-seed", signal: new AbortController().signal };
    for (const job of jobs) await job.handler(context, undefined);
  }
  await new EnrollmentLinkService(db, keyring, registry.plugins.map((p) => p.manifest.id), { today: () => agreedOn, now: () => new Date() }).create(
    { purpose: "campaign", campaignLabel: "회원 모집 (데모)", pluginId: "subscription", amountText: "매월 55,000원", scheduleText: "매월 25일 출금", expiresInDays: 365 },
    { now: new Date(), ip: "127.0.0.1", userId: null },
    audit,
  );
}

/** A one-page scanned paper form (서면 출금동의서), as finance would upload it. */
function paperConsentForm(form: { payerName: string; bankCode: string; accountMasked: string; agreedOn: BusinessDate }): Promise<Buffer> {
  const { doc, done } = openKoreanPdf({ margin: 56, info: { Title: "자동이체 출금동의서", Author: "주식회사 수납데모" } });
  doc.font("ko-bold").fontSize(20).text("자동이체(CMS) 출금동의서", { align: "center" });
  doc.moveDown(1.5).font("ko").fontSize(11);
  for (const [label, value] of [
    ["수납기관", "주식회사 수납데모"],
    ["납부자", form.payerName],
    ["출금은행", form.bankCode],
    ["출금계좌", form.accountMasked],
    ["동의일", form.agreedOn],
  ]) doc.text(`${label}: ${value}`).moveDown(0.4);
  doc.moveDown(1).text("위 계좌에서 청구 금액을 매월 자동이체로 출금하는 데 동의합니다. 동의는 언제든지 수납기관 또는 은행에서 해지할 수 있습니다.");
  doc.moveDown(3).text(`${form.agreedOn}    납부자 ${form.payerName}  (서명)`, { align: "right" });
  doc.end();
  return done;
}
