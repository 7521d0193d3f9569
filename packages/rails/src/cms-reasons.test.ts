import { describe, expect, it } from "vitest";
import { CMS_REASONS, NO_REASON_CODE, reasonForCode, reasonLabel } from "./cms-reasons.ts";

describe("CMS result reasons", () => {
  it("gives every reason its own four-character code, none of them 0000", () => {
    const codes = Object.values(CMS_REASONS).map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{4}$/);
    expect(codes).not.toContain(NO_REASON_CODE);
  });

  it("finds the reason for a code and labels it in both languages", () => {
    expect(reasonForCode("D001")).toBe("insufficient_funds");
    expect(reasonForCode("ZZZZ")).toBeUndefined();
    expect(reasonLabel("frozen_or_seized", "ko")).toBe("압류·거래정지 계좌");
    expect(reasonLabel("frozen_or_seized", "en")).toBe("Account frozen or seized");
  });

  it("covers the failures the bank side reports", () => {
    expect(Object.keys(CMS_REASONS).sort()).toEqual(
      [
        "insufficient_funds",
        "account_closed",
        "invalid_account",
        "holder_mismatch",
        "birth_or_business_number_mismatch",
        "not_cms_eligible",
        "consent_withdrawn_at_bank",
        "frozen_or_seized",
        "payment_stopped",
        "limit_exceeded",
        "duplicate_registration",
        "no_registration_found",
      ].sort(),
    );
  });
});
