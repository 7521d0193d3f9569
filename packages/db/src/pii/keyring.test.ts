import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { generateDevKeyring, KeyringConfigError, keyringFromConfig, type KeyringConfig } from "./keyring.ts";
import { randomKeyBase64 } from "./keyring-fixtures.ts";

const A = randomKeyBase64();
const B = randomKeyBase64();
const BLIND = randomKeyBase64();
const valid = { SUNAP_ENCRYPTION_KEYS: `k2026a:${A},k2025b:${B}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "k2026a", SUNAP_BLIND_INDEX_KEY: BLIND };

function problemsOf(config: KeyringConfig): string[] {
  try {
    keyringFromConfig(config);
  } catch (error) {
    if (error instanceof KeyringConfigError) return error.problems.map((p) => `${p.variable}: ${p.message}`);
    throw error;
  }
  throw new Error("expected a KeyringConfigError");
}

describe("keyringFromConfig", () => {
  it("reads every key id, the active id and the blind-index key", () => {
    const keyring = keyringFromConfig(valid);
    expect(keyring.keyIds).toEqual(["k2026a", "k2025b"]);
    expect(keyring.activeKeyId).toBe("k2026a");
    expect(keyring.hasKey("k2025b")).toBe(true);
    expect(keyring.encryptionKey("k2025b")?.symmetricKeySize).toBe(32);
    expect(keyring.blindIndexKey.symmetricKeySize).toBe(32);
  });

  it("accepts spaces around entries, URL-safe base64 and missing padding", () => {
    const urlSafe = Buffer.from(A, "base64").toString("base64url");
    expect(keyringFromConfig({ ...valid, SUNAP_ENCRYPTION_KEYS: ` k2026a : ${urlSafe} , k2025b:${B} ` }).keyIds).toEqual(["k2026a", "k2025b"]);
  });

  it("names each unset variable", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^SUNAP_ENCRYPTION_KEYS: is not set/);
    expect(problems[1]).toMatch(/^SUNAP_ENCRYPTION_ACTIVE_KEY: is not set/);
    expect(problems[2]).toMatch(/^SUNAP_BLIND_INDEX_KEY: is not set/);
  });

  it("rejects a key that is not base64, naming the variable and the key id", () => {
    expect(problemsOf({ ...valid, SUNAP_ENCRYPTION_KEYS: `k2026a:not*base64!,k2025b:${B}` })).toEqual(['SUNAP_ENCRYPTION_KEYS: the key of "k2026a" is not base64']);
  });

  it("rejects a key that is not 32 bytes, saying how long it is", () => {
    const short = Buffer.alloc(16, 1).toString("base64");
    expect(problemsOf({ ...valid, SUNAP_ENCRYPTION_KEYS: `k2026a:${short}` })).toEqual([
      'SUNAP_ENCRYPTION_KEYS: the key of "k2026a" decodes to 16 bytes; it must be 32 bytes (generate one with `openssl rand -base64 32`)',
    ]);
    expect(problemsOf({ ...valid, SUNAP_BLIND_INDEX_KEY: short })[0]).toMatch(/^SUNAP_BLIND_INDEX_KEY: decodes to 16 bytes/);
  });

  it("rejects a duplicate key id", () => {
    expect(problemsOf({ ...valid, SUNAP_ENCRYPTION_KEYS: `k2026a:${A},k2026a:${B}` })).toEqual(['SUNAP_ENCRYPTION_KEYS: key id "k2026a" appears more than once']);
  });

  it("rejects the same key material under two ids", () => {
    expect(problemsOf({ ...valid, SUNAP_ENCRYPTION_KEYS: `k2026a:${A},k2025b:${A}` })).toEqual(['SUNAP_ENCRYPTION_KEYS: "k2025b" has the same key as "k2026a"; a new key id needs a new key']);
  });

  it("rejects an active id that names no configured key, listing the ids there are", () => {
    expect(problemsOf({ ...valid, SUNAP_ENCRYPTION_ACTIVE_KEY: "k2027" })).toEqual([
      'SUNAP_ENCRYPTION_ACTIVE_KEY: names "k2027", which is not among the SUNAP_ENCRYPTION_KEYS ids (k2026a, k2025b)',
    ]);
  });

  it("rejects key ids outside [a-z0-9_-]{1,32} without echoing them", () => {
    for (const id of ["K2026", "k.2026", "a".repeat(33), ""]) {
      const problems = problemsOf({ ...valid, SUNAP_ENCRYPTION_KEYS: `${id}:${A}` , SUNAP_ENCRYPTION_ACTIVE_KEY: "k2026a" });
      expect(problems[0]).toBe("SUNAP_ENCRYPTION_KEYS: entry 1 has an invalid key id; use 1–32 characters of a-z 0-9 _ -");
    }
    expect(problemsOf({ ...valid, SUNAP_ENCRYPTION_ACTIVE_KEY: "K!" })).toEqual(["SUNAP_ENCRYPTION_ACTIVE_KEY: is not a valid key id; use 1–32 characters of a-z 0-9 _ -"]);
  });

  it("rejects an entry without a key id and never repeats key material in the message", () => {
    const error = (() => {
      try {
        keyringFromConfig({ ...valid, SUNAP_ENCRYPTION_KEYS: `${A},k2025b:${B}`, SUNAP_ENCRYPTION_ACTIVE_KEY: "k2025b" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain("SUNAP_ENCRYPTION_KEYS: entry 1 has no `keyId:` prefix");
    expect(error?.message).not.toContain(A);
    expect(error?.message).not.toContain(B);
  });

  it("rejects a blind-index key equal to an encryption key", () => {
    expect(problemsOf({ ...valid, SUNAP_BLIND_INDEX_KEY: B })).toEqual(["SUNAP_BLIND_INDEX_KEY: must differ from every key in SUNAP_ENCRYPTION_KEYS"]);
  });

  it("never shows key bytes when logged, inspected or serialised", () => {
    const keyring = keyringFromConfig(valid);
    const shown = `${JSON.stringify(keyring)} ${inspect(keyring, { depth: 5, showHidden: true })} ${String(keyring)}`;
    for (const key of [A, B, BLIND]) {
      expect(shown).not.toContain(key);
      expect(shown).not.toContain(Buffer.from(key, "base64").toString("hex"));
    }
    expect(JSON.parse(JSON.stringify(keyring))).toEqual({ activeKeyId: "k2026a", keyIds: ["k2026a", "k2025b"] });
  });
});

describe("generateDevKeyring", () => {
  it("makes fresh keys each time, with config strings that rebuild the same keyring", () => {
    const first = generateDevKeyring();
    const second = generateDevKeyring();
    expect(first.config.SUNAP_ENCRYPTION_KEYS).not.toBe(second.config.SUNAP_ENCRYPTION_KEYS);
    expect(first.config.SUNAP_BLIND_INDEX_KEY).not.toBe(second.config.SUNAP_BLIND_INDEX_KEY);
    const rebuilt = keyringFromConfig(first.config);
    expect(rebuilt.activeKeyId).toBe(first.keyring.activeKeyId);
    expect(rebuilt.encryptionKey(rebuilt.activeKeyId)!.equals(first.keyring.activeKey)).toBe(true);
    expect(rebuilt.blindIndexKey.equals(first.keyring.blindIndexKey)).toBe(true);
  });
});
