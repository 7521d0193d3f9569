import { describe, expect, it } from "vitest";
import { decryptField, encryptField, keyIdOf } from "./field-cipher.ts";
import { keyringOf, randomKeyBase64 } from "./keyring-fixtures.ts";
import { rotateRows, RotationError, rotateValue, type RotationSource } from "./rotation.ts";

const K2024 = randomKeyBase64();
const K2025 = randomKeyBase64();
const K2026 = randomKeyBase64();
const BLIND = randomKeyBase64();
const in2024 = keyringOf({ k2024: K2024 }, "k2024", BLIND);
const in2025 = keyringOf({ k2025: K2025, k2024: K2024 }, "k2025", BLIND);
const in2026 = keyringOf({ k2026: K2026, k2025: K2025, k2024: K2024 }, "k2026", BLIND);

const PHONE = "payer.phone";
const BIRTH = "payer.birth_date";

interface FakeRow {
  id: number;
  phone: string | null;
  birth: string | null;
}

/**
 * An in-memory table behind the two callbacks rotate-keys is given. saveRow is conditional,
 * as the real one should be, and can be told to crash after some saves.
 */
function fakeTable(rows: FakeRow[], options: { crashAfterSaves?: number } = {}) {
  const table = new Map(rows.map((r) => [r.id, { ...r }]));
  let saves = 0;
  const fetches: (number | undefined)[] = [];
  const source: RotationSource<number> = {
    async fetchBatch(afterId, limit) {
      fetches.push(afterId);
      return [...table.values()]
        .filter((r) => afterId === undefined || r.id > afterId)
        .sort((a, b) => a.id - b.id)
        .slice(0, limit)
        .map((r) => ({ id: r.id, tokens: { [PHONE]: r.phone, [BIRTH]: r.birth } }));
    },
    async saveRow(id, newTokens, previous) {
      if (options.crashAfterSaves !== undefined && saves >= options.crashAfterSaves) throw new Error("worker died");
      const row = table.get(id)!;
      if ((PHONE in previous && row.phone !== previous[PHONE]) || (BIRTH in previous && row.birth !== previous[BIRTH])) return false;
      if (newTokens[PHONE] !== undefined) row.phone = newTokens[PHONE];
      if (newTokens[BIRTH] !== undefined) row.birth = newTokens[BIRTH];
      saves += 1;
      return true;
    },
  };
  return { table, source, fetches, saveCount: () => saves };
}

function seedRows(count: number, keyringFor: (id: number) => typeof in2024): FakeRow[] {
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const keyring = keyringFor(id);
    return {
      id,
      phone: encryptField(keyring, `010-0000-${String(id).padStart(4, "0")}`, PHONE),
      birth: id % 3 === 0 ? null : encryptField(keyring, "1990-01-31", BIRTH),
    };
  });
}

describe("rotateValue", () => {
  it("re-encrypts a value under the active key, keeping its plaintext", () => {
    const old = encryptField(in2024, "010-1234-5678", PHONE);
    const rotated = rotateValue(in2026, old, PHONE);
    expect(keyIdOf(rotated)).toBe("k2026");
    expect(decryptField(in2026, rotated, PHONE)).toBe("010-1234-5678");
  });

  it("returns the same token when it is already under the active key", () => {
    const current = encryptField(in2026, "010-1234-5678", PHONE);
    expect(rotateValue(in2026, current, PHONE)).toBe(current);
  });

  it("still checks the context: a value from another column is not rotated", () => {
    const old = encryptField(in2024, "010-1234-5678", PHONE);
    expect(() => rotateValue(in2026, old, BIRTH)).toThrow(/Cannot decrypt payer.birth_date/);
  });
});

describe("rotateRows", () => {
  it("re-encrypts every value on an old key, batch by batch, and counts them by key id", async () => {
    const { table, source, fetches } = fakeTable(seedRows(25, (id) => (id <= 10 ? in2024 : id <= 20 ? in2025 : in2026)));
    const result = await rotateRows(source, in2026, { batchSize: 10 });

    expect(fetches).toEqual([undefined, 10, 20]);
    expect(result.rowsScanned).toBe(25);
    expect(result.rowsUpdated).toBe(20);
    // ids 3, 6, 9, … have no birth date: 10 rows on k2024 hold 10 phones + 7 birth dates, and so on.
    expect(result.valuesByKeyId).toEqual({ k2024: 17, k2025: 17, k2026: 8 });
    expect(result.rotatedByKeyId).toEqual({ k2024: 17, k2025: 17 });
    for (const row of table.values()) {
      expect(keyIdOf(row.phone!)).toBe("k2026");
      expect(decryptField(in2026, row.phone!, PHONE)).toBe(`010-0000-${String(row.id).padStart(4, "0")}`);
      if (row.birth) expect(decryptField(in2026, row.birth, BIRTH)).toBe("1990-01-31");
    }
  });

  it("is idempotent: a second run finds nothing to do and writes nothing", async () => {
    const { table, source, saveCount } = fakeTable(seedRows(12, () => in2024));
    await rotateRows(source, in2026, { batchSize: 5 });
    const snapshot = JSON.stringify([...table.values()]);
    const writesAfterFirstRun = saveCount();

    const again = await rotateRows(source, in2026, { batchSize: 5 });
    expect(again.rowsUpdated).toBe(0);
    expect(again.rotatedByKeyId).toEqual({});
    expect(again.valuesByKeyId).toEqual({ k2026: 20 });
    expect(saveCount()).toBe(writesAfterFirstRun);
    expect(JSON.stringify([...table.values()])).toBe(snapshot);
  });

  it("resumes after a crash, re-encrypting only what is still on an old key", async () => {
    const rows = seedRows(30, () => in2025);
    const crashing = fakeTable(rows, { crashAfterSaves: 13 });
    await expect(rotateRows(crashing.source, in2026, { batchSize: 8 })).rejects.toThrow("worker died");

    // The restarted process sees the same table: 13 rows already rotated, 17 left.
    const restarted = fakeTable([...crashing.table.values()]);
    const result = await rotateRows(restarted.source, in2026, { batchSize: 8 });
    expect(result.rowsUpdated).toBe(17);
    expect(result.valuesByKeyId.k2026).toBe(13 + 9); // 13 phones and the 9 birth dates among ids 1–13 with one
    expect([...restarted.table.values()].every((r) => keyIdOf(r.phone!) === "k2026")).toBe(true);
  });

  it("does not overwrite a row the application changed meanwhile, and reports it", async () => {
    const { table, source } = fakeTable(seedRows(3, () => in2024));
    const racing: RotationSource<number> = {
      fetchBatch: source.fetchBatch,
      async saveRow(id, newTokens, previous) {
        // The payer edits their phone between rotate-keys reading and writing row 2.
        if (id === 2) table.get(2)!.phone = encryptField(in2026, "010-9999-9999", PHONE);
        return source.saveRow(id, newTokens, previous);
      },
    };
    const result = await rotateRows(racing, in2026);
    expect(result.rowsChangedMeanwhile).toBe(1);
    expect(result.rowsUpdated).toBe(2);
    expect(decryptField(in2026, table.get(2)!.phone!, PHONE)).toBe("010-9999-9999");
  });

  it("names the row and column of a value it cannot decrypt, and keeps what it already saved", async () => {
    const rows = seedRows(4, () => in2024);
    rows[2]!.phone = encryptField(keyringOf({ k2023: randomKeyBase64() }, "k2023"), "010-1111-2222", PHONE);
    const { table, source } = fakeTable(rows);
    const error = await rotateRows(source, in2026, { batchSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationError);
    expect((error as RotationError).message).toMatch(/^Cannot rotate payer.phone of row 3: Cannot decrypt payer.phone: key "k2023" is not configured/);
    expect((error as RotationError).message).not.toContain("1111-2222");
    expect(keyIdOf(table.get(1)!.phone!)).toBe("k2026");
    expect(keyIdOf(table.get(2)!.phone!)).toBe("k2026");
  });

  it("stops with a clear error when fetchBatch ignores afterId instead of looping forever", async () => {
    const rows = seedRows(3, () => in2024).map((r) => ({ id: r.id, tokens: { [PHONE]: r.phone } }));
    const broken: RotationSource<number> = { fetchBatch: async () => rows, saveRow: async () => true };
    await expect(rotateRows(broken, in2026, { batchSize: 3 })).rejects.toThrow(/ids must be ascending/);
  });

  it("reports progress after each batch", async () => {
    const { source } = fakeTable(seedRows(7, () => in2024));
    const seen: number[] = [];
    await rotateRows(source, in2026, { batchSize: 3, onBatch: (p) => seen.push(p.rowsScanned) });
    expect(seen).toEqual([3, 6, 7]);
  });
});
