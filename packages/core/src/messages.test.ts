import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, sourceFiles } from "./testing/source-files.ts";
import { MESSAGES, translate } from "./messages.ts";
import { passwordProblems } from "./password-policy.ts";
import { parseWon } from "./money.ts";

describe("message catalogue", () => {
  it("has a Korean and an English message for every error code the code throws", () => {
    const missing: string[] = [];
    for (const dir of ["packages", "apps", "plugins"]) {
      for (const file of sourceFiles(path.join(REPO_ROOT, dir))) {
        const text = readFileSync(file, "utf8");
        for (const match of text.matchAll(/new DomainError\(\s*"[A-Z_]+",\s*"([a-z0-9_.]+)"/g)) {
          if (!(match[1]! in MESSAGES)) missing.push(`${match[1]} (${path.relative(REPO_ROOT, file)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("covers the codes that password and money checks return", () => {
    const codes = [...passwordProblems("a", "abc@x.kr"), ...["1.5", "-1", "x", ""].map((v) => (parseWon(v) as { code: string }).code)];
    for (const code of codes) expect(MESSAGES).toHaveProperty([code]);
  });

  it("fills placeholders from the error's parameters", () => {
    expect(translate("ledger.period_closed", "ko", { month: "2026-10" })).toBe("2026-10 회계기간은 마감되어 전표를 입력할 수 없습니다.");
    expect(translate("ledger.period_closed", "en", { month: "2026-10" })).toBe("The accounting period 2026-10 is closed: no entries can be dated in it.");
  });
});
