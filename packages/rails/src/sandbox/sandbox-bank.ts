import { createHash } from "node:crypto";
import { isBusinessDate, type BusinessDate, type Clock } from "@sunap/core";
import { BANKS, validateAccountNumber, type Bank } from "../banks.ts";
import type { BankingCalendar } from "../calendar/banking-calendar.ts";
import type { CmsProvider, CmsResultFile, HolderVerification } from "../cms-provider.ts";
import type { CmsReason } from "../cms-reasons.ts";
import { parseDebitRequestFile, writeDebitResultFile, type DebitRequest, type DebitResult } from "../cms-files/debit-files.ts";
import {
  parseRegistrationRequestFile,
  writeRegistrationResultFile,
  type RegistrationRequest,
  type RegistrationResult,
} from "../cms-files/registration-files.ts";
import { RailError } from "../rail-error.ts";
import { InMemorySandboxBankStore } from "./in-memory-sandbox-bank-store.ts";
import { holderNamesMatch, sandboxHolderName, sandboxPartialAmount, sandboxRuleFor } from "./sandbox-behaviour.ts";
import type { SandboxBankStore, SandboxBankStoreTransaction, SandboxFileKind, SandboxSubmission } from "./sandbox-bank-store.ts";

export interface SandboxBankOptions {
  clock: Clock;
  calendar: BankingCalendar;
  store?: SandboxBankStore;
  /** Banking days from receipt until a result file appears: 1 = the next banking day, 0 = the same day. */
  resultDelayBankingDays?: number;
  banks?: readonly Bank[];
}

const FILE_TYPES = {
  registration: { request: "EB13", result: "EB14" },
  debit: { request: "EB21", result: "EB22" },
} as const;

/**
 * A bank side that behaves like the real one, for tests and demos: it reads the same EB13 and
 * EB21 files, keeps registrations, and writes EB14 and EB22 files that appear only when the
 * clock reaches their banking day. Outcomes depend on the account number (sandbox-behaviour.ts).
 */
export class SandboxBank implements CmsProvider {
  private readonly clock: Clock;
  private readonly calendar: BankingCalendar;
  private readonly store: SandboxBankStore;
  private readonly delay: number;
  private readonly banks: readonly Bank[];

  constructor(options: SandboxBankOptions) {
    this.clock = options.clock;
    this.calendar = options.calendar;
    this.store = options.store ?? new InMemorySandboxBankStore();
    this.delay = options.resultDelayBankingDays ?? 1;
    this.banks = options.banks ?? BANKS;
    if (!Number.isInteger(this.delay) || this.delay < 0) {
      throw new RailError("INVALID", "calendar.bad_day_count", { value: String(this.delay) });
    }
  }

  async verifyAccountHolder(bankCode: string, accountNumber: string, holderName: string, birthOrBusinessNumber: string): Promise<HolderVerification> {
    const accountProblem = this.accountProblem(bankCode, accountNumber);
    if (accountProblem === "invalid_account") return { ok: false, reason: accountProblem };
    const rule = sandboxRuleFor(accountNumber, "registration");
    const bankHolderName = sandboxHolderName(accountNumber, holderName);
    if (rule?.failsVerification && rule.reason !== "holder_mismatch") return { ok: false, reason: rule.reason };
    if (!holderNamesMatch(bankHolderName, holderName)) return { ok: false, reason: "holder_mismatch", bankHolderName };
    if (!/^(\d{6}|\d{10})$/.test(birthOrBusinessNumber)) return { ok: false, reason: "birth_or_business_number_mismatch" };
    return { ok: true, bankHolderName };
  }

  /** Refuses a bad file whole (CmsFileError) before anything is kept. */
  async submitRegistrations(file: Uint8Array): Promise<string> {
    return this.receive("registration", parseRegistrationRequestFile(file), file);
  }

  async submitDebits(file: Uint8Array): Promise<string> {
    return this.receive("debit", parseDebitRequestFile(file), file);
  }

  fetchRegistrationResults(since?: BusinessDate): Promise<CmsResultFile[]> {
    return this.results("registration", since);
  }

  fetchDebitResults(since?: BusinessDate): Promise<CmsResultFile[]> {
    return this.results("debit", since);
  }

  private async receive(kind: SandboxFileKind, parsed: { orgCode: string; fileDate: BusinessDate; sequence: number }, file: Uint8Array): Promise<string> {
    const id = [FILE_TYPES[kind].request, parsed.orgCode, parsed.fileDate.replaceAll("-", ""), String(parsed.sequence).padStart(3, "0")].join("-");
    const contentSha256 = createHash("sha256").update(file).digest("hex");
    const receivedOn = this.calendar.bankingDayOnOrAfter(this.clock.today());
    const availableOn = this.calendar.addBankingDays(receivedOn, this.delay);
    await this.store.transaction(async (tx) => {
      const existing = await tx.findSubmission(id);
      if (existing) {
        // The same file again is a retry: answered once. A different file under its number is a mistake.
        if (existing.contentSha256 !== contentSha256) throw new RailError("CONFLICT", "sandbox_bank.submission_conflict", { submissionId: id });
        return;
      }
      const { orgCode, fileDate, sequence } = parsed;
      await tx.addSubmission({ id, kind, orgCode, fileDate, sequence, contentSha256, bytes: file, submittedAt: this.clock.now(), receivedOn, availableOn });
    });
    await this.answerDue();
    return id;
  }

  private async results(kind: SandboxFileKind, since: BusinessDate | undefined): Promise<CmsResultFile[]> {
    if (since !== undefined && !isBusinessDate(since)) throw new RailError("INVALID", "calendar.bad_date", { value: since });
    await this.answerDue();
    const files = await this.store.transaction((tx) => tx.resultFiles(kind, since, this.clock.today()));
    return files.map((f) => ({ id: f.id, submissionId: f.submissionId, fileType: FILE_TYPES[kind].result, availableOn: f.availableOn, bytes: f.bytes }));
  }

  /** Answers every submission whose day has come, oldest first, so later files see earlier registrations. */
  private async answerDue(): Promise<void> {
    await this.store.transaction(async (tx) => {
      for (const submission of await tx.dueSubmissions(this.clock.today())) {
        const bytes = submission.kind === "registration" ? await this.answerRegistrations(tx, submission) : await this.answerDebits(tx, submission);
        await tx.addResultFile({ id: `${submission.id}-result`, submissionId: submission.id, kind: submission.kind, availableOn: submission.availableOn, bytes });
      }
    });
  }

  private async answerRegistrations(tx: SandboxBankStoreTransaction, submission: SandboxSubmission): Promise<Buffer> {
    const request = parseRegistrationRequestFile(submission.bytes);
    const records: RegistrationResult[] = [];
    for (const record of request.records) {
      const reason = await this.registrationReason(tx, request.orgCode, record, submission.availableOn);
      records.push({ ...record, accepted: reason === null, reason });
    }
    return writeRegistrationResultFile({ orgCode: request.orgCode, fileDate: submission.availableOn, sequence: request.sequence, records });
  }

  private async registrationReason(tx: SandboxBankStoreTransaction, orgCode: string, record: RegistrationRequest, on: BusinessDate): Promise<CmsReason | null> {
    const key = { orgCode, payerNumber: record.payerNumber, bankCode: record.bankCode, accountNumber: record.accountNumber };
    const existing = await tx.findRegistration(key);
    if (record.requestType === "cancel") {
      if (!existing) return "no_registration_found";
      await tx.deleteRegistration(key);
      return null;
    }
    const accountProblem = this.accountProblem(record.bankCode, record.accountNumber);
    if (accountProblem) return accountProblem;
    const rule = sandboxRuleFor(record.accountNumber, "registration");
    // The 0002 accounts mismatch through their holder name, as in the holder check.
    if (rule && rule.reason !== "holder_mismatch") return rule.reason;
    if (!holderNamesMatch(sandboxHolderName(record.accountNumber, record.holderName), record.holderName)) return "holder_mismatch";
    if (existing) return "duplicate_registration";
    await tx.saveRegistration({ ...key, birthOrBusinessNumber: record.birthOrBusinessNumber, holderName: record.holderName, registeredOn: on });
    return null;
  }

  private async answerDebits(tx: SandboxBankStoreTransaction, submission: SandboxSubmission): Promise<Buffer> {
    const request = parseDebitRequestFile(submission.bytes);
    const records: DebitResult[] = [];
    for (const record of request.records) records.push(await this.debit(tx, request.orgCode, record));
    return writeDebitResultFile({ orgCode: request.orgCode, fileDate: submission.availableOn, sequence: request.sequence, records });
  }

  private async debit(tx: SandboxBankStoreTransaction, orgCode: string, record: DebitRequest): Promise<DebitResult> {
    const failed = (reason: CmsReason): DebitResult => ({ ...record, outcome: "failed", debitedWon: 0n, reason });
    const registration = await tx.findRegistration({ orgCode, payerNumber: record.payerNumber, bankCode: record.bankCode, accountNumber: record.accountNumber });
    if (!registration) return failed("no_registration_found");
    if (record.birthOrBusinessNumber !== "" && record.birthOrBusinessNumber !== registration.birthOrBusinessNumber) {
      return failed("birth_or_business_number_mismatch");
    }
    const rule = sandboxRuleFor(record.accountNumber, "debit");
    if (!rule) return { ...record, outcome: "debited", debitedWon: record.amountWon, reason: null };
    const half = sandboxPartialAmount(record.amountWon);
    if (rule.partialHalf && record.debitType === "partial_allowed" && half > 0n) {
      return { ...record, outcome: "partial", debitedWon: half, reason: rule.reason };
    }
    return failed(rule.reason);
  }

  /** Problems the bank sees in the number itself, before looking the account up. */
  private accountProblem(bankCode: string, accountNumber: string): "invalid_account" | "not_cms_eligible" | undefined {
    const check = validateAccountNumber(bankCode, accountNumber, this.banks);
    if (check.ok) return undefined;
    return check.code === "account.cms_not_accepted" ? "not_cms_eligible" : "invalid_account";
  }
}
