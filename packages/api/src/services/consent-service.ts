import { createHash } from "node:crypto";
import { DomainError, isBusinessDate, type ListInput } from "@sunap/core";
import { accountLast4Index, decryptField, encryptField, maskAccountNumber, maskBirthDate, maskBusinessNumber, maskPhone, type Db, type Keyring, type Prisma } from "@sunap/db";
import type { CmsProvider } from "@sunap/rails";
import type { Actor } from "../audit.ts";
import { prismaListArgs } from "../list-query.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { checkAccountNumber } from "./consent-banks.ts";
import { renderConsentCertificate, type CertificateData } from "./consent-certificate.ts";
import { financeWithdrawal, withdrawConsents } from "./enrollment-service.ts";
import { checkEvidenceFile, decodeBase64 } from "./evidence-file-types.ts";
import type { EvidenceStore } from "./evidence-store.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
import { createRegistration, reasonText } from "./registration-service.ts";

const include = {
  payer: { select: { id: true, payerCode: true, name: true, storeId: true } },
  payerAccount: { select: { id: true, bankCode: true, accountNumberEnc: true, holderName: true } },
  registrations: { orderBy: { id: "asc" as const }, select: { id: true, status: true, reason: true, registeredOn: true, createdAt: true } },
  withdrawal: { select: { at: true, via: true } },
  signatureFile: { select: { id: true, sha256: true, contentType: true, sizeBytes: true, redactedAt: true } },
  evidenceFile: { select: { id: true, sha256: true, contentType: true, sizeBytes: true, redactedAt: true } },
} as const;

type ConsentRow = Prisma.ConsentGetPayload<{ include: typeof include }>;

function scope(storeScope: readonly number[] | null): Prisma.ConsentWhereInput {
  return storeScope ? { payer: { storeId: { in: [...storeScope] } } } : {};
}

export function presentConsent(row: ConsentRow) {
  const latest = row.registrations.at(-1);
  return {
    id: row.id,
    payer: { id: row.payer.id, payerCode: row.payer.payerCode, name: row.payer.name },
    method: row.method,
    agreedAt: row.agreedAt,
    bankCode: row.bankCode,
    accountMasked: row.accountMasked,
    holderName: row.holderName,
    phoneMasked: row.phoneMasked,
    termsVersions: { autoDebit: row.autoDebitTermsSha256, privacy: row.privacyTermsSha256 },
    status: row.withdrawal ? ("withdrawn" as const) : latest && ["registered", "pending", "submitted", "cancel_requested"].includes(latest.status) ? ("active" as const) : ("ended" as const),
    withdrawal: row.withdrawal,
    registration: latest ? { id: latest.id, status: latest.status, reason: latest.reason, reasonText: reasonText(latest.reason) } : null,
    redactedAt: row.redactedAt,
    createdAt: row.createdAt,
  };
}

export interface OfflineConsentInput {
  payerId: number;
  method: "paper" | "recording";
  agreedOn: string;
  bankCode: string;
  accountNumber: string;
  holderName: string;
  file: { name: string; base64: string };
  note?: string | null;
  idempotencyKey: string;
}

/** Downloading evidence is logged with its reason (PIPA 접속기록), so a reason is required. */
function requireReason(reason: string): string {
  const why = reason.trim();
  if (why.length < 2) throw new DomainError("INVALID", "evidence.reason_required", {}, "reason");
  return why.slice(0, 200);
}

export class ConsentService {
  constructor(
    private readonly db: Db,
    private readonly keyring: Keyring,
    private readonly evidence: EvidenceStore,
  ) {}

  async list(input: ListInput, storeScope: readonly number[] | null) {
    const args = prismaListArgs(input, { id: "int", payerId: "int", method: "enum", bankCode: "string", agreedAt: "datetime", createdAt: "datetime" }, { id: "desc" });
    const where: Prisma.ConsentWhereInput = { AND: [args.where as Prisma.ConsentWhereInput, scope(storeScope)] };
    const [rows, total] = await Promise.all([this.db.consent.findMany({ ...args, where, include }), this.db.consent.count({ where })]);
    return { data: rows.map(presentConsent), total };
  }

  async get(id: number, storeScope: readonly number[] | null) {
    const row = await this.db.consent.findFirst({ where: { id, ...scope(storeScope) }, include });
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `consent ${id}` });
    return {
      ...presentConsent(row),
      ip: row.ip,
      userAgent: row.userAgent,
      creditorName: row.creditorName,
      amountText: row.amountText,
      scheduleText: row.scheduleText,
      otp: { challengeId: row.otpChallengeId, verifiedAt: row.otpVerifiedAt },
      holderVerifiedAt: row.holderVerifiedAt,
      certificateProvider: row.certificateProvider,
      documentSha256: row.documentSha256,
      recordedByEmail: row.recordedByEmail,
      note: row.note,
      signatureFile: row.signatureFile,
      evidenceFile: row.evidenceFile,
      registrations: row.registrations.map((r) => ({ ...r, reasonText: reasonText(r.reason) })),
    };
  }

  /**
   * A consent taken on paper or by phone: the scan (PDF/JPEG/PNG ≤ 10 MB) or the recording
   * (MP3/M4A/WAV ≤ 20 MB), its type read from its bytes, stored as evidence with the account,
   * the consent and a pending registration, in one transaction. Idempotent by key.
   */
  async recordOffline(input: OfflineConsentInput, ctx: { actor: Actor; now: Date }, audit: AuditSink) {
    const key = `offline:${input.idempotencyKey}`;
    const existing = await this.db.consent.findUnique({ where: { idempotencyKey: key }, include });
    if (existing) return presentConsent(existing);
    if (!isBusinessDate(input.agreedOn)) throw new DomainError("INVALID", "input.invalid", { detail: "agreedOn" }, "agreedOn");
    const bytes = decodeBase64(input.file.base64, "file");
    const contentType = checkEvidenceFile(bytes, input.method === "paper" ? "scan" : "recording", "file");
    const payer = await this.db.payer.findUnique({ where: { id: input.payerId } });
    if (!payer) throw new DomainError("NOT_FOUND", "not_found", { entity: `payer ${input.payerId}` });
    const { digits, bank } = await checkAccountNumber(this.db, input.bankCode, input.accountNumber);
    const org = await this.db.organization.findUniqueOrThrow({ where: { id: 1 } });
    const agreedAt = new Date(`${input.agreedOn}T00:00:00+09:00`);
    const accountMasked = maskAccountNumber(digits);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const documentSha256 = createHash("sha256")
      .update(JSON.stringify({ v: 1, creditor: org.legalName, payer: payer.payerCode, account: { bankCode: bank.code, accountMasked }, method: input.method, agreedOn: input.agreedOn, evidence: sha }))
      .digest("hex");
    return this.db.$transaction(
      async (tx) => {
        const account = await tx.payerAccount.create({
          data: { payerId: payer.id, bankCode: bank.code, accountNumberEnc: encryptField(this.keyring, digits, PAYER_FIELD_CONTEXT.accountNumber), last4Bidx: accountLast4Index(this.keyring, digits), holderName: input.holderName.trim(), createdAt: ctx.now },
        });
        const file = await this.evidence.put(tx, { kind: input.method === "paper" ? "paper_scan" : "recording", contentType, bytes });
        const consent = await tx.consent.create({
          data: {
            payerId: payer.id,
            payerAccountId: account.id,
            method: input.method,
            idempotencyKey: key,
            agreedAt,
            creditorName: org.legalName,
            creditorText: org.creditorText,
            termsLocale: "ko",
            payerName: payer.name,
            phoneMasked: maskPhone(decryptField(this.keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone)),
            bankCode: bank.code,
            accountMasked,
            holderName: input.holderName.trim(),
            evidenceFileId: file.id,
            recordedById: ctx.actor.id,
            recordedByEmail: ctx.actor.email,
            note: input.note?.slice(0, 500) ?? null,
            documentSha256,
            createdAt: ctx.now,
          },
        });
        const registration = await createRegistration(tx, { payerId: payer.id, payerAccountId: account.id, consentId: consent.id, payerNumber: payer.payerCode, at: ctx.now, actor: { id: ctx.actor.id, email: ctx.actor.email } });
        await audit(tx, {
          action: "consent.record_offline",
          entityType: "consent",
          entityId: consent.id,
          after: { payerId: payer.id, method: input.method, bankCode: bank.code, accountNumber: accountMasked, evidence: { sha256: file.sha256, contentType, sizeBytes: file.sizeBytes, name: input.file.name }, registrationId: registration.id },
        });
        return presentConsent(await tx.consent.findUniqueOrThrow({ where: { id: consent.id }, include }));
      },
      { timeout: 60_000 },
    );
  }

  /** Finance records a withdrawal the payer asked for by phone or in person. */
  async withdraw(input: { id: number; reason: string }, ctx: { actor: Actor; now: Date; today: string; keyring: Keyring }, audit: AuditSink) {
    const consent = await this.db.consent.findUnique({ where: { id: input.id } });
    if (!consent) throw new DomainError("NOT_FOUND", "not_found", { entity: `consent ${input.id}` });
    return withdrawConsents(this.db, this.keyring, {
      payerId: consent.payerId,
      consentId: consent.id,
      ...financeWithdrawal(ctx.actor, ctx, input.reason),
      audit: (tx, event) => audit(tx, event),
    });
  }

  /**
   * An evidence file's bytes, for someone allowed to download evidence and who says why: the
   * access log (PIPA 접속기록) and the audit log are written in one transaction, before the bytes leave.
   */
  async downloadEvidence(fileId: number, actor: Actor, reason: string, storeScope: readonly number[] | null, audit: AuditSink) {
    const why = requireReason(reason);
    const owner = await this.db.consent.findFirst({ where: { OR: [{ signatureFileId: fileId }, { evidenceFileId: fileId }], ...scope(storeScope) }, select: { id: true, payerId: true } });
    if (!owner) throw new DomainError("NOT_FOUND", "not_found", { entity: `evidence ${fileId}` });
    const file = await this.evidence.read(this.db, fileId);
    await this.db.$transaction(async (tx) => {
      await tx.personalDataAccess.create({ data: { userId: actor.id, email: actor.email, ip: actor.ip, action: "evidence.download", payerId: owner.payerId, reason: why } });
      await audit(tx, { action: "evidence.download", entityType: "evidence_file", entityId: fileId, after: { consentId: owner.id, payerId: owner.payerId, sha256: file.sha256, reason: why } });
    });
    const extension = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/wav": "wav", "application/json": "json" }[file.contentType] ?? "bin";
    return { fileName: `consent-${owner.id}-evidence-${fileId}.${extension}`, contentType: file.contentType, sha256: file.sha256, sizeBytes: file.sizeBytes, bytes: file.bytes };
  }

  /** The PDF certificate of a consent, for a stated reason; logged (PIPA) and audited in one transaction as it shows personal data. */
  async certificate(id: number, actor: Actor, reason: string, storeScope: readonly number[] | null, now: Date, audit: AuditSink) {
    const why = requireReason(reason);
    const row = await this.db.consent.findFirst({
      where: { id, ...scope(storeScope) },
      include: { payer: true, payerAccount: true, withdrawal: true, evidenceFile: true, registrations: { orderBy: { id: "asc" }, include: { events: { orderBy: { id: "asc" } } } } },
    });
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `consent ${id}` });
    const org = await this.db.organization.findUniqueOrThrow({ where: { id: 1 } });
    const bank = await this.db.cmsBank.findUnique({ where: { code: row.bankCode } });
    const terms = await this.db.consentTerms.findMany({ where: { id: { in: [row.autoDebitTermsId, row.privacyTermsId].filter((t): t is number => t !== null) } } });
    let signaturePng: Buffer | null = null;
    if (row.signatureFileId && row.method === "online_drawn") {
      signaturePng = await this.evidence.read(this.db, row.signatureFileId).then((f) => f.bytes, () => null);
    }
    const open = (token: string | null, context: string) => {
      try {
        return token ? decryptField(this.keyring, token, context) : null;
      } catch {
        return null;
      }
    };
    const birth = open(row.payer.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate);
    const business = open(row.payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber);
    const data: CertificateData = {
      consentId: row.id,
      issuedAt: now,
      issuedBy: actor.email,
      creditor: { legalName: row.creditorName, businessNumberMasked: maskBusinessNumber(org.businessNumber), representative: org.representative, address: org.address, creditorText: row.creditorText },
      payer: { payerCode: row.payer.payerCode, name: row.payerName ?? row.payer.name, kind: row.payer.kind, phoneMasked: row.phoneMasked, identityMasked: birth ? maskBirthDate(birth) : business ? maskBusinessNumber(business) : null },
      account: { bankName: bank ? `${bank.nameKo} (${bank.code})` : row.bankCode, accountMasked: row.accountMasked ?? "-", holderName: row.holderName ?? "-" },
      debit: { amountText: row.amountText, scheduleText: row.scheduleText },
      method: row.method,
      agreedAt: row.agreedAt,
      ip: row.ip,
      userAgent: row.userAgent,
      terms: terms.map((t) => ({ title: t.title, version: t.version, locale: t.locale, sha256: t.sha256 })),
      otp: { challengeId: row.otpChallengeId, verifiedAt: row.otpVerifiedAt, phoneMasked: row.phoneMasked },
      holderVerifiedAt: row.holderVerifiedAt,
      signature: { sha256: row.signatureSha256, png: signaturePng, certificateProvider: row.certificateProvider, certificateSubject: row.certificateSubject },
      evidenceFile: row.evidenceFile ? { sha256: row.evidenceFile.sha256, contentType: row.evidenceFile.contentType, sizeBytes: row.evidenceFile.sizeBytes } : null,
      recordedBy: row.recordedByEmail,
      documentSha256: row.documentSha256,
      withdrawal: row.withdrawal ? { at: row.withdrawal.at, via: row.withdrawal.via } : null,
      registrations: row.registrations.map((r) => ({ id: r.id, status: r.status, reason: r.reason, history: r.events.map((e) => ({ at: e.at, to: e.toStatus, by: e.actorEmail, note: e.note })) })),
      redacted: row.redactedAt !== null,
    };
    const pdf = await renderConsentCertificate(data);
    const pdfSha256 = createHash("sha256").update(pdf).digest("hex");
    await this.db.$transaction(async (tx) => {
      await tx.personalDataAccess.create({ data: { userId: actor.id, email: actor.email, ip: actor.ip, action: "consent.certificate", payerId: row.payerId, reason: why } });
      await audit(tx, { action: "consent.certificate", entityType: "consent", entityId: row.id, after: { payerId: row.payerId, pdfSha256, reason: why } });
    });
    return { fileName: `consent-certificate-${row.id}.pdf`, contentType: "application/pdf", bytes: pdf };
  }

  async notifications(input: ListInput) {
    const args = prismaListArgs(input, { id: "int", kind: "string", payerId: "int", createdAt: "datetime" }, { id: "desc" });
    const [data, total] = await Promise.all([this.db.staffNotification.findMany(args), this.db.staffNotification.count({ where: args.where })]);
    return { data, total };
  }
}

export type { CmsProvider };
