import { randomBytes } from "node:crypto";
import { keyringFromConfig, type Keyring } from "./keyring.ts";

/** Test helper: base64 of 32 fresh random bytes. */
export const randomKeyBase64 = (): string => randomBytes(32).toString("base64");

/**
 * Test helper: a keyring from explicit base64 keys, so two keyrings can share key material
 * (the same key before and after a rotation).
 */
export function keyringOf(keys: Record<string, string>, activeKeyId: string, blindIndexKey: string = randomKeyBase64()): Keyring {
  return keyringFromConfig({
    SUNAP_ENCRYPTION_KEYS: Object.entries(keys)
      .map(([id, key]) => `${id}:${key}`)
      .join(","),
    SUNAP_ENCRYPTION_ACTIVE_KEY: activeKeyId,
    SUNAP_BLIND_INDEX_KEY: blindIndexKey,
  });
}
