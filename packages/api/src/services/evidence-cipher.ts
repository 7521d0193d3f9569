import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "@sunap/db";

/**
 * Evidence bytes at rest: AES-256-GCM under the keyring's active key, bound to the file's
 * SHA-256 as associated data. Layout: 12-byte IV, ciphertext, 16-byte tag. The key id is kept
 * beside it (evidence_file.key_id) so keys can rotate.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

function aad(keyId: string, sha256: string): Buffer {
  return Buffer.from(`sunap.evidence.v1|${keyId}|${sha256}`, "utf8");
}

export function encryptEvidence(keyring: Keyring, bytes: Uint8Array, sha256: string): { keyId: string; content: Uint8Array<ArrayBuffer> } {
  const keyId = keyring.activeKeyId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.activeKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(keyId, sha256));
  const content = Buffer.concat([iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
  return { keyId, content: new Uint8Array(content) };
}

export function decryptEvidence(keyring: Keyring, keyId: string, content: Uint8Array, sha256: string): Buffer {
  const key = keyring.encryptionKey(keyId);
  if (!key) throw new Error(`evidence key ${keyId} is not configured`);
  const data = Buffer.from(content);
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(keyId, sha256));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
}
