import type { BusinessDate } from "@sunap/core";
import type { CmsReason } from "./cms-reasons.ts";

/** The bank's answer to 예금주 조회: does this person hold this account? */
export type HolderVerification =
  | {
      ok: true;
      bankHolderName: string;
      /**
       * The rail cannot check holders in real time (a file exchange): nothing was found wrong,
       * `bankHolderName` is the name given, and the bank's registration answer (EB14) does the check.
       */
      deferred?: true;
    }
  | { ok: false; reason: CmsReason; bankHolderName?: string };

/** A result file the bank side has made available (EB14 for registrations, EB22 for debits). */
export interface CmsResultFile {
  /** Stable across fetches: the consumer records it so a replayed file changes nothing. */
  id: string;
  /** The submission it answers. */
  submissionId: string;
  fileType: "EB14" | "EB22";
  /** The business date from which the bank side offers it. */
  availableOn: BusinessDate;
  /** CP949 bytes, parsed with parseRegistrationResultFile / parseDebitResultFile. */
  bytes: Uint8Array;
}

/**
 * The CMS rail as Sunap uses it: files in (EB13, EB21), result files out (EB14, EB22), and a
 * holder check before consent. A real clearing-house or reseller adapter and the sandbox bank
 * both implement it, so the rest of the system cannot tell them apart.
 */
export interface CmsProvider {
  verifyAccountHolder(bankCode: string, accountNumber: string, holderName: string, birthOrBusinessNumber: string): Promise<HolderVerification>;
  /**
   * Hands over an EB13 file (new registrations and cancellations). Returns the submission id;
   * sending the same file again (same date and sequence) returns the same id and does nothing.
   */
  submitRegistrations(file: Uint8Array): Promise<string>;
  /** EB14 files available up to today, from `since` (a business date, inclusive) when given. */
  fetchRegistrationResults(since?: BusinessDate): Promise<CmsResultFile[]>;
  /** Hands over an EB21 file; idempotent like submitRegistrations. */
  submitDebits(file: Uint8Array): Promise<string>;
  /** EB22 files available up to today, from `since` when given. */
  fetchDebitResults(since?: BusinessDate): Promise<CmsResultFile[]>;
}
