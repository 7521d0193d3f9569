import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { KEY_ID_PATTERN, type Keyring } from "./keyring.ts";

/**
 * One encrypted column value:
 *   v1.<keyId>.<iv>.<ciphertext>.<tag>      (iv, ciphertext, tag in unpadded base64url)
 * AES-256-GCM with a random 12-byte IV and a 16-byte tag. The token names its key id so keys
 * can rotate; the version lets the format change later without guessing.
 */
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Contexts name the column a value belongs to, conventionally `table.column` (e.g. `payer.phone`). */
const CONTEXT_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export type FieldCipherFailure = "malformed" | "unsupported_version" | "unknown_key" | "authentication_failed" | "invalid_context" | "invalid_plaintext";

/** Why a value could not be encrypted or decrypted. Names the context and key id, never the value. */
export class FieldCipherError extends Error {
  constructor(
    readonly reason: FieldCipherFailure,
    message: string,
    readonly context?: string,
    readonly keyId?: string,
  ) {
    super(message);
    this.name = "FieldCipherError";
  }
}

/**
 * The associated data: authenticated but not stored. Binding the context means a ciphertext
 * copied into another column (a phone into the account column, say) fails to decrypt.
 */
function associatedData(keyId: string, context: string): Buffer {
  return Buffer.from(`sunap.field.${VERSION}|${keyId}|${context}`, "utf8");
}

function checkContext(context: string): void {
  if (!CONTEXT_PATTERN.test(context)) {
    throw new FieldCipherError("invalid_context", "The encryption context must be 1–128 characters of A-Z a-z 0-9 _ . : - (e.g. \"payer.phone\")");
  }
}

// UTF-8 would silently turn a lone surrogate into U+FFFD, so such a string could not round-trip.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Encrypts under the keyring's active key, bound to `context`. */
export function encryptField(keyring: Keyring, plaintext: string, context: string): string {
  checkContext(context);
  if (LONE_SURROGATE.test(plaintext)) {
    throw new FieldCipherError("invalid_plaintext", `The value for ${context} is not well-formed Unicode (lone surrogate)`, context);
  }
  const keyId = keyring.activeKeyId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.activeKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

interface ParsedToken {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

// Strict decoding: Node's base64url decoder skips junk, which would let an altered token pass the format check.
function decodeBase64Url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}

function parseToken(token: string, context?: string): ParsedToken {
  const malformed = (what: string) => new FieldCipherError("malformed", `Not an encrypted field value${context ? ` for ${context}` : ""}: ${what}`, context);
  const parts = token.split(".");
  if (parts.length !== 5) throw malformed(`expected 5 dot-separated parts (v1.<keyId>.<iv>.<ciphertext>.<tag>), found ${parts.length}`);
  const [version, keyId, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  if (version !== VERSION) {
    throw new FieldCipherError("unsupported_version", `Unsupported encrypted value version${context ? ` for ${context}` : ""} (expected ${VERSION})`, context);
  }
  if (!KEY_ID_PATTERN.test(keyId)) throw malformed("the key id is not valid");
  const iv = decodeBase64Url(ivText);
  const ciphertext = decodeBase64Url(ciphertextText);
  const tag = decodeBase64Url(tagText);
  if (!iv || iv.length !== IV_BYTES) throw malformed(`the IV must be ${IV_BYTES} bytes of base64url`);
  if (!ciphertext) throw malformed("the ciphertext is not base64url");
  // A full-length tag is required: GCM would otherwise accept a truncated, easier-to-forge tag.
  if (!tag || tag.length !== TAG_BYTES) throw malformed(`the tag must be ${TAG_BYTES} bytes of base64url`);
  return { keyId, iv, ciphertext, tag };
}

/** Decrypts a token made by encryptField for the same context, with any key the keyring still holds. */
export function decryptField(keyring: Keyring, token: string, context: string): string {
  checkContext(context);
  const { keyId, iv, ciphertext, tag } = parseToken(token, context);
  const key = keyring.encryptionKey(keyId);
  if (!key) {
    throw new FieldCipherError(
      "unknown_key",
      `Cannot decrypt ${context}: key "${keyId}" is not configured (configured: ${keyring.keyIds.join(", ")}). Old keys must stay in SUNAP_ENCRYPTION_KEYS until rotate-keys has re-encrypted every value.`,
      context,
      keyId,
    );
  }
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(keyId, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new FieldCipherError(
      "authentication_failed",
      `Cannot decrypt ${context} with key "${keyId}": the value was altered, belongs to another field, or was encrypted with other key material under that id`,
      context,
      keyId,
    );
  }
}

/** The key id a token was encrypted with (throws FieldCipherError when it is not a token). */
export function keyIdOf(token: string): string {
  return parseToken(token).keyId;
}

/** True when the token was encrypted with a key other than the keyring's active one. */
export function needsRotation(keyring: Keyring, token: string): boolean {
  return keyIdOf(token) !== keyring.activeKeyId;
}
