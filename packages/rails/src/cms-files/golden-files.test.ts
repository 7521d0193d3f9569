import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  SAMPLE_DEBIT_REQUEST,
  SAMPLE_DEBIT_RESULT,
  SAMPLE_REGISTRATION_REQUEST,
  SAMPLE_REGISTRATION_RESULT,
} from "../testing/sample-cms-files.ts";
import { parseDebitRequestFile, parseDebitResultFile, writeDebitRequestFile, writeDebitResultFile } from "./debit-files.ts";
import {
  parseRegistrationRequestFile,
  parseRegistrationResultFile,
  writeRegistrationRequestFile,
  writeRegistrationResultFile,
} from "./registration-files.ts";

/**
 * The golden files are CP949 bytes checked in as binary: a change to a layout or to the
 * encoding shows up as a byte difference here. After an intended change, regenerate them with
 * `UPDATE_GOLDEN=1 npx vitest run packages/rails/src/cms-files/golden-files.test.ts` and review the diff.
 */
const GOLDEN_DIR = path.resolve(import.meta.dirname, "../../test/golden");

const CASES = [
  { file: "eb13-registration-request.txt", write: () => writeRegistrationRequestFile(SAMPLE_REGISTRATION_REQUEST), parse: parseRegistrationRequestFile, sample: SAMPLE_REGISTRATION_REQUEST },
  { file: "eb14-registration-result.txt", write: () => writeRegistrationResultFile(SAMPLE_REGISTRATION_RESULT), parse: parseRegistrationResultFile, sample: SAMPLE_REGISTRATION_RESULT },
  { file: "eb21-debit-request.txt", write: () => writeDebitRequestFile(SAMPLE_DEBIT_REQUEST), parse: parseDebitRequestFile, sample: SAMPLE_DEBIT_REQUEST },
  { file: "eb22-debit-result.txt", write: () => writeDebitResultFile(SAMPLE_DEBIT_RESULT), parse: parseDebitResultFile, sample: SAMPLE_DEBIT_RESULT },
] as const;

function firstDifference(a: Buffer, b: Buffer): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : length;
}

describe("golden CMS files", () => {
  it.each(CASES)("regenerates $file byte for byte", ({ file, write }) => {
    const generated = write();
    const goldenPath = path.join(GOLDEN_DIR, file);
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenPath, generated);
    const golden = readFileSync(goldenPath);
    expect(firstDifference(generated, golden), `first differing byte of ${file}`).toBe(-1);
  });

  it.each(CASES)("parses $file into the sample it was made from", ({ file, parse, sample }) => {
    expect(parse(readFileSync(path.join(GOLDEN_DIR, file)))).toEqual(sample);
  });
});
