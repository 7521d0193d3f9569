import { createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";

/** The three configuration variables the keyring is read from. */
export const KEYRING_VARIABLES = {
  keys: "SUNAP_ENCRYPTION_KEYS",
  activeKey: "SUNAP_ENCRYPTION_ACTIVE_KEY",
  blindIndexKey: "SUNAP_BLIND_INDEX_KEY",
} as const;

/** The env-style form of a keyring: `keyId:base64key,…`, an active id, a base64 blind-index key. */
export interface KeyringConfig {
  SUNAP_ENCRYPTION_KEYS?: string | undefined;
  SUNAP_ENCRYPTION_ACTIVE_KEY?: string | undefined;
  SUNAP_BLIND_INDEX_KEY?: string | undefined;
}

/** Key ids appear inside every ciphertext (`v1.<keyId>.…`), so they may not contain the `.` separator. */
export const KEY_ID_PATTERN = /^[a-z0-9_-]{1,32}$/;
export const KEY_BYTES = 32;

export interface KeyringProblem {
  variable: string;
  message: string;
}

/**
 * Configuration that cannot become a keyring. Lists every problem at once, each naming its
 * variable; it never repeats a key (or anything that might be one) back.
 */
export class KeyringConfigError extends Error {
  constructor(readonly problems: readonly KeyringProblem[]) {
    super(`The encryption keys are not configured correctly:\n${problems.map((p) => `- ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "KeyringConfigError";
  }
}

/**
 * Encryption keys by id (AES-256), the id new values are encrypted with, and the separate
 * HMAC key for blind indexes. Keys are held as KeyObjects so that logging, inspecting or
 * JSON-serialising a keyring shows ids only, never key bytes.
 */
export class Keyring {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #blindIndexKey: KeyObject;

  /**
   * Prefer keyringFromConfig, which explains bad configuration; this only asserts the
   * invariants (32-byte keys, valid ids, the active id present).
   */
  constructor(keys: ReadonlyMap<string, Uint8Array>, readonly activeKeyId: string, blindIndexKey: Uint8Array) {
    for (const [id, bytes] of keys) {
      if (!KEY_ID_PATTERN.test(id) || bytes.length !== KEY_BYTES) throw new Error("Keyring: every key needs a valid id and 32 bytes");
    }
    if (!keys.has(activeKeyId)) throw new Error("Keyring: the active key id is not among the keys");
    if (blindIndexKey.length !== KEY_BYTES) throw new Error("Keyring: the blind-index key needs 32 bytes");
    this.#keys = new Map([...keys].map(([id, bytes]) => [id, createSecretKey(Buffer.from(bytes))] as const));
    this.#blindIndexKey = createSecretKey(Buffer.from(blindIndexKey));
  }

  get keyIds(): readonly string[] {
    return [...this.#keys.keys()];
  }

  hasKey(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** The AES-256 key with that id, or undefined when it is not configured. */
  encryptionKey(keyId: string): KeyObject | undefined {
    return this.#keys.get(keyId);
  }

  get activeKey(): KeyObject {
    return this.#keys.get(this.activeKeyId)!;
  }

  get blindIndexKey(): KeyObject {
    return this.#blindIndexKey;
  }

  toJSON(): { activeKeyId: string; keyIds: readonly string[] } {
    return { activeKeyId: this.activeKeyId, keyIds: this.keyIds };
  }
}

// Standard or URL-safe alphabet, optional padding: whatever `openssl rand -base64 32` or a secret manager produces.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function decodeKey(text: string): { bytes: Buffer } | { problem: string } {
  if (!BASE64.test(text) || text.replace(/=+$/, "").length % 4 === 1) return { problem: "is not base64" };
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== KEY_BYTES) return { problem: `decodes to ${bytes.length} bytes; it must be ${KEY_BYTES} bytes (generate one with \`openssl rand -base64 32\`)` };
  return { bytes };
}

/** Parses and checks the three variables (e.g. `process.env`); throws KeyringConfigError naming each problem. */
export function keyringFromConfig(config: KeyringConfig): Keyring {
  const problems: KeyringProblem[] = [];
  const keys = new Map<string, Buffer>();
  const namedIds = new Set<string>(); // valid ids, even those whose key is bad, so the active-id check does not pile on
  const KEYS = KEYRING_VARIABLES.keys;
  const ACTIVE = KEYRING_VARIABLES.activeKey;
  const BLIND = KEYRING_VARIABLES.blindIndexKey;

  const keysText = config.SUNAP_ENCRYPTION_KEYS?.trim() ?? "";
  if (!keysText) {
    problems.push({ variable: KEYS, message: "is not set; expected comma-separated `keyId:base64key` entries, e.g. `k2026a:<base64 of 32 bytes>`" });
  } else {
    keysText.split(",").forEach((rawEntry, index) => {
      const entry = rawEntry.trim();
      const where = `entry ${index + 1}`;
      if (!entry) return problems.push({ variable: KEYS, message: `${where} is empty` });
      const colon = entry.indexOf(":");
      if (colon < 0) return problems.push({ variable: KEYS, message: `${where} has no \`keyId:\` prefix; expected \`keyId:base64key\`` });
      const id = entry.slice(0, colon).trim();
      // An invalid id is not echoed: it may be a key pasted the wrong way round.
      if (!KEY_ID_PATTERN.test(id)) return problems.push({ variable: KEYS, message: `${where} has an invalid key id; use 1–32 characters of a-z 0-9 _ -` });
      if (namedIds.has(id)) return problems.push({ variable: KEYS, message: `key id "${id}" appears more than once` });
      namedIds.add(id);
      const decoded = decodeKey(entry.slice(colon + 1).trim());
      if ("problem" in decoded) return problems.push({ variable: KEYS, message: `the key of "${id}" ${decoded.problem}` });
      const twin = [...keys].find(([, bytes]) => timingSafeEqual(bytes, decoded.bytes));
      if (twin) return problems.push({ variable: KEYS, message: `"${id}" has the same key as "${twin[0]}"; a new key id needs a new key` });
      keys.set(id, decoded.bytes);
    });
  }

  const activeKeyId = config.SUNAP_ENCRYPTION_ACTIVE_KEY?.trim() ?? "";
  if (!activeKeyId) {
    problems.push({ variable: ACTIVE, message: "is not set; it names the key id new values are encrypted with" });
  } else if (!KEY_ID_PATTERN.test(activeKeyId)) {
    problems.push({ variable: ACTIVE, message: "is not a valid key id; use 1–32 characters of a-z 0-9 _ -" });
  } else if (keysText && !namedIds.has(activeKeyId)) {
    problems.push({ variable: ACTIVE, message: `names "${activeKeyId}", which is not among the ${KEYS} ids (${[...namedIds].join(", ") || "none"})` });
  }

  const blindText = config.SUNAP_BLIND_INDEX_KEY?.trim() ?? "";
  let blindIndexKey: Buffer | undefined;
  if (!blindText) {
    problems.push({ variable: BLIND, message: "is not set; expected the base64 of 32 random bytes, separate from the encryption keys" });
  } else {
    const decoded = decodeKey(blindText);
    if ("problem" in decoded) problems.push({ variable: BLIND, message: decoded.problem });
    else if ([...keys.values()].some((bytes) => timingSafeEqual(bytes, decoded.bytes))) {
      problems.push({ variable: BLIND, message: `must differ from every key in ${KEYS}` });
    } else blindIndexKey = decoded.bytes;
  }

  if (problems.length > 0 || !blindIndexKey) throw new KeyringConfigError(problems);
  return new Keyring(keys, activeKeyId, blindIndexKey);
}

/** Fresh random keys for the embedded demo mode, with the config strings that reproduce them. */
export function generateDevKeyring(keyId = "dev1"): { keyring: Keyring; config: Required<KeyringConfig> } {
  const config: Required<KeyringConfig> = {
    SUNAP_ENCRYPTION_KEYS: `${keyId}:${randomBytes(KEY_BYTES).toString("base64")}`,
    SUNAP_ENCRYPTION_ACTIVE_KEY: keyId,
    SUNAP_BLIND_INDEX_KEY: randomBytes(KEY_BYTES).toString("base64"),
  };
  return { keyring: keyringFromConfig(config), config };
}
