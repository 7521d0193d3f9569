import path from "node:path";
import type { Logger } from "pino";
import { DEV_KEYS_WARNING, keyringFromConfig, loadOrCreateDevKeys, type Keyring } from "@sunap/db";
import type { Config } from "./config.ts";
import { REPO_ROOT } from "./paths.ts";

/**
 * The keys for personal data. Configured keys always win; only the embedded demo mode may make
 * its own (into .data/keys.json, with a warning). Anything else without keys refuses to start.
 */
export async function resolveKeyring(config: Config, embedded: boolean, log: Logger): Promise<Keyring> {
  const configured = config.SUNAP_ENCRYPTION_KEYS !== undefined || config.SUNAP_BLIND_INDEX_KEY !== undefined || config.SUNAP_ENCRYPTION_ACTIVE_KEY !== undefined;
  if (configured || !embedded) {
    return keyringFromConfig({
      SUNAP_ENCRYPTION_KEYS: config.SUNAP_ENCRYPTION_KEYS,
      SUNAP_ENCRYPTION_ACTIVE_KEY: config.SUNAP_ENCRYPTION_ACTIVE_KEY,
      SUNAP_BLIND_INDEX_KEY: config.SUNAP_BLIND_INDEX_KEY,
    });
  }
  const file = path.resolve(REPO_ROOT, config.SUNAP_DATA_DIR, "keys.json");
  const dev = await loadOrCreateDevKeys(file);
  if (dev.created) log.warn(DEV_KEYS_WARNING.replace("{file}", file));
  return dev.keyring;
}
