import { createHash } from "node:crypto";
import { readFile, rename } from "node:fs/promises";
import path from "node:path";
import { isBusinessDate, type BusinessDate } from "@sunap/core";
import { BANKS, validateAccountNumber, type Bank } from "../banks.ts";
import type { CmsProvider, CmsResultFile, HolderVerification } from "../cms-provider.ts";
import type { CmsFile } from "../cms-files/cms-file.ts";
import { parseDebitRequestFile, parseDebitResultFile, type DebitRequest } from "../cms-files/debit-files.ts";
import type { CmsFileType } from "../cms-files/layouts.ts";
import { parseRegistrationRequestFile, parseRegistrationResultFile, type RegistrationRequest } from "../cms-files/registration-files.ts";
import { RailError } from "../rail-error.ts";
import { ageMs, ensureDirectory, exists, freeName, listFiles, readIfExists, writeAtomically, writeDurable } from "./exchange-directory.ts";
import { exchangeFileId, exchangeFileName, fileDateOfName, fileTypeOfName, isSafeOrgCode, type FileIdentity } from "./exchange-file-names.ts";
import { rejectionNote, rejectionOf, type Rejection } from "./rejection-note.ts";

export interface FileExchangeOptions {
  /** Where request files are put for the organisation's clearing-house transfer client to carry. */
  outboundDirectory: string;
  /** Where the transfer client puts the bank side's result files. */
  inboundDirectory: string;
  /**
   * Files in inbound written less than this long ago are left for the next fetch, in case the
   * transfer client is still writing them. Default 30 s; 0 when the client renames into place.
   */
  settleMs?: number;
  /** Told about every result file refused (also written beside it as `.reason.txt`). */
  onRejected?: (rejection: Rejection) => void;
  banks?: readonly Bank[];
  /** Wall-clock milliseconds, for the settle time and the note's time stamp (not a business date). */
  nowMs?: () => number;
}

type Kind = "registration" | "debit";
type AnyRecord = RegistrationRequest | DebitRequest;

const FILE_TYPES = {
  registration: { request: "EB13", result: "EB14" },
  debit: { request: "EB21", result: "EB22" },
} as const satisfies Record<Kind, { request: CmsFileType; result: CmsFileType }>;

/** What is kept of a file sent: enough to recognise its answer, not its personal data. */
interface SentManifest extends FileIdentity {
  id: string;
  sha256: string;
  recordCount: number;
  /** SHA-256 over each record's identifying fields, in file order: a result file echoes them. */
  fingerprint: string;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/** The fields a result record echoes unchanged from its request, in the same order. */
function fingerprintOf(kind: Kind, records: readonly AnyRecord[]): string {
  const lines = records.map((record) =>
    kind === "registration"
      ? [record.payerNumber, record.bankCode, record.accountNumber, (record as RegistrationRequest).requestType].join("\t")
      : [record.payerNumber, record.bankCode, record.accountNumber, (record as DebitRequest).amountWon.toString(), (record as DebitRequest).reference].join("\t"),
  );
  return sha256(lines.join("\n"));
}

function parseRequest(kind: Kind, bytes: Uint8Array): CmsFile<AnyRecord> {
  return kind === "registration" ? parseRegistrationRequestFile(bytes) : parseDebitRequestFile(bytes);
}

function parseResult(kind: Kind, bytes: Uint8Array): CmsFile<AnyRecord> {
  return kind === "registration" ? parseRegistrationResultFile(bytes) : parseDebitResultFile(bytes);
}

/** The file type in a header (bytes 20–23), without judging the rest: which fetch a file belongs to. */
function headerFileType(bytes: Buffer): string {
  return bytes.subarray(19, 23).toString("latin1");
}

/**
 * The CMS rail through the organisation's clearing-house file transfer: EB13 and EB21 files are
 * written into an outbound directory for its transfer client to carry, and the EB14 and EB22
 * files it brings back are read from an inbound directory. Layout and rules:
 * packages/rails/docs/file-exchange.md.
 *
 * - A request file appears in outbound whole and once: written under a dot-name, recorded in
 *   `outbound/sent/`, then renamed. Submitting it again (a retry) writes nothing.
 * - A result file that does not read whole, answers no file sent, or contradicts one already
 *   processed is moved to `inbound/rejected/` with a `.reason.txt`; nothing in it is returned.
 * - An accepted result file is moved to `inbound/processed/` under its canonical name and is
 *   returned by every fetch from its date on; the consumer applies each id once. The same file
 *   delivered again is moved to `processed/replayed/` and returns nothing new.
 */
export class FileExchangeCmsProvider implements CmsProvider {
  private readonly outbound: string;
  private readonly sent: string;
  private readonly inbound: string;
  private readonly processed: string;
  private readonly replayed: string;
  private readonly rejected: string;
  private readonly settleMs: number;
  private readonly banks: readonly Bank[];
  private readonly nowMs: () => number;

  constructor(private readonly options: FileExchangeOptions) {
    this.outbound = path.resolve(options.outboundDirectory);
    this.sent = path.join(this.outbound, "sent");
    this.inbound = path.resolve(options.inboundDirectory);
    this.processed = path.join(this.inbound, "processed");
    this.replayed = path.join(this.processed, "replayed");
    this.rejected = path.join(this.inbound, "rejected");
    this.settleMs = options.settleMs ?? 30_000;
    this.banks = options.banks ?? BANKS;
    this.nowMs = options.nowMs ?? Date.now;
  }

  /**
   * 예금주 조회 is a real-time service a file exchange does not carry. What can be seen without
   * the bank (the account number's form) is checked; the holder is checked by the bank when it
   * answers the registration, and a mismatch comes back as an EB14 rejection.
   */
  async verifyAccountHolder(bankCode: string, accountNumber: string, holderName: string, _birthOrBusinessNumber: string): Promise<HolderVerification> {
    const check = validateAccountNumber(bankCode, accountNumber, this.banks);
    if (!check.ok) return { ok: false, reason: check.code === "account.cms_not_accepted" ? "not_cms_eligible" : "invalid_account" };
    return { ok: true, bankHolderName: holderName.trim(), deferred: true };
  }

  submitRegistrations(file: Uint8Array): Promise<string> {
    return this.submit("registration", file);
  }

  submitDebits(file: Uint8Array): Promise<string> {
    return this.submit("debit", file);
  }

  fetchRegistrationResults(since?: BusinessDate): Promise<CmsResultFile[]> {
    return this.results("registration", since);
  }

  fetchDebitResults(since?: BusinessDate): Promise<CmsResultFile[]> {
    return this.results("debit", since);
  }

  /** Refuses a bad file whole (CmsFileError) before anything is written. */
  private async submit(kind: Kind, bytes: Uint8Array): Promise<string> {
    const parsed = parseRequest(kind, bytes);
    if (!isSafeOrgCode(parsed.orgCode)) throw new RailError("INVALID", "file_exchange.bad_org_code", { value: parsed.orgCode }, "orgCode");
    const identity: FileIdentity = { fileType: FILE_TYPES[kind].request, orgCode: parsed.orgCode, fileDate: parsed.fileDate, sequence: parsed.sequence };
    const id = exchangeFileId(identity);
    const name = exchangeFileName(identity);
    const manifestFile = path.join(this.sent, `${name}.json`);
    const pending = path.join(this.outbound, `.${name}.part`);
    const final = path.join(this.outbound, name);
    const contentSha256 = sha256(bytes);
    await ensureDirectory(this.sent);

    const recorded = await readIfExists(manifestFile);
    if (recorded) {
      const manifest = JSON.parse(recorded.toString("utf8")) as SentManifest;
      if (manifest.sha256 !== contentSha256) throw new RailError("CONFLICT", "file_exchange.submission_conflict", { submissionId: id });
      // Recorded but cut short before the rename: finish the hand-over (once the rename is done there is no .part).
      if (await exists(pending)) await rename(pending, final);
      return id;
    }
    await writeDurable(pending, bytes);
    const manifest: SentManifest = { ...identity, id, sha256: contentSha256, recordCount: parsed.records.length, fingerprint: fingerprintOf(kind, parsed.records) };
    // The commit point: once the manifest exists the file counts as handed over, and a retry only finishes the rename.
    await writeAtomically(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(pending, final);
    return id;
  }

  private async results(kind: Kind, since: BusinessDate | undefined): Promise<CmsResultFile[]> {
    if (since !== undefined && !isBusinessDate(since)) throw new RailError("INVALID", "calendar.bad_date", { value: since });
    await Promise.all([this.inbound, this.processed, this.replayed, this.rejected, this.sent].map(ensureDirectory));
    await this.takeInbound(kind);
    return this.processedResults(kind, since);
  }

  /** Moves each settled inbound file of this kind to processed/ (or replayed/ or rejected/). */
  private async takeInbound(kind: Kind): Promise<void> {
    const other = FILE_TYPES[kind === "registration" ? "debit" : "registration"].result;
    for (const name of await listFiles(this.inbound)) {
      const file = path.join(this.inbound, name);
      if (this.settleMs > 0 && (await ageMs(file, this.nowMs())) < this.settleMs) continue;
      const bytes = await readFile(file);
      // The other fetch's file: left for it. Anything else is read as ours, so its fault gets named.
      if (headerFileType(bytes) === other) continue;
      try {
        await this.accept(kind, name, bytes);
      } catch (error) {
        if (!(error instanceof RailError)) throw error;
        await this.reject(name, rejectionOf(name, error));
      }
    }
  }

  private async accept(kind: Kind, name: string, bytes: Buffer): Promise<void> {
    const parsed = parseResult(kind, bytes);
    if (!isSafeOrgCode(parsed.orgCode)) throw new RailError("INVALID", "file_exchange.bad_org_code", { value: parsed.orgCode }, "orgCode");
    const identity: FileIdentity = { fileType: FILE_TYPES[kind].result, orgCode: parsed.orgCode, fileDate: parsed.fileDate, sequence: parsed.sequence };
    const fileId = exchangeFileId(identity);
    if (!(await this.answeredSubmission(kind, parsed))) throw new RailError("INVALID", "file_exchange.unmatched_result", { fileId });
    const canonical = exchangeFileName(identity);
    const already = await readIfExists(path.join(this.processed, canonical));
    if (already) {
      if (!already.equals(bytes)) throw new RailError("CONFLICT", "file_exchange.result_conflict", { fileId });
      // Delivered again: kept where an operator can see it, and nothing new to apply.
      await rename(path.join(this.inbound, name), path.join(this.replayed, await freeName(this.replayed, canonical)));
      return;
    }
    await rename(path.join(this.inbound, name), path.join(this.processed, canonical));
  }

  private async reject(name: string, rejection: Rejection): Promise<void> {
    const target = await freeName(this.rejected, name);
    await writeAtomically(path.join(this.rejected, `${target}.reason.txt`), rejectionNote(rejection, new Date(this.nowMs())));
    await rename(path.join(this.inbound, name), path.join(this.rejected, target));
    this.options.onRejected?.(rejection);
  }

  /**
   * The file sent that a result answers: same institution and file number, dated on or before
   * it, with the same records in the same order. The latest such file when several qualify.
   */
  private async answeredSubmission(kind: Kind, result: CmsFile<AnyRecord>): Promise<SentManifest | undefined> {
    const requestType = FILE_TYPES[kind].request;
    const fingerprint = fingerprintOf(kind, result.records);
    const candidates = (await listFiles(this.sent))
      .filter((file) => file.endsWith(".dat.json"))
      .map((file) => file.slice(0, -".json".length))
      .filter((file) => fileTypeOfName(file) === requestType && file.startsWith(`${requestType}_${result.orgCode}_`) && file.endsWith(`_${String(result.sequence).padStart(3, "0")}.dat`))
      .filter((file) => (fileDateOfName(file) ?? "9999-99-99") <= result.fileDate)
      .sort()
      .reverse();
    for (const file of candidates) {
      const manifest = JSON.parse((await readFile(path.join(this.sent, `${file}.json`))).toString("utf8")) as SentManifest;
      if (manifest.recordCount === result.records.length && manifest.fingerprint === fingerprint) return manifest;
    }
    return undefined;
  }

  /** Every processed result file of this kind dated `since` or later, with the submission it answers. */
  private async processedResults(kind: Kind, since: BusinessDate | undefined): Promise<CmsResultFile[]> {
    const resultType = FILE_TYPES[kind].result;
    const files: CmsResultFile[] = [];
    for (const name of await listFiles(this.processed)) {
      const fileDate = fileDateOfName(name);
      if (fileTypeOfName(name) !== resultType || fileDate === undefined || (since !== undefined && fileDate < since)) continue;
      const bytes = await readFile(path.join(this.processed, name));
      const parsed = parseResult(kind, bytes);
      const submission = await this.answeredSubmission(kind, parsed);
      // Accepted only when it matched; a sent record removed by hand since leaves nothing to answer.
      if (!submission) continue;
      const identity: FileIdentity = { fileType: resultType, orgCode: parsed.orgCode, fileDate: parsed.fileDate, sequence: parsed.sequence };
      files.push({ id: exchangeFileId(identity), submissionId: submission.id, fileType: resultType, availableOn: parsed.fileDate, bytes });
    }
    return files;
  }
}
