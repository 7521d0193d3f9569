import type { BusinessDate } from "@sunap/core";

export type SandboxFileKind = "registration" | "debit";

/** A request file the sandbox bank received, kept byte for byte. */
export interface SandboxSubmission {
  /** `<file type>-<org code>-<file date>-<sequence>`: the same file sent twice has the same id. */
  id: string;
  kind: SandboxFileKind;
  orgCode: string;
  fileDate: BusinessDate;
  sequence: number;
  contentSha256: string;
  bytes: Uint8Array;
  submittedAt: Date;
  /** The banking day it counts as received (a weekend submission counts from the next one). */
  receivedOn: BusinessDate;
  /** The business date its result file appears. */
  availableOn: BusinessDate;
}

export interface SandboxResultFile {
  id: string;
  submissionId: string;
  kind: SandboxFileKind;
  availableOn: BusinessDate;
  bytes: Uint8Array;
}

/** A registration is for one payer of one institution on one account. */
export interface SandboxRegistrationKey {
  orgCode: string;
  payerNumber: string;
  bankCode: string;
  accountNumber: string;
}

export interface SandboxRegistration extends SandboxRegistrationKey {
  birthOrBusinessNumber: string;
  holderName: string;
  registeredOn: BusinessDate;
}

/** What the sandbox bank reads and writes inside one transaction. */
export interface SandboxBankStoreTransaction {
  findSubmission(id: string): Promise<SandboxSubmission | undefined>;
  addSubmission(submission: SandboxSubmission): Promise<void>;
  /** Submissions without a result file yet whose result is due on or before `date`, oldest first. */
  dueSubmissions(date: BusinessDate): Promise<SandboxSubmission[]>;
  addResultFile(file: SandboxResultFile): Promise<void>;
  /** Result files of one kind available between `from` (inclusive, when given) and `to` (inclusive), oldest first. */
  resultFiles(kind: SandboxFileKind, from: BusinessDate | undefined, to: BusinessDate): Promise<SandboxResultFile[]>;
  findRegistration(key: SandboxRegistrationKey): Promise<SandboxRegistration | undefined>;
  saveRegistration(registration: SandboxRegistration): Promise<void>;
  deleteRegistration(key: SandboxRegistrationKey): Promise<void>;
}

/**
 * The sandbox bank's state behind a port: in memory for unit tests, in PostgreSQL for the
 * demo and e2e runs. `transaction` runs its work all-or-nothing and one at a time, so two
 * workers answering the same submission cannot both write a result.
 */
export interface SandboxBankStore {
  transaction<T>(work: (tx: SandboxBankStoreTransaction) => Promise<T>): Promise<T>;
}

export function registrationKeyOf(key: SandboxRegistrationKey): string {
  return [key.orgCode, key.payerNumber, key.bankCode, key.accountNumber].join("|");
}
