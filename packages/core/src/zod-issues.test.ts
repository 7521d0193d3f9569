import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, sourceFiles } from "./testing/source-files.ts";
import { z } from "zod";
import { translate } from "./messages.ts";
import { isMessageCode, issueMessage } from "./zod-issues.ts";

/** The message strings a schema gives zod: `.regex(re, "…")`, `.refine(fn, "…")`, `z.int("…")`, `{ message: "…" }`, `{ error: "…" }`. */
function zodMessages(text: string): string[] {
  const found: string[] = [];
  const checks = /\.(?:refine|regex|min|max|length|nonnegative|positive|negative|nonpositive|gte|lte|gt|lt|multipleOf|startsWith|endsWith|includes)\((?:[^()"]|\([^()]*\))*?"([^"]*)"\s*\)/g;
  const constructors = /\bz\.(?:string|number|int|bigint|boolean|date|email|uuid|url|array|object)\(\s*"([^"]*)"/g;
  const options = /\b(?:message|error):\s*"([^"]*)"/g;
  for (const pattern of [checks, constructors, options]) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

const ko = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected the value to be refused");
  const said = issueMessage(result.error.issues[0]!);
  return { code: said.code, ko: translate(said.code, "ko", said.params), en: translate(said.code, "en", said.params) };
};

describe("zod field messages", () => {
  it("says each kind of zod issue through a catalogue code, with its bounds filled in", () => {
    expect(ko(z.object({ name: z.string() }), {})).toMatchObject({ code: "input.required", ko: "필수 입력 항목입니다." });
    expect(ko(z.string().trim().min(1), "  ")).toMatchObject({ code: "input.required" });
    expect(ko(z.string().min(8), "abc")).toEqual({ code: "input.too_short", ko: "8자 이상 입력하세요.", en: "Enter at least 8 characters." });
    expect(ko(z.string().max(3), "abcd")).toMatchObject({ code: "input.too_long", ko: "3자 이하로 입력하세요." });
    expect(ko(z.number().min(1), 0)).toMatchObject({ code: "input.too_small", en: "Must be at least 1." });
    expect(ko(z.bigint().max(10n), 11n)).toMatchObject({ code: "input.too_big", ko: "10 이하여야 합니다." });
    expect(ko(z.number().positive(), 0)).toMatchObject({ code: "input.above", ko: "0보다 커야 합니다." });
    expect(ko(z.array(z.string()).max(2), ["a", "b", "c"])).toMatchObject({ code: "input.too_many", ko: "2개까지 입력할 수 있습니다." });
    expect(ko(z.array(z.string()).min(1), [])).toMatchObject({ code: "input.too_few" });
    expect(ko(z.int(), 1.5)).toMatchObject({ code: "input.not_integer" });
    expect(ko(z.number(), "7")).toMatchObject({ code: "input.not_a_number" });
    expect(ko(z.boolean(), "yes")).toMatchObject({ code: "input.wrong_type" });
    expect(ko(z.email(), "not-mail")).toMatchObject({ code: "input.bad_email" });
    expect(ko(z.string().regex(/^\d+$/), "x")).toMatchObject({ code: "input.bad_format" });
    expect(ko(z.enum(["paper", "recording"]), "fax")).toMatchObject({ code: "input.not_allowed", en: "This value is not allowed (allowed: paper, recording)." });
    expect(ko(z.object({}).strict(), { extra: 1 })).toMatchObject({ code: "input.unknown_keys", ko: "알 수 없는 항목입니다: extra" });
    expect(ko(z.string().refine(() => false), "x")).toMatchObject({ code: "input.invalid_value" });
  });

  it("keeps a schema's own message when it is a catalogue code", () => {
    expect(ko(z.string().regex(/^\d{6}$/, "input.otp_code"), "12")).toMatchObject({ code: "input.otp_code", ko: "인증번호 6자리 숫자를 입력하세요." });
    expect(ko(z.string().refine(() => false, { error: "money.negative" }), "-1")).toMatchObject({ code: "money.negative" });
  });

  it("finds no literal English message in the zod schemas of the routers, services and plugins: each one is a catalogue code", () => {
    const literal: string[] = [];
    const dirs = [path.join(REPO_ROOT, "packages/api/src"), path.join(REPO_ROOT, "apps/admin/src/enroll"), ...readdirSync(path.join(REPO_ROOT, "plugins")).map((p) => path.join(REPO_ROOT, "plugins", p, "src"))];
    for (const dir of dirs) {
      for (const file of sourceFiles(dir)) {
        const text = readFileSync(file, "utf8");
        if (!/from "zod"/.test(text)) continue;
        for (const message of zodMessages(text)) if (!isMessageCode(message)) literal.push(`${path.relative(REPO_ROOT, file)}: "${message}"`);
      }
    }
    expect(literal).toEqual([]);
  });

  it("finds the messages the scan is meant to catch", () => {
    expect(zodMessages(`z.string().regex(/^[A-Z]{2,20}$/, "2–20 letters"); z.int("whole days").min(0, "not negative"); ctx.addIssue({ code: "custom", message: "overlaps" })`)).toEqual(["2–20 letters", "not negative", "whole days", "overlaps"]);
  });
});
