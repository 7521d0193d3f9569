import { describe, expect, it } from "vitest";
import { accountLast4Index, BLIND_INDEX_LENGTH, blindIndex, BlindIndexInputError, normalisePhone, phoneSearchIndex } from "./blind-index.ts";
import { keyringOf, randomKeyBase64 } from "./keyring-fixtures.ts";

const ENC = randomKeyBase64();
const keyring = keyringOf({ k1: ENC }, "k1");
const otherBlindKey = keyringOf({ k1: ENC }, "k1");

describe("blind index", () => {
  it("is 32 characters of base64url", () => {
    expect(phoneSearchIndex(keyring, "010-1234-5678")).toMatch(new RegExp(`^[A-Za-z0-9_-]{${BLIND_INDEX_LENGTH}}$`));
  });

  it("matches a phone number however it is written", () => {
    const variants = ["010-1234-5678", "01012345678", "010 1234 5678", "(010)1234-5678", "+82 10-1234-5678", "+82 (0)10 1234 5678", "0082-10-1234-5678"];
    expect(new Set(variants.map((v) => phoneSearchIndex(keyring, v))).size).toBe(1);
    expect(normalisePhone("+82 10-1234-5678")).toBe("01012345678");
    expect(phoneSearchIndex(keyring, "010-1234-5679")).not.toBe(phoneSearchIndex(keyring, "010-1234-5678"));
  });

  it("indexes an account by its last four digits, so the full number and the four digits match", () => {
    expect(accountLast4Index(keyring, "110-123-457890")).toBe(accountLast4Index(keyring, "7890"));
    expect(accountLast4Index(keyring, "3333047890")).toBe(accountLast4Index(keyring, "7890"));
    expect(accountLast4Index(keyring, "110-123-457891")).not.toBe(accountLast4Index(keyring, "7890"));
  });

  it("matches birth dates and business numbers across formatting", () => {
    expect(blindIndex(keyring, "birth_date", "1990-01-31")).toBe(blindIndex(keyring, "birth_date", "19900131"));
    expect(blindIndex(keyring, "birth_date", "1990.01.31")).toBe(blindIndex(keyring, "birth_date", "19900131"));
    expect(blindIndex(keyring, "business_number", "123-45-67890")).toBe(blindIndex(keyring, "business_number", "1234567890"));
  });

  it("differs across kinds for the same digits", () => {
    const digits = "1234567890";
    const indexes = [blindIndex(keyring, "phone", digits), blindIndex(keyring, "business_number", digits), blindIndex(keyring, "account_last4", "7890")];
    expect(new Set(indexes).size).toBe(3);
    expect(blindIndex(keyring, "account_last4", "7890")).not.toBe(blindIndex(keyring, "phone", "0000-7890"));
  });

  it("differs under another blind-index key, even with the same encryption keys", () => {
    expect(phoneSearchIndex(otherBlindKey, "010-1234-5678")).not.toBe(phoneSearchIndex(keyring, "010-1234-5678"));
  });

  it("does not contain the value", () => {
    expect(phoneSearchIndex(keyring, "01012345678")).not.toMatch(/5678|1234/);
  });

  it("rejects values that cannot be normalised for their kind, without echoing them", () => {
    const cases: [Parameters<typeof blindIndex>[1], string][] = [
      ["phone", "12-34"],
      ["phone", ""],
      ["account_last4", "789"],
      ["birth_date", "1990-02-30"],
      ["birth_date", "900131"],
      ["business_number", "123-45-6789"],
    ];
    for (const [kind, value] of cases) {
      const run = () => blindIndex(keyring, kind, value);
      expect(run).toThrow(BlindIndexInputError);
      expect(run).toThrow(new RegExp(`^Cannot index ${kind}:`));
    }
  });
});
