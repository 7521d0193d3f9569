import fc from "fast-check";
import { addDays } from "@sunap/core";
import { BANKS } from "../banks.ts";
import { CMS_REASONS, type CmsReason } from "../cms-reasons.ts";
import type { DebitRequest, DebitResult } from "../cms-files/debit-files.ts";
import type { RegistrationRequest, RegistrationResult } from "../cms-files/registration-files.ts";

/** Generators for the round-trip properties: every field over its whole allowed range. */
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(""));

const digits = (min: number, max: number) => chars("0123456789", min, max);

export const hangulSyllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((code) => String.fromCharCode(code));

/** Names of up to 10 characters, Hangul mostly, with Latin letters and inner spaces: they fit 20 bytes when all Hangul. */
export const holderName = fc
  .array(fc.oneof({ weight: 6, arbitrary: hangulSyllable }, { weight: 2, arbitrary: fc.constantFrom(..."ABCxyz()") }, { weight: 1, arbitrary: fc.constant(" ") }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((a) => a.join("").trim())
  .filter((name) => name !== "");

const memo = fc
  .array(fc.oneof(hangulSyllable, fc.constantFrom(..."ABC123-")), { minLength: 0, maxLength: 8 })
  .map((a) => a.join(""));

export const businessDate = fc.integer({ min: 0, max: 365 * 15 }).map((days) => addDays("2020-01-01", days));

const identity = fc.oneof(digits(6, 6), digits(10, 10));

export const orgCode = chars(ALNUM, 1, 10);
export const sequence = fc.integer({ min: 1, max: 999 });

export const registrationRequest: fc.Arbitrary<RegistrationRequest> = fc
  .record({
    payerNumber: chars(`${ALNUM}-_`, 1, 20),
    bankCode: fc.constantFrom(...BANKS.map((b) => b.code)),
    accountNumber: digits(1, 16),
    birthOrBusinessNumber: identity,
    requestType: fc.constantFrom("new" as const, "cancel" as const),
    consentDate: businessDate,
    evidenceType: fc.constantFrom("written" as const, "recording" as const, "ars" as const, "electronic" as const),
    holderName,
  })
  .map((r) => (r.requestType === "cancel" ? { ...r, evidenceType: null } : r));

const reasons = Object.keys(CMS_REASONS) as CmsReason[];

export const registrationResult: fc.Arbitrary<RegistrationResult> = fc
  .tuple(registrationRequest, fc.option(fc.constantFrom(...reasons), { nil: null }))
  .map(([request, reason]) => ({ ...request, accepted: reason === null, reason }));

export const debitRequest: fc.Arbitrary<DebitRequest> = fc.record({
  payerNumber: chars(`${ALNUM}-_`, 1, 20),
  bankCode: fc.constantFrom(...BANKS.map((b) => b.code)),
  accountNumber: digits(1, 16),
  amountWon: fc.bigInt({ min: 1n, max: 9_999_999_999_999n }),
  birthOrBusinessNumber: fc.oneof(fc.constant(""), identity),
  debitType: fc.constantFrom("full_only" as const, "partial_allowed" as const),
  debitDate: businessDate,
  passbookMemo: memo,
  reference: chars(`${ALNUM}-`, 0, 20),
});

export const debitResult: fc.Arbitrary<DebitResult> = fc
  .tuple(debitRequest, fc.constantFrom("debited" as const, "partial" as const, "failed" as const), fc.constantFrom(...reasons))
  .chain(([request, outcome, reason]): fc.Arbitrary<DebitResult> => {
    if (outcome === "partial" && request.amountWon >= 2n) {
      return fc
        .bigInt({ min: 1n, max: request.amountWon - 1n })
        .map((debitedWon) => ({ ...request, debitType: "partial_allowed" as const, outcome, debitedWon, reason }));
    }
    if (outcome === "failed") return fc.constant({ ...request, outcome, debitedWon: 0n, reason });
    return fc.constant({ ...request, outcome: "debited" as const, debitedWon: request.amountWon, reason: null });
  });
