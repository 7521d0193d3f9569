import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptField, encryptField, FieldCipherError, keyIdOf, needsRotation } from "./field-cipher.ts";
import { keyringOf, randomKeyBase64 } from "./keyring-fixtures.ts";

const OLD = randomKeyBase64();
const NEW = randomKeyBase64();
const before = keyringOf({ k2025b: OLD }, "k2025b");
const after = keyringOf({ k2026a: NEW, k2025b: OLD }, "k2026a");
const PHONE = "010-1234-5678";

function failureOf(run: () => unknown): FieldCipherError {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldCipherError) return error;
    throw error;
  }
  throw new Error("expected a FieldCipherError");
}

/** Replaces one dot-separated part of a token. */
function withPart(token: string, index: number, change: (part: string) => string): string {
  const parts = token.split(".");
  parts[index] = change(parts[index]!);
  return parts.join(".");
}

/** Flips the lowest bit of the first byte of a base64url part. */
const flipFirstByte = (part: string) => {
  const bytes = Buffer.from(part, "base64url");
  bytes[0] = bytes[0]! ^ 1;
  return bytes.toString("base64url");
};

describe("encryptField / decryptField", () => {
  it("round-trips a value", () => {
    expect(decryptField(after, encryptField(after, PHONE, "payer.phone"), "payer.phone")).toBe(PHONE);
  });

  it("writes v1.<keyId>.<iv>.<ciphertext>.<tag> with a 12-byte IV and a 16-byte tag, without the plaintext", () => {
    const token = encryptField(after, PHONE, "payer.phone");
    const [version, keyId, iv, ciphertext, tag, ...rest] = token.split(".");
    expect([version, keyId, rest]).toEqual(["v1", "k2026a", []]);
    expect(Buffer.from(iv!, "base64url")).toHaveLength(12);
    expect(Buffer.from(ciphertext!, "base64url")).toHaveLength(Buffer.byteLength(PHONE));
    expect(Buffer.from(tag!, "base64url")).toHaveLength(16);
    expect(token).not.toContain("1234");
  });

  it("uses a different IV, hence a different token, each time", () => {
    const tokens = Array.from({ length: 50 }, () => encryptField(after, PHONE, "payer.phone"));
    expect(new Set(tokens).size).toBe(50);
    expect(new Set(tokens.map((t) => t.split(".")[2])).size).toBe(50);
  });

  it("round-trips the empty string", () => {
    expect(decryptField(after, encryptField(after, "", "payer.email"), "payer.email")).toBe("");
  });

  it("round-trips any Unicode string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => decryptField(after, encryptField(after, text, "payer.name"), "payer.name") === text),
      { numRuns: 300 },
    );
  });

  it("refuses a string with a lone surrogate instead of storing a value that would come back different", () => {
    expect(failureOf(() => encryptField(after, "a\uD800b", "payer.name")).reason).toBe("invalid_plaintext");
  });

  it("refuses an empty or malformed context", () => {
    expect(failureOf(() => encryptField(after, PHONE, "")).reason).toBe("invalid_context");
    expect(failureOf(() => encryptField(after, PHONE, "payer phone")).reason).toBe("invalid_context");
  });
});

describe("tamper detection", () => {
  const token = encryptField(after, PHONE, "payer.phone");

  it("fails when a byte of the ciphertext is flipped", () => {
    expect(failureOf(() => decryptField(after, withPart(token, 3, flipFirstByte), "payer.phone")).reason).toBe("authentication_failed");
  });

  it("fails when a byte of the tag is flipped", () => {
    expect(failureOf(() => decryptField(after, withPart(token, 4, flipFirstByte), "payer.phone")).reason).toBe("authentication_failed");
  });

  it("fails when a byte of the IV is flipped", () => {
    expect(failureOf(() => decryptField(after, withPart(token, 2, flipFirstByte), "payer.phone")).reason).toBe("authentication_failed");
  });

  it("fails when the key id is changed to another configured key", () => {
    const failure = failureOf(() => decryptField(after, withPart(token, 1, () => "k2025b"), "payer.phone"));
    expect(failure.reason).toBe("authentication_failed");
    expect(failure.keyId).toBe("k2025b");
  });

  it("fails when the ciphertext is copied into another column", () => {
    const failure = failureOf(() => decryptField(after, token, "payer_account.account_number"));
    expect(failure.reason).toBe("authentication_failed");
    expect(failure.message).toContain("belongs to another field");
  });

  it("fails with the key id named when the key is not configured", () => {
    const failure = failureOf(() => decryptField(after, withPart(token, 1, () => "k2099"), "payer.phone"));
    expect(failure.reason).toBe("unknown_key");
    expect(failure.message).toBe(
      'Cannot decrypt payer.phone: key "k2099" is not configured (configured: k2026a, k2025b). Old keys must stay in SUNAP_ENCRYPTION_KEYS until rotate-keys has re-encrypted every value.',
    );
  });

  it("fails on a truncated tag rather than accepting a shorter one", () => {
    expect(failureOf(() => decryptField(after, withPart(token, 4, (tag) => Buffer.from(tag, "base64url").subarray(0, 12).toString("base64url")), "payer.phone")).reason).toBe("malformed");
  });

  it("fails on malformed tokens: wrong part count, unknown version, non-base64url or non-canonical parts, plaintext", () => {
    expect(failureOf(() => decryptField(after, token + ".x", "payer.phone")).reason).toBe("malformed");
    expect(failureOf(() => decryptField(after, withPart(token, 0, () => "v2"), "payer.phone")).reason).toBe("unsupported_version");
    expect(failureOf(() => decryptField(after, withPart(token, 3, (ct) => ct + "!"), "payer.phone")).reason).toBe("malformed");
    expect(failureOf(() => decryptField(after, withPart(token, 3, (ct) => ct + "=="), "payer.phone")).reason).toBe("malformed");
    expect(failureOf(() => decryptField(after, PHONE, "payer.phone")).reason).toBe("malformed");
  });

  it("never puts the plaintext in an error message", () => {
    const secret = "110-123-457890";
    const sealed = encryptField(after, secret, "payer_account.account_number");
    const attempts = [
      () => decryptField(after, sealed, "payer.phone"),
      () => decryptField(after, withPart(sealed, 3, flipFirstByte), "payer_account.account_number"),
      () => decryptField(before, sealed, "payer_account.account_number"),
    ];
    for (const attempt of attempts) {
      const failure = failureOf(attempt);
      expect(failure.message).not.toContain(secret);
      expect(failure.message).not.toContain("457890");
    }
  });
});

describe("key ids and rotation", () => {
  it("decrypts a value written under the old key after a new key became active", () => {
    const old = encryptField(before, PHONE, "payer.phone");
    expect(keyIdOf(old)).toBe("k2025b");
    expect(decryptField(after, old, "payer.phone")).toBe(PHONE);
    expect(keyIdOf(encryptField(after, PHONE, "payer.phone"))).toBe("k2026a");
  });

  it("says a token needs rotation exactly when its key is not the active one", () => {
    expect(needsRotation(after, encryptField(before, PHONE, "payer.phone"))).toBe(true);
    expect(needsRotation(after, encryptField(after, PHONE, "payer.phone"))).toBe(false);
    expect(needsRotation(before, encryptField(before, PHONE, "payer.phone"))).toBe(false);
  });

  it("refuses to read the key id of something that is not a token", () => {
    expect(() => keyIdOf("01012345678")).toThrow(FieldCipherError);
  });
});
