import type { Won } from "@sunap/core";
import type { CmsReason } from "../cms-reasons.ts";

/**
 * How the sandbox bank answers, decided only by the last four digits of the account number,
 * so tests and demos can pick an outcome by picking an account. docs/sandbox-bank.md shows
 * this table (a test keeps the two in step).
 */
export interface SandboxRule {
  suffix: string;
  step: "registration" | "debit";
  reason: CmsReason;
  /** Where the holder check (예금주 조회) already fails; otherwise only the registration does. */
  failsVerification: boolean;
  /** A debit that takes half the amount (rounded down) when the request allows partial debits. */
  partialHalf?: boolean;
}

export const SANDBOX_RULES: readonly SandboxRule[] = [
  { suffix: "0001", step: "registration", reason: "invalid_account", failsVerification: true },
  { suffix: "0002", step: "registration", reason: "holder_mismatch", failsVerification: true },
  { suffix: "0003", step: "registration", reason: "account_closed", failsVerification: true },
  { suffix: "0004", step: "registration", reason: "not_cms_eligible", failsVerification: false },
  { suffix: "0005", step: "registration", reason: "birth_or_business_number_mismatch", failsVerification: true },
  { suffix: "1001", step: "debit", reason: "insufficient_funds", failsVerification: false },
  { suffix: "1002", step: "debit", reason: "insufficient_funds", failsVerification: false, partialHalf: true },
  { suffix: "1003", step: "debit", reason: "account_closed", failsVerification: false },
  { suffix: "1004", step: "debit", reason: "consent_withdrawn_at_bank", failsVerification: false },
  { suffix: "1005", step: "debit", reason: "frozen_or_seized", failsVerification: false },
  { suffix: "1006", step: "debit", reason: "limit_exceeded", failsVerification: false },
  { suffix: "1007", step: "debit", reason: "payment_stopped", failsVerification: false },
];

/**
 * The holder name the bank has on file for accounts ending in 0002: nobody's real name, so
 * every name given for such an account mismatches.
 */
export const SANDBOX_OTHER_HOLDER_NAME = "김샌드";

export function sandboxRuleFor(accountNumber: string, step: SandboxRule["step"]): SandboxRule | undefined {
  return SANDBOX_RULES.find((rule) => rule.step === step && accountNumber.endsWith(rule.suffix));
}

/** The name on the account: the name given, except for the mismatch accounts. */
export function sandboxHolderName(accountNumber: string, givenName: string): string {
  return sandboxRuleFor(accountNumber, "registration")?.reason === "holder_mismatch" ? SANDBOX_OTHER_HOLDER_NAME : givenName.trim();
}

/** Names compare without spaces and letter case, as banks compare them ("홍 길동" = "홍길동"). */
export function holderNamesMatch(a: string, b: string): boolean {
  const normalize = (name: string) => name.normalize("NFC").replace(/\s+/g, "").toUpperCase();
  return normalize(a) !== "" && normalize(a) === normalize(b);
}

/** The partial debit of the 1002 accounts: half, rounded down to the won. */
export function sandboxPartialAmount(amountWon: Won): Won {
  return amountWon / 2n;
}
