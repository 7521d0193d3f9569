import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEBIT_LAYOUTS, REGISTRATION_LAYOUTS } from "./cms-files/layouts.ts";
import { layoutTable, reasonTable, sandboxRuleTable } from "./doc-tables.ts";

const docs = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../docs", name), "utf8");

describe("the documentation", () => {
  const layouts = docs("cms-file-layouts.md");

  it.each([
    ["registration header", REGISTRATION_LAYOUTS.header],
    ["registration trailer", REGISTRATION_LAYOUTS.trailer],
    ["EB13 record", REGISTRATION_LAYOUTS.request],
    ["EB14 record", REGISTRATION_LAYOUTS.result],
    ["debit header", DEBIT_LAYOUTS.header],
    ["debit trailer", DEBIT_LAYOUTS.trailer],
    ["EB21 record", DEBIT_LAYOUTS.request],
    ["EB22 record", DEBIT_LAYOUTS.result],
  ])("shows the %s exactly as the code lays it out", (_, layout) => {
    expect(layouts).toContain(layoutTable(layout));
  });

  it("lists every result code the files carry", () => {
    expect(layouts).toContain(reasonTable());
  });

  it("describes the sandbox bank's account-number table as the code applies it", () => {
    expect(docs("sandbox-bank.md")).toContain(sandboxRuleTable());
  });
});
