import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateDevKeys } from "./dev-keys.ts";
import { decryptField, encryptField } from "./field-cipher.ts";
import { KeyringConfigError } from "./keyring.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "sunap-dev-keys-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadOrCreateDevKeys", () => {
  it("creates the file once, readable by its owner only, and reuses it afterwards", async () => {
    const file = path.join(dir, ".data", "keys.json");
    const first = await loadOrCreateDevKeys(file);
    expect(first.created).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const second = await loadOrCreateDevKeys(file);
    expect(second.created).toBe(false);
    expect(second.config).toEqual(first.config);
    // What was encrypted before a restart still decrypts after it.
    expect(decryptField(second.keyring, encryptField(first.keyring, "010-1234-5678", "payer.phone"), "payer.phone")).toBe("010-1234-5678");
    expect(JSON.parse(await readFile(file, "utf8"))._warning).toMatch(/demo only/);
  });

  it("gives processes starting together the same keys, created by exactly one of them", async () => {
    const file = path.join(dir, "keys.json");
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKeys(file)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.config.SUNAP_ENCRYPTION_KEYS)).size).toBe(1);
  });

  it("refuses a damaged file, naming it, rather than silently making new keys", async () => {
    const file = path.join(dir, "keys.json");
    await writeFile(file, "{ not json");
    await expect(loadOrCreateDevKeys(file)).rejects.toThrow(`${file}: is not valid JSON`);
    await writeFile(file, JSON.stringify({ SUNAP_ENCRYPTION_KEYS: "dev1:short", SUNAP_ENCRYPTION_ACTIVE_KEY: "dev1", SUNAP_BLIND_INDEX_KEY: "" }));
    const error = await loadOrCreateDevKeys(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyringConfigError);
    expect((error as KeyringConfigError).problems.map((p) => p.variable)).toEqual([`SUNAP_ENCRYPTION_KEYS in ${file}`, `SUNAP_BLIND_INDEX_KEY in ${file}`]);
  });
});
