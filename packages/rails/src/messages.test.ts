import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RAIL_MESSAGES } from "./messages.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("rail message catalogue", () => {
  it("has Korean and English text for every code the package throws or returns", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(import.meta.dirname)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/new RailError\(\s*"[A-Z_]+",\s*"([a-z0-9_.]+)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/new CmsFileError\(\s*"([a-z0-9_]+)"/g)) used.add(`cms_file.${m[1]}`);
      for (const m of text.matchAll(/fail\("([a-z0-9_]+)"/g)) used.add(`cms_file.${m[1]}`);
      for (const m of text.matchAll(/"(account\.[a-z_]+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((code) => !(code in RAIL_MESSAGES))).toEqual([]);
    for (const [code, { ko, en }] of Object.entries(RAIL_MESSAGES)) {
      expect(ko.trim(), code).not.toBe("");
      expect(en.trim(), code).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, { ko, en }] of Object.entries(RAIL_MESSAGES)) {
      if (code === "cms_file.inconsistent_result") continue; // the Korean text omits the English-only detail
      expect(placeholders(ko), code).toEqual(placeholders(en));
    }
  });

  it("fills placeholders from a file error's parameters", () => {
    const catalogue = RAIL_MESSAGES["cms_file.record_too_short"];
    expect(catalogue.en.replace(/\{(\w+)\}/g, (_, k: string) => String({ record: 3, actual: 99, expected: 150 }[k]))).toBe(
      "Record 3 is 99 bytes instead of 150: it is truncated.",
    );
  });
});
