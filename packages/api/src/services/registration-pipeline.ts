import { createHash } from "node:crypto";
import { businessDateAt, businessDateFromDb, businessDateToDb, DomainError, type BusinessDate, type Clock } from "@sunap/core";
import { decryptField, encryptField, maskAccountNumber, type Db, type Keyring, type Tx } from "@sunap/db";
import {
  CmsFileError,
  parseRegistrationResultFile,
  reasonLabel,
  writeRegistrationRequestFile,
  type CmsProvider,
  type CmsResultFile,
  type ConsentEvidenceType,
  type RegistrationRequest,
} from "@sunap/rails";
import { sendRegistrationResult } from "./consent-notifications.ts";
import { manageUrlsFor } from "./manage-links.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
import { transitionRegistration } from "./registration-service.ts";

export const CMS_FILE_CONTEXT = "cms_file.content";
/** Advisory lock of the registration pipeline: one file built, one result file applied at a time. */
const PIPELINE_LOCK = 7_413_101;

export interface PipelineDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  provider: CmsProvider;
}

const EVIDENCE_TYPE: Record<string, ConsentEvidenceType> = { online_drawn: "electronic", online_certificate: "electronic", paper: "written", recording: "recording" };

const encryptFile = (keyring: Keyring, bytes: Uint8Array) => encryptField(keyring, Buffer.from(bytes).toString("base64"), CMS_FILE_CONTEXT);
export const decryptFile = (keyring: Keyring, token: string) => Buffer.from(decryptField(keyring, token, CMS_FILE_CONTEXT), "base64");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function lockPipeline(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PIPELINE_LOCK})`;
}

async function orgOf(db: Db | Tx) {
  const org = await db.organization.findUnique({ where: { id: 1 } });
  if (!org?.cmsInstitutionCode) throw new DomainError("UNAVAILABLE", "registration.no_institution_code");
  return org;
}

type Loaded = Awaited<ReturnType<typeof loadForFile>>[number];

async function loadForFile(tx: Tx, where: object) {
  return tx.cmsRegistration.findMany({ where, orderBy: { id: "asc" }, include: { payer: true, payerAccount: true, consent: { select: { agreedAt: true, method: true, withdrawal: { select: { at: true } } } } } });
}

function recordOf(keyring: Keyring, r: Loaded, type: "new" | "cancel", timeZone: string, today: BusinessDate): RegistrationRequest {
  const payer = r.payer;
  const birthOrBusinessNumber =
    payer.kind === "individual" && payer.birthDateEnc
      ? decryptField(keyring, payer.birthDateEnc, PAYER_FIELD_CONTEXT.birthDate).replace(/-/g, "").slice(2)
      : payer.businessNumberEnc
        ? decryptField(keyring, payer.businessNumberEnc, PAYER_FIELD_CONTEXT.businessNumber)
        : "";
  return {
    payerNumber: r.payerNumber,
    bankCode: r.payerAccount.bankCode,
    accountNumber: decryptField(keyring, r.payerAccount.accountNumberEnc, PAYER_FIELD_CONTEXT.accountNumber),
    birthOrBusinessNumber,
    requestType: type,
    consentDate: type === "new" ? businessDateAt(r.consent.agreedAt, timeZone) : r.consent.withdrawal ? businessDateAt(r.consent.withdrawal.at, timeZone) : today,
    evidenceType: type === "new" ? (EVIDENCE_TYPE[r.consent.method] ?? "electronic") : null,
    holderName: r.payerAccount.holderName,
  };
}

/** Writes what is still pending (new registrations and cancellations) into the next EB13 file of the day, unsent. */
async function prepareFile(deps: PipelineDeps): Promise<number | null> {
  const { db, keyring, clock } = deps;
  return db.$transaction(
    async (tx) => {
      await lockPipeline(tx);
      const org = await orgOf(tx);
      const now = clock.now();
      const today = clock.today();
      const fresh = await loadForFile(tx, { status: "pending", requestFileId: null });
      const cancels = await loadForFile(tx, { status: "cancel_requested", cancelFileId: null });
      const entries: { registration: Loaded; record: RegistrationRequest; type: "new" | "cancel" }[] = [];
      for (const [list, type] of [[fresh, "new"], [cancels, "cancel"]] as const) {
        for (const registration of list) {
          const record = recordOf(keyring, registration, type, org.timeZone, today);
          try {
            writeRegistrationRequestFile({ orgCode: org.cmsInstitutionCode, fileDate: today, sequence: 1, records: [record] });
            entries.push({ registration, record, type });
          } catch (error) {
            if (!(error instanceof CmsFileError) || type === "cancel") throw error;
            // One record that cannot be written must not hold back the rest: it is refused here.
            await transitionRegistration(tx, registration.id, { from: "pending", to: "submitted", at: now, note: "record could not be written" });
            await transitionRegistration(tx, registration.id, { from: "submitted", to: "rejected", at: now, on: today, reason: "invalid_record", note: error.code });
          }
        }
      }
      if (entries.length === 0) return null;
      const last = await tx.cmsFile.findFirst({ where: { direction: "outbound", fileType: "EB13", fileDate: businessDateToDb(today) }, orderBy: { sequence: "desc" } });
      const sequence = (last?.sequence ?? 0) + 1;
      const bytes = writeRegistrationRequestFile({ orgCode: org.cmsInstitutionCode, fileDate: today, sequence, records: entries.map((e) => e.record) });
      const file = await tx.cmsFile.create({
        data: { direction: "outbound", fileType: "EB13", fileDate: businessDateToDb(today), sequence, status: "prepared", recordCount: entries.length, sha256: sha256(bytes), contentEnc: encryptFile(keyring, bytes), createdAt: now },
      });
      for (const [index, entry] of entries.entries()) {
        const recordNo = index + 1;
        if (entry.type === "new") await tx.cmsRegistration.update({ where: { id: entry.registration.id }, data: { requestFileId: file.id, requestRecordNo: recordNo } });
        else await tx.cmsRegistration.update({ where: { id: entry.registration.id }, data: { cancelFileId: file.id, cancelRecordNo: recordNo } });
      }
      return file.id;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Hands a prepared file to the provider (the same bytes again are a harmless retry) and records it. */
async function submitFile(deps: PipelineDeps, fileId: number): Promise<void> {
  const { db, keyring, clock, provider } = deps;
  const file = await db.cmsFile.findUniqueOrThrow({ where: { id: fileId } });
  if (file.status !== "prepared") return;
  const submissionId = await provider.submitRegistrations(decryptFile(keyring, file.contentEnc));
  await db.$transaction(async (tx) => {
    const now = clock.now();
    const { count } = await tx.cmsFile.updateMany({ where: { id: file.id, status: "prepared" }, data: { status: "submitted", providerFileId: submissionId, submittedAt: now } });
    if (count === 0) return;
    for (const r of await tx.cmsRegistration.findMany({ where: { requestFileId: file.id, status: "pending" } })) {
      await transitionRegistration(tx, r.id, { from: "pending", to: "submitted", at: now, fileId: file.id, note: submissionId });
    }
    for (const r of await tx.cmsRegistration.findMany({ where: { cancelFileId: file.id, status: "cancel_requested" } })) {
      await transitionRegistration(tx, r.id, { from: "cancel_requested", to: "cancel_requested", at: now, fileId: file.id, note: `cancellation sent: ${submissionId}` });
    }
  });
}

/**
 * Step one of the pipeline, restartable anywhere: send any file prepared earlier but not
 * confirmed sent (a crash between the two), then build and send a new one from what is pending.
 */
export async function submitPendingRegistrations(deps: PipelineDeps): Promise<{ files: string[]; records: number }> {
  const leftovers = await deps.db.cmsFile.findMany({ where: { direction: "outbound", fileType: "EB13", status: "prepared" }, orderBy: { id: "asc" } });
  for (const file of leftovers) await submitFile(deps, file.id);
  const fileId = await prepareFile(deps);
  if (fileId !== null) await submitFile(deps, fileId);
  const sent = await deps.db.cmsFile.findMany({ where: { id: { in: [...leftovers.map((f) => f.id), ...(fileId ? [fileId] : [])] } }, select: { providerFileId: true, recordCount: true } });
  return { files: sent.map((f) => f.providerFileId ?? "?"), records: sent.reduce((n, f) => n + f.recordCount, 0) };
}

export interface ApplyResult {
  fileId: string;
  replayed: boolean;
  registered: number;
  rejected: number;
  cancelled: number;
}

/**
 * Applies one EB14 file in one transaction. A file already processed (its provider id is kept)
 * changes nothing; every step is also guarded by the registration's current status.
 */
export async function applyRegistrationResultFile(deps: PipelineDeps, result: CmsResultFile): Promise<ApplyResult> {
  const { db, keyring, clock } = deps;
  const outcome: ApplyResult = { fileId: result.id, replayed: false, registered: 0, rejected: 0, cancelled: 0 };
  if (await db.cmsFile.findUnique({ where: { providerFileId: result.id } })) return { ...outcome, replayed: true };
  const parsed = parseRegistrationResultFile(result.bytes);
  return db.$transaction(
    async (tx) => {
      await lockPipeline(tx);
      if (await tx.cmsFile.findUnique({ where: { providerFileId: result.id } })) return { ...outcome, replayed: true };
      const now = clock.now();
      const org = await orgOf(tx);
      const inbound = await tx.cmsFile.create({
        data: {
          direction: "inbound",
          fileType: "EB14",
          fileDate: businessDateToDb(parsed.fileDate),
          sequence: parsed.sequence,
          status: "processed",
          providerFileId: result.id,
          answersFileId: result.submissionId,
          recordCount: parsed.records.length,
          sha256: sha256(result.bytes),
          contentEnc: encryptFile(keyring, result.bytes),
          createdAt: now,
        },
      });
      const outbound = await tx.cmsFile.findUnique({ where: { providerFileId: result.submissionId } });
      if (!outbound) return outcome;
      await tx.cmsFile.update({ where: { id: outbound.id }, data: { status: "answered" } });
      for (const [index, record] of parsed.records.entries()) {
        const recordNo = index + 1;
        if (record.requestType === "new") {
          const registration = await tx.cmsRegistration.findFirst({ where: { requestFileId: outbound.id, requestRecordNo: recordNo }, include: { consent: { select: { withdrawal: true } } } });
          if (!registration) continue;
          if (record.accepted) {
            if (await transitionRegistration(tx, registration.id, { from: "submitted", to: "registered", at: now, fileId: inbound.id, data: { registeredOn: businessDateToDb(result.availableOn) } })) {
              outcome.registered += 1;
              await afterRegistered(tx, deps, registration.id, now);
              await notifyPayer(tx, deps, registration.id, "registered", null, org);
            }
          } else if (await transitionRegistration(tx, registration.id, { from: "submitted", to: "rejected", at: now, on: clock.today(), fileId: inbound.id, reason: record.reason })) {
            outcome.rejected += 1;
            await tx.staffNotification.create({ data: { kind: "registration_rejected", payerId: registration.payerId, registrationId: registration.id, params: { reason: record.reason }, createdAt: now } });
            await notifyPayer(tx, deps, registration.id, "rejected", record.reason, org);
          }
        } else {
          const registration = await tx.cmsRegistration.findFirst({ where: { cancelFileId: outbound.id, cancelRecordNo: recordNo } });
          if (!registration) continue;
          // "No registration found" means the bank holds none: as good as cancelled.
          if (record.accepted || record.reason === "no_registration_found") {
            if (await transitionRegistration(tx, registration.id, { from: "cancel_requested", to: "cancelled", at: now, on: clock.today(), fileId: inbound.id, reason: record.reason })) outcome.cancelled += 1;
          } else {
            await transitionRegistration(tx, registration.id, { from: "cancel_requested", to: "cancel_requested", at: now, fileId: inbound.id, reason: record.reason, note: "the bank refused the cancellation" });
            await tx.staffNotification.create({ data: { kind: "cancellation_refused", payerId: registration.payerId, registrationId: registration.id, params: { reason: record.reason }, createdAt: now } });
          }
        }
      }
      return outcome;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Once registered: a withdrawn consent is cancelled at once; an account change cancels the old account. */
async function afterRegistered(tx: Tx, _deps: PipelineDeps, registrationId: number, now: Date): Promise<void> {
  const registration = await tx.cmsRegistration.findUniqueOrThrow({ where: { id: registrationId }, include: { consent: { select: { withdrawal: true } } } });
  if (registration.consent.withdrawal) {
    await transitionRegistration(tx, registration.id, { from: "registered", to: "cancel_requested", at: now, note: "consent withdrawn while the registration was in flight", data: { cancelReason: "withdrawn" } });
  }
  if (registration.replacesRegistrationId) {
    await transitionRegistration(tx, registration.replacesRegistrationId, { from: "registered", to: "cancel_requested", at: now, note: `replaced by registration ${registration.id}`, data: { cancelReason: "account_changed" } });
  }
}

async function notifyPayer(tx: Tx, deps: PipelineDeps, registrationId: number, result: "registered" | "rejected", reason: string | null, org: { legalName: string }) {
  const r = await tx.cmsRegistration.findUniqueOrThrow({ where: { id: registrationId }, include: { payer: true, payerAccount: true } });
  const bank = await tx.cmsBank.findUnique({ where: { code: r.payerAccount.bankCode } });
  const label = reason ? (() => { try { return reasonLabel(reason as Parameters<typeof reasonLabel>[0], "ko"); } catch { return reason; } })() : undefined;
  await sendRegistrationResult(
    { tx, keyring: deps.keyring, now: deps.clock.now(), payerId: r.payerId },
    {
      registrationId: r.id,
      to: decryptField(deps.keyring, r.payer.phoneEnc, PAYER_FIELD_CONTEXT.phone),
      creditorName: org.legalName.slice(0, 50),
      payerName: r.payer.name.slice(0, 50),
      bankName: (bank?.nameKo ?? r.payerAccount.bankCode).slice(0, 30),
      accountMasked: maskAccountNumber(decryptField(deps.keyring, r.payerAccount.accountNumberEnc, PAYER_FIELD_CONTEXT.accountNumber)),
      result,
      ...(label ? { reason: label } : {}),
      manageUrl: (await manageUrlsFor(tx, deps.keyring, deps.clock, [r.payerId])).get(r.payerId),
    },
  );
}

/**
 * Step two: fetches the result files the bank side offers and applies each not yet processed.
 * Asks only from the day of the oldest file still unanswered.
 */
export async function collectRegistrationResults(deps: PipelineDeps): Promise<{ applied: ApplyResult[]; replayed: number }> {
  const oldestOpen = await deps.db.cmsFile.findFirst({ where: { direction: "outbound", fileType: "EB13", status: "submitted" }, orderBy: { fileDate: "asc" } });
  // Every file sent has been answered: nothing can be waiting.
  if (!oldestOpen) return { applied: [], replayed: 0 };
  const files = await deps.provider.fetchRegistrationResults(businessDateFromDb(oldestOpen.fileDate));
  const applied: ApplyResult[] = [];
  let replayed = 0;
  for (const file of files) {
    const result = await applyRegistrationResultFile(deps, file);
    if (result.replayed) replayed += 1;
    else applied.push(result);
  }
  return { applied, replayed };
}
