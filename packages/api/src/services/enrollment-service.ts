import { birthDateProblem, DomainError, isKoreanPhone, isValidBusinessNumber, type BusinessDate, type Clock } from "@sunap/core";
import { decryptField, encryptField, maskAccountNumber, maskPhone, accountLast4Index, phoneSearchIndex, Prisma, type Db, type Keyring, type Tx } from "@sunap/db";
import type { CmsProvider, CmsReason } from "@sunap/rails";
import { recordAudit, type Actor, type AuditEvent } from "../audit.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { checkAccountNumber, loadBanks, presentBank } from "./consent-banks.ts";
import { sendConsentCompleted, sendConsentWithdrawn } from "./consent-notifications.ts";
import { signingProvider, type SigningProvider, SIGNING_PROVIDERS } from "./consent-signing.ts";
import { decodeBase64, EVIDENCE_LIMITS, sniffContentType } from "./evidence-file-types.ts";
import type { EvidenceStore } from "./evidence-store.ts";
import { enrollmentPath, enrollmentUrl, tokenHash } from "./enrollment-link-tokens.ts";
import { insertLink, LINK_DEFAULT_DAYS, linkExpiry, resolveLink, type LinkRow } from "./enrollment-links.ts";
import { enforceLimit } from "./enrollment-rate-limits.ts";
import { consumeProof, phoneOfProof, sendOtp, verifyOtp } from "./otp-service.ts";
import { PAYER_FIELD_CONTEXT, PayerService } from "./payer-service.ts";
import { ACTIVE_REGISTRATION_STATUSES, createRegistration, transitionRegistration } from "./registration-service.ts";
import { currentTerms, sha256Hex, termsForHash, type TermsLocale } from "./terms-service.ts";

/** Everything the public consent page's procedures need: the request's facts and the rails. */
export interface EnrollContext {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  provider: CmsProvider;
  evidence: EvidenceStore;
  signing?: readonly SigningProvider[];
  ip: string;
  userAgent: string | undefined;
  locale: TermsLocale;
  knownPlugins: readonly string[];
}

export interface PayerDetails {
  kind: "individual" | "business";
  name: string;
  birthDate?: string | null;
  businessNumber?: string | null;
  representative?: string | null;
  phone: string;
  email?: string | null;
}

export type SignatureInput = { method: "drawn"; pngBase64: string } | { method: "certificate"; provider: string; payload: string };

export interface SubmitInput {
  token: string;
  otpProof: string;
  idempotencyKey: string;
  payer?: PayerDetails | null;
  account: { bankCode: string; accountNumber: string; holderName: string };
  agreedTerms: { autoDebit: string; privacy: string };
  signature: SignatureInput;
}

/** What the bank's holder check said, as the page's error on the field it concerns. */
const HOLDER_REFUSALS: Record<CmsReason, { code: string; field: "holderName" | "accountNumber" | "identity" | "bankCode" }> = {
  holder_mismatch: { code: "enroll.holder_mismatch", field: "holderName" },
  invalid_account: { code: "enroll.account_invalid", field: "accountNumber" },
  account_closed: { code: "enroll.account_closed", field: "accountNumber" },
  birth_or_business_number_mismatch: { code: "enroll.identity_mismatch", field: "identity" },
  not_cms_eligible: { code: "enroll.account_not_eligible", field: "accountNumber" },
  consent_withdrawn_at_bank: { code: "enroll.account_refused", field: "accountNumber" },
  duplicate_registration: { code: "enroll.account_refused", field: "accountNumber" },
  no_registration_found: { code: "enroll.account_refused", field: "accountNumber" },
  insufficient_funds: { code: "enroll.account_refused", field: "accountNumber" },
  frozen_or_seized: { code: "enroll.account_refused", field: "accountNumber" },
  payment_stopped: { code: "enroll.account_refused", field: "accountNumber" },
  limit_exceeded: { code: "enroll.account_refused", field: "accountNumber" },
};

const publicActor = (c: EnrollContext): Actor => ({ id: null, email: null, ip: c.ip });

async function organization(db: Db | Tx) {
  const org = await db.organization.findUnique({ where: { id: 1 } });
  if (!org) throw new DomainError("UNAVAILABLE", "not_found", { entity: "organization" });
  return org;
}

/** Birth date YYMMDD or business number (10 digits): what the bank checks the holder against. */
function identityNumber(details: { kind: "individual" | "business"; birthDate?: string | null; businessNumber?: string | null }, today: BusinessDate, prefix: string): string {
  if (details.kind === "individual") {
    const birthDate = details.birthDate?.trim();
    if (!birthDate) throw new DomainError("INVALID", "payer.birth_date_required", {}, `${prefix}birthDate`);
    const problem = birthDateProblem(birthDate, today);
    if (problem) throw new DomainError("INVALID", problem, {}, `${prefix}birthDate`);
    return birthDate.replace(/-/g, "").slice(2);
  }
  const number = (details.businessNumber ?? "").replace(/\D/g, "");
  if (!number) throw new DomainError("INVALID", "payer.business_number_required", {}, `${prefix}businessNumber`);
  if (!isValidBusinessNumber(number)) throw new DomainError("INVALID", "payer.bad_business_number", {}, `${prefix}businessNumber`);
  return number;
}

async function verifyHolder(c: EnrollContext, input: { bankCode: string; digits: string; holderName: string; identity: string; kind: "individual" | "business" }, prefix: { account: string; payer: string }) {
  const answer = await c.provider.verifyAccountHolder(input.bankCode, input.digits, input.holderName.trim(), input.identity);
  if (answer.ok) return answer;
  const refusal = HOLDER_REFUSALS[answer.reason];
  const field = refusal.field === "identity" ? `${prefix.payer}${input.kind === "individual" ? "birthDate" : "businessNumber"}` : `${prefix.account}${refusal.field}`;
  throw new DomainError("INVALID", refusal.code, { reason: answer.reason }, field);
}

/** Rate limits count on the wall clock, whatever the business date. */
function limitContext(c: EnrollContext) {
  return { db: c.db, keyring: c.keyring, now: c.clock.now() };
}

async function limitsFor(c: EnrollContext): Promise<void> {
  await enforceLimit(limitContext(c), "publicPerIp", c.ip);
}

async function payerPhone(c: EnrollContext, payerId: number): Promise<string> {
  const payer = await c.db.payer.findUniqueOrThrow({ where: { id: payerId } });
  return decryptField(c.keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone);
}

/** The consents of a payer that still stand: registration active and not withdrawn. */
/** A standing consent: not withdrawn, with a registration that is pending, sent or registered. */
export function standingConsentWhere(payerId: number) {
  return { payerId, withdrawal: null, registrations: { some: { status: { in: [...ACTIVE_REGISTRATION_STATUSES] } } } };
}

async function standingConsents(db: Db | Tx, payerId: number) {
  return db.consent.findMany({
    where: standingConsentWhere(payerId),
    include: { registrations: { orderBy: { id: "desc" } }, payerAccount: true },
    orderBy: { id: "desc" },
  });
}

/* ---------- enroll.open ---------- */

export async function openEnrollment(c: EnrollContext, token: string) {
  await limitsFor(c);
  const link = await resolveLink(c.db, c.keyring, token, c.clock);
  const org = await organization(c.db);
  const [terms, banks] = await Promise.all([currentTerms(c.db, c.locale), loadBanks(c.db, { enabledOnly: true })]);
  const payer = link.payerId ? await c.db.payer.findUnique({ where: { id: link.payerId } }) : null;
  let consents: { id: number; bankCode: string; accountMasked: string | null; agreedAt: Date; registrationStatus: string }[] = [];
  if (link.purpose === "manage" && link.payerId) {
    consents = (await standingConsents(c.db, link.payerId)).map((consent) => ({
      id: consent.id,
      bankCode: consent.bankCode,
      accountMasked: maskAccountNumber(decryptField(c.keyring, consent.payerAccount.accountNumberEnc, PAYER_FIELD_CONTEXT.accountNumber)),
      agreedAt: consent.agreedAt,
      registrationStatus: consent.registrations[0]?.status ?? "pending",
    }));
  }
  return {
    mode: link.purpose === "manage" ? ("manage" as const) : ("enroll" as const),
    link: { purpose: link.purpose, expiresAt: link.expiresAt, campaignLabel: link.campaignLabel },
    creditor: { legalName: org.legalName, creditorText: org.creditorText, representative: org.representative, address: org.address },
    debit: { amountText: link.amountText, scheduleText: link.scheduleText },
    terms: { autoDebit: terms.auto_debit, privacy: terms.privacy },
    banks: banks.map(presentBank),
    prefill: { name: payer?.name ?? null, kind: payer?.kind ?? null, phoneMasked: link.purpose === "manage" && payer ? maskPhone(decryptField(c.keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone)) : null },
    consents,
  };
}

/* ---------- enroll.sendOtp / verifyOtp ---------- */

export async function sendEnrollmentOtp(c: EnrollContext, input: { token: string; phone?: string | null }) {
  await limitsFor(c);
  await enforceLimit(limitContext(c), "otpPerIp", c.ip);
  const now = c.clock.now();
  const link = await resolveLink(c.db, c.keyring, input.token, c.clock);
  // A manage link confirms the phone the payer registered; the page cannot choose another.
  const phone = link.purpose === "manage" && link.payerId ? await payerPhone(c, link.payerId) : (input.phone ?? "").trim();
  if (!isKoreanPhone(phone)) throw new DomainError("INVALID", "payer.bad_phone", {}, "phone");
  const org = await organization(c.db);
  return sendOtp({ db: c.db, keyring: c.keyring, now, ip: c.ip, locale: c.locale }, { linkId: link.id, phone, creditorName: org.legalName, payerId: link.payerId }, (tx, challengeId) =>
    recordAudit(tx, publicActor(c), { action: "enroll.otp_sent", entityType: "otp_challenge", entityId: challengeId, after: { linkId: link.id, phone: maskPhone(phone) } }),
  );
}

export async function verifyEnrollmentOtp(c: EnrollContext, input: { token: string; challengeId: string; code: string }) {
  await limitsFor(c);
  const now = c.clock.now();
  const link = await resolveLink(c.db, c.keyring, input.token, c.clock);
  return verifyOtp({ db: c.db, keyring: c.keyring, now, ip: c.ip, locale: c.locale }, { linkId: link.id, challengeId: input.challengeId, code: input.code }, (tx, challengeId) =>
    recordAudit(tx, publicActor(c), { action: "enroll.otp_verified", entityType: "otp_challenge", entityId: challengeId, after: { linkId: link.id } }),
  );
}

/* ---------- enroll.verifyAccount ---------- */

export async function verifyEnrollmentAccount(
  c: EnrollContext,
  input: { token: string; otpProof: string; bankCode: string; accountNumber: string; holderName: string; kind?: "individual" | "business"; birthDate?: string | null; businessNumber?: string | null },
) {
  await limitsFor(c);
  const now = c.clock.now();
  const link = await resolveLink(c.db, c.keyring, input.token, c.clock);
  const verified = await phoneOfProof(c.db, c.keyring, link.id, input.otpProof, now);
  await enforceLimit(limitContext(c), "accountPerPhone", verified.phoneBidx);
  const { digits, bank } = await checkAccountNumber(c.db, input.bankCode, input.accountNumber);
  const identity = await identityFor(c, link, { kind: input.kind ?? (input.businessNumber ? "business" : "individual"), birthDate: input.birthDate, businessNumber: input.businessNumber }, "");
  const answer = await verifyHolder(c, { bankCode: bank.code, digits, holderName: input.holderName, identity: identity.number, kind: identity.kind }, { account: "", payer: "" });
  await recordAudit(c.db, publicActor(c), { action: "enroll.account_verified", entityType: "enrollment_link", entityId: link.id, after: { bankCode: bank.code, accountNumber: maskAccountNumber(digits) } });
  return { bankCode: bank.code, bankName: { ko: bank.nameKo, en: bank.nameEn }, accountMasked: maskAccountNumber(digits), holderName: answer.bankHolderName };
}

/** A manage link checks the holder against what the payer registered; otherwise against what the page sent. */
async function identityFor(c: EnrollContext, link: LinkRow, given: { kind: "individual" | "business"; birthDate?: string | null; businessNumber?: string | null }, prefix: string) {
  const today = c.clock.today();
  if (link.purpose === "manage" && link.payerId) {
    const payer = await c.db.payer.findUniqueOrThrow({ where: { id: link.payerId } });
    const birthDate = payer.birthDateEnc ? decryptField(c.keyring, payer.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate) : null;
    const businessNumber = payer.businessNumberEnc ? decryptField(c.keyring, payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber) : null;
    return { kind: payer.kind, number: identityNumber({ kind: payer.kind, birthDate, businessNumber }, today, prefix) };
  }
  return { kind: given.kind, number: identityNumber(given, today, prefix) };
}

/* ---------- enroll.submit ---------- */

function checkSignaturePng(pngBase64: string): Buffer {
  const bytes = decodeBase64(pngBase64, "signature.pngBase64");
  if (bytes.length === 0) throw new DomainError("INVALID", "enroll.signature_empty", {}, "signature.pngBase64");
  if (bytes.length > EVIDENCE_LIMITS.signature.maxBytes) throw new DomainError("INVALID", "enroll.signature_too_large", { maxKb: EVIDENCE_LIMITS.signature.maxBytes / 1024 }, "signature.pngBase64");
  // A PNG: the signature, then an IHDR chunk with a non-zero width and height.
  if (sniffContentType(bytes) !== "image/png" || bytes.length < 33 || bytes.toString("ascii", 12, 16) !== "IHDR" || bytes.readUInt32BE(16) === 0 || bytes.readUInt32BE(20) === 0) {
    throw new DomainError("INVALID", "enroll.signature_not_png", {}, "signature.pngBase64");
  }
  return bytes;
}

/** What the page sent about the payer, normalised as the enrollment checked it (trimmed, business number in digits). */
function givenDetails(details: PayerDetails, phone: string) {
  const individual = details.kind === "individual";
  return {
    kind: details.kind,
    name: details.name.trim(),
    birthDate: individual ? (details.birthDate?.trim() ?? null) : null,
    businessNumber: individual ? null : (details.businessNumber?.replace(/\D/g, "") ?? null),
    representative: individual ? null : (details.representative?.trim() ?? null),
    phone,
    email: details.email ? details.email.trim() : null,
  };
}

/**
 * The payer the consent is for: the link's, one found by the verified phone and name, or a new
 * one — written through PayerService in this transaction, so its rules (validation, encryption,
 * blind index, payer code) are the admin's; its audit event goes to `audit`.
 */
async function upsertPayer(tx: Tx, c: EnrollContext, link: LinkRow, details: PayerDetails | null, phone: string, now: Date, audit: AuditSink) {
  if (link.purpose === "manage") {
    const payer = await tx.payer.findUniqueOrThrow({ where: { id: link.payerId! } });
    return { payer, created: false };
  }
  const payers = new PayerService(c.db, c.keyring, c.knownPlugins);
  const at = { today: c.clock.today(), now };
  const given = givenDetails(details!, phone);
  const tag = link.campaignLabel?.trim().slice(0, 30);
  const existing = link.payerId
    ? await tx.payer.findUniqueOrThrow({ where: { id: link.payerId } })
    : await tx.payer.findFirst({ where: { phoneBidx: phoneSearchIndex(c.keyring, phone), name: given.name, kind: given.kind, status: "active" }, orderBy: { id: "asc" } });
  if (existing) {
    // A payer found by phone and name joins the link's plugin and campaign; the link's own payer keeps theirs.
    const plugins = !link.payerId && link.pluginId && !existing.plugins.includes(link.pluginId) ? [...existing.plugins, link.pluginId] : existing.plugins;
    const tags = !link.payerId && tag && !existing.tags.includes(tag) ? [...existing.tags, tag] : existing.tags;
    const payer = await payers.updateInTx(tx, existing.id, { ...given, payerCode: existing.payerCode, email: given.email ?? existing.email, address: existing.address, tags, plugins, storeId: existing.storeId }, at, audit);
    return { payer, created: false };
  }
  const payer = await payers.createInTx(tx, { ...given, payerCode: null, address: null, tags: tag ? [tag] : [], plugins: link.pluginId ? [link.pluginId] : [], storeId: link.storeId }, at, audit);
  return { payer, created: true };
}

function receiptOf(consent: { id: number; agreedAt: Date; bankCode: string; accountMasked: string | null; payerId: number }, registration: { id: number; status: string } | undefined, payerCode: string, managePath: string | null) {
  return {
    consentId: consent.id,
    payerId: consent.payerId,
    payerCode,
    agreedAt: consent.agreedAt,
    bankCode: consent.bankCode,
    accountMasked: consent.accountMasked,
    registrationId: registration?.id ?? null,
    registrationStatus: registration?.status ?? null,
    managePath,
  };
}

async function existingReceipt(db: Db | Tx, idempotencyKey: string, linkId: number) {
  const consent = await db.consent.findUnique({ where: { idempotencyKey: `enroll:${linkId}:${idempotencyKey}` }, include: { registrations: { orderBy: { id: "asc" } }, payer: { select: { payerCode: true } } } });
  if (!consent) return null;
  return receiptOf(consent, consent.registrations[0], consent.payer.payerCode, null);
}

/**
 * The payer's consent, in one transaction: the payer (created or updated), the account
 * (encrypted), the immutable consent with its evidence (terms and their hashes, time, IP, user
 * agent, the OTP record, the signature file and its hash), a pending registration, the link
 * marked used, and the confirmation message queued. Every check runs first, so a refusal
 * stores nothing; the same idempotency key again returns the same consent.
 */
export async function submitEnrollment(c: EnrollContext, input: SubmitInput) {
  await limitsFor(c);
  const now = c.clock.now();
  const linkId = (await c.db.enrollmentLink.findUnique({ where: { tokenHash: tokenHash(input.token.trim()) }, select: { id: true } }))?.id;
  if (linkId) {
    const again = await existingReceipt(c.db, input.idempotencyKey, linkId);
    if (again) return again;
  }
  const link = await resolveLink(c.db, c.keyring, input.token, c.clock);
  const verified = await phoneOfProof(c.db, c.keyring, link.id, input.otpProof, now);
  await enforceLimit(limitContext(c), "accountPerPhone", verified.phoneBidx);

  let details: PayerDetails | null = null;
  if (link.purpose !== "manage") {
    if (!input.payer) throw new DomainError("INVALID", "input.invalid", { detail: "payer" }, "payer");
    details = input.payer;
    if (!isKoreanPhone(details.phone)) throw new DomainError("INVALID", "payer.bad_phone", {}, "payer.phone");
    if (phoneSearchIndex(c.keyring, details.phone) !== verified.phoneBidx) throw new DomainError("INVALID", "enroll.otp_phone_mismatch", {}, "payer.phone");
    if (details.kind === "business" && !details.representative?.trim()) throw new DomainError("INVALID", "payer.business_number_required", {}, "payer.representative");
  }
  const identity = await identityFor(c, link, { kind: details?.kind ?? "individual", birthDate: details?.birthDate, businessNumber: details?.businessNumber }, "payer.");

  const autoDebit = await termsForHash(c.db, "auto_debit", input.agreedTerms.autoDebit);
  if (!autoDebit) throw new DomainError("CONFLICT", "enroll.terms_outdated", {}, "agreedTerms.autoDebit");
  const privacy = await termsForHash(c.db, "privacy", input.agreedTerms.privacy);
  if (!privacy) throw new DomainError("CONFLICT", "enroll.terms_outdated", {}, "agreedTerms.privacy");

  const { digits, bank } = await checkAccountNumber(c.db, input.account.bankCode, input.account.accountNumber).catch((error: unknown) => {
    if (error instanceof DomainError && error.field) throw new DomainError(error.kind, error.code, error.params, `account.${error.field}`);
    throw error;
  });
  const signerName = details?.name ?? (await c.db.payer.findUniqueOrThrow({ where: { id: link.payerId! } })).name;
  const drawn = input.signature.method === "drawn" ? checkSignaturePng(input.signature.pngBase64) : null;
  const certificateProvider = input.signature.method === "certificate" ? signingProvider(input.signature.provider, c.signing ?? SIGNING_PROVIDERS) : null;

  const holder = await verifyHolder(c, { bankCode: bank.code, digits, holderName: input.account.holderName, identity: identity.number, kind: identity.kind }, { account: "account.", payer: "payer." });

  let replaces: number | null = null;
  if (link.purpose === "manage") {
    const standing = await standingConsents(c.db, link.payerId!);
    const registrations = standing.flatMap((s) => s.registrations);
    if (registrations.some((r) => r.status === "pending" || r.status === "submitted")) throw new DomainError("CONFLICT", "enroll.change_pending", {}, "account.accountNumber");
    replaces = registrations.find((r) => r.status === "registered")?.id ?? null;
  }

  const org = await organization(c.db);
  const accountMasked = maskAccountNumber(digits);
  const method = input.signature.method === "drawn" ? "online_drawn" : "online_certificate";
  const document = {
    v: 1,
    creditor: { name: org.legalName, businessNumber: org.businessNumber },
    payer: { name: signerName, kind: identity.kind, phone: maskPhone(verified.phone) },
    account: { bankCode: bank.code, accountMasked, holderName: input.account.holderName.trim() },
    debit: { amountText: link.amountText, scheduleText: link.scheduleText },
    terms: { autoDebit: { version: autoDebit.version, sha256: autoDebit.sha256 }, privacy: { version: privacy.version, sha256: privacy.sha256 } },
    otp: { challengeId: verified.challengeId, verifiedAt: verified.verifiedAt.toISOString() },
    agreedAt: now.toISOString(),
    method,
  };
  const documentSha256 = sha256Hex(JSON.stringify(document));
  const certificate = certificateProvider && input.signature.method === "certificate" ? await certificateProvider.verify({ payload: input.signature.payload, signerName, documentSha256, now }) : null;
  if (certificateProvider && !certificate) throw new DomainError("INVALID", "enroll.signature_invalid", {}, "signature.payload");

  try {
    return await c.db.$transaction(
      async (tx) => {
        if (link.purpose === "single") {
          const { count } = await tx.enrollmentLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now, useCount: { increment: 1 } } });
          if (count === 0) throw new DomainError("CONFLICT", "enroll.link_used", {}, "token");
        } else if (link.purpose === "campaign") {
          const { count } = await tx.$executeRaw`UPDATE "enrollment_link" SET "use_count" = "use_count" + 1 WHERE "id" = ${link.id} AND ("max_uses" IS NULL OR "use_count" < "max_uses")`.then((n) => ({ count: n }));
          if (count === 0) throw new DomainError("CONFLICT", "enroll.link_exhausted", {}, "token");
        }
        if (!(await consumeProof(tx, verified.challengeId, now))) throw new DomainError("INVALID", "enroll.otp_required", {}, "otpProof");

        // The payer's change (created or updated, masked) travels in the consent's one audit record.
        let payerChange: AuditEvent | null = null;
        const { payer, created } = await upsertPayer(tx, c, link, details, verified.phone, now, async (_tx, event) => {
          payerChange = event;
        });
        const account = await tx.payerAccount.create({
          data: { payerId: payer.id, bankCode: bank.code, accountNumberEnc: encryptField(c.keyring, digits, PAYER_FIELD_CONTEXT.accountNumber), last4Bidx: accountLast4Index(c.keyring, digits), holderName: input.account.holderName.trim(), createdAt: now },
        });
        const signatureFile = drawn
          ? await c.evidence.put(tx, { kind: "signature_image", contentType: "image/png", bytes: drawn })
          : await c.evidence.put(tx, { kind: "certificate_signature", contentType: certificate!.contentType, bytes: certificate!.evidence });
        const consent = await tx.consent.create({
          data: {
            payerId: payer.id,
            payerAccountId: account.id,
            linkId: link.id,
            method,
            idempotencyKey: `enroll:${link.id}:${input.idempotencyKey}`,
            agreedAt: now,
            ip: c.ip,
            userAgent: c.userAgent?.slice(0, 500) ?? null,
            creditorName: org.legalName,
            creditorText: org.creditorText,
            amountText: link.amountText,
            scheduleText: link.scheduleText,
            termsLocale: autoDebit.locale,
            autoDebitTermsId: autoDebit.id,
            autoDebitTermsSha256: autoDebit.sha256,
            privacyTermsId: privacy.id,
            privacyTermsSha256: privacy.sha256,
            payerName: signerName,
            phoneMasked: maskPhone(verified.phone),
            bankCode: bank.code,
            accountMasked,
            holderName: input.account.holderName.trim(),
            otpChallengeId: verified.challengeId,
            otpVerifiedAt: verified.verifiedAt,
            // A provider that answers by file defers the check to the bank's registration answer.
            holderVerifiedAt: holder.ok && !holder.deferred ? now : null,
            signatureFileId: signatureFile.id,
            signatureSha256: signatureFile.sha256,
            certificateProvider: certificateProvider?.id ?? null,
            certificateSubject: certificate?.subject ?? null,
            documentSha256,
            createdAt: now,
          },
        });
        const registration = await createRegistration(tx, { payerId: payer.id, payerAccountId: account.id, consentId: consent.id, payerNumber: payer.payerCode, at: now, replacesRegistrationId: replaces });
        const manage = await insertLink(tx, c.keyring, { purpose: "manage", payerId: payer.id, consentId: consent.id, maxUses: null, expiresAt: linkExpiry(c.clock, LINK_DEFAULT_DAYS.manage), createdAt: now });
        await sendConsentCompleted(
          { tx, keyring: c.keyring, now, locale: c.locale, payerId: payer.id },
          { consentId: consent.id, to: verified.phone, creditorName: org.legalName.slice(0, 50), payerName: signerName.slice(0, 50), bankName: bank.nameKo.slice(0, 30), accountMasked, manageUrl: enrollmentUrl(manage.token) },
        );
        await recordAudit(tx, publicActor(c), {
          action: "consent.create",
          entityType: "consent",
          entityId: consent.id,
          after: { payerId: payer.id, payerCreated: created, payerChange, linkId: link.id, method, bankCode: bank.code, accountNumber: accountMasked, holderMatched: holder.deferred ? "deferred" : holder.ok, registrationId: registration.id, replacesRegistrationId: replaces },
        });
        return receiptOf(consent, registration, payer.payerCode, enrollmentPath(manage.token));
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    // Two submissions with one key raced: the second finds the first's consent.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await existingReceipt(c.db, input.idempotencyKey, link.id);
      if (again) return again;
    }
    throw error;
  }
}

/* ---------- enroll.withdraw ---------- */

/**
 * 출금동의 해지 from the payer's manage link, after a code to the registered phone: every
 * standing consent of the payer gets a withdrawal record; a registered account goes to
 * cancel_requested (cancelled once the bank answers), one not yet sent is cancelled at once;
 * finance gets a notification and the payer a confirmation. No debit is requested after this.
 */
export async function withdrawEnrollment(c: EnrollContext, input: { token: string; otpProof: string; reason?: string | null }) {
  await limitsFor(c);
  const now = c.clock.now();
  const link = await resolveLink(c.db, c.keyring, input.token, c.clock);
  if (link.purpose !== "manage" || !link.payerId) throw new DomainError("INVALID", "enroll.link_wrong_purpose", {}, "token");
  const verified = await phoneOfProof(c.db, c.keyring, link.id, input.otpProof, now);
  return withdrawConsents(c.db, c.keyring, {
    payerId: link.payerId,
    now,
    today: c.clock.today(),
    via: "payer_link",
    ip: c.ip,
    userAgent: c.userAgent ?? null,
    otpChallengeId: verified.challengeId,
    reason: input.reason ?? null,
    actor: publicActor(c),
    locale: c.locale,
  });
}

export interface WithdrawConsentsInput {
  payerId: number;
  consentId?: number;
  now: Date;
  today: BusinessDate;
  via: "payer_link" | "finance";
  ip: string | null;
  userAgent: string | null;
  otpChallengeId: string | null;
  reason: string | null;
  actor: Actor;
  locale: "ko" | "en";
  audit?: (tx: Tx, event: Parameters<typeof recordAudit>[2]) => Promise<void>;
}

/** What a withdrawal finance records carries (asked for by phone or in person, or a payer leaving): no code, no browser. */
export function financeWithdrawal(actor: Actor, at: { now: Date; today: BusinessDate }, reason: string) {
  return { now: at.now, today: at.today, via: "finance", ip: actor.ip, userAgent: null, otpChallengeId: null, reason, actor, locale: "ko" } as const;
}

export async function withdrawConsents(db: Db, keyring: Keyring, input: WithdrawConsentsInput) {
  return db.$transaction((tx) => withdrawConsentsInTx(tx, keyring, input));
}

/** The withdrawal in the caller's transaction (a payer leaving withdraws and ends contracts in one). */
export async function withdrawConsentsInTx(tx: Tx, keyring: Keyring, input: WithdrawConsentsInput) {
  const standing = (await standingConsents(tx, input.payerId)).filter((s) => input.consentId === undefined || s.id === input.consentId);
  if (standing.length === 0) {
    const withdrawn = input.consentId ? await tx.consentWithdrawal.findUnique({ where: { consentId: input.consentId } }) : null;
    throw new DomainError("CONFLICT", withdrawn ? "enroll.already_withdrawn" : "enroll.no_active_consent");
  }
  if (input.via === "payer_link" && input.otpChallengeId && !(await consumeProof(tx, input.otpChallengeId, input.now))) throw new DomainError("INVALID", "enroll.otp_required", {}, "otpProof");
  const results: { consentId: number; registrationId: number; status: string }[] = [];
  for (const consent of standing) {
    await tx.consentWithdrawal.create({ data: { consentId: consent.id, payerId: input.payerId, via: input.via, at: input.now, ip: input.ip, userAgent: input.userAgent?.slice(0, 500) ?? null, otpChallengeId: input.otpChallengeId, reason: input.reason?.slice(0, 500) ?? null } });
    for (const registration of consent.registrations) {
      const step = { at: input.now, on: input.today, note: "consent withdrawn", actor: input.actor.id ? { id: input.actor.id, email: input.actor.email } : null };
      let status: string = registration.status;
      if (registration.status === "registered") {
        if (await transitionRegistration(tx, registration.id, { ...step, from: "registered", to: "cancel_requested", data: { cancelReason: "withdrawn" } })) status = "cancel_requested";
      } else if (registration.status === "pending") {
        if (await transitionRegistration(tx, registration.id, { ...step, from: "pending", to: "cancelled", data: { cancelReason: "withdrawn" } })) status = "cancelled";
      }
      // A submitted one is cancelled as soon as the bank has registered it (see the collect job).
      results.push({ consentId: consent.id, registrationId: registration.id, status });
    }
  }
  const payer = await tx.payer.findUniqueOrThrow({ where: { id: input.payerId } });
  const org = await organization(tx);
  await tx.staffNotification.create({ data: { kind: "consent_withdrawn", payerId: payer.id, params: { payerCode: payer.payerCode, via: input.via, consents: standing.map((s) => s.id) }, createdAt: input.now } });
  await sendConsentWithdrawn(
    { tx, keyring, now: input.now, locale: input.locale, payerId: payer.id },
    { consentId: standing[0]!.id, to: decryptField(keyring, payer.phoneEnc, PAYER_FIELD_CONTEXT.phone), creditorName: org.legalName.slice(0, 50), payerName: payer.name.slice(0, 50), withdrawnOn: input.today },
  );
  const event = { action: "consent.withdraw", entityType: "payer", entityId: payer.id, after: { via: input.via, consents: standing.map((s) => s.id), registrations: results } };
  if (input.audit) await input.audit(tx, event);
  else await recordAudit(tx, input.actor, event);
  return { withdrawnOn: input.today, registrations: results };
}

