import { DomainError } from "./domain-error.ts";
import { isBusinessDate, type BusinessDate } from "./business-date.ts";
import type { Won } from "./money.ts";

export interface PostingLine {
  accountCode: string;
  /** Debit positive, credit negative. */
  amountWon: Won;
  payerId?: number | null;
  invoiceId?: number | null;
  storeId?: number | null;
}

export interface Posting {
  effectiveOn: BusinessDate;
  kind: string;
  memo?: string;
  source: string;
  /** Versioned and derived from what makes the entry unique, e.g. `invoice:v1:42:2026-11-01`. */
  idempotencyKey: string;
  /** Set on a reversal: the entry it undoes (one reversal per entry). */
  reversesEntryId?: number;
  lines: PostingLine[];
}

/**
 * The rules an entry must satisfy before it is written. The database enforces the same
 * balance rule itself; checking here too turns a mistake into a clear message.
 */
export function validatePosting(posting: Posting, knownAccounts: ReadonlySet<string>): void {
  if (!isBusinessDate(posting.effectiveOn)) throw new DomainError("INVALID", "ledger.bad_date", { value: posting.effectiveOn }, "effectiveOn");
  if (posting.idempotencyKey.trim() === "") throw new DomainError("INVALID", "ledger.no_idempotency_key", {}, "idempotencyKey");
  if (posting.lines.length < 2) throw new DomainError("INVALID", "ledger.too_few_lines", { count: posting.lines.length }, "lines");
  posting.lines.forEach((line, index) => {
    if (!knownAccounts.has(line.accountCode)) throw new DomainError("INVALID", "ledger.unknown_account", { account: line.accountCode, line: index + 1 }, `lines.${index}.accountCode`);
    if (line.amountWon === 0n) throw new DomainError("INVALID", "ledger.zero_line", { line: index + 1 }, `lines.${index}.amountWon`);
  });
  const total = posting.lines.reduce((sum, line) => sum + line.amountWon, 0n);
  if (total !== 0n) throw new DomainError("INVALID", "ledger.unbalanced", { difference: total.toString() }, "lines");
}

/** The entry that undoes another: the same lines with their signs flipped. */
export function reversalOf(lines: readonly PostingLine[]): PostingLine[] {
  return lines.map((line) => ({ ...line, amountWon: -line.amountWon }));
}

/** Debits and credits of a set of lines, as people read them. */
export function debitsAndCredits(lines: readonly { amountWon: Won }[]): { debitWon: Won; creditWon: Won } {
  let debitWon = 0n;
  let creditWon = 0n;
  for (const { amountWon } of lines) {
    if (amountWon > 0n) debitWon += amountWon;
    else creditWon -= amountWon;
  }
  return { debitWon, creditWon };
}
