import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessDate, debitRequest, debitResult, orgCode, sequence } from "../testing/cms-arbitraries.ts";
import { SAMPLE_DEBIT_REQUEST, SAMPLE_DEBIT_RESULT } from "../testing/sample-cms-files.ts";
import { parseDebitRequestFile, parseDebitResultFile, writeDebitRequestFile, writeDebitResultFile, type DebitRequest, type DebitResult } from "./debit-files.ts";
import { DEBIT_RECORD_LENGTH } from "./layouts.ts";

const LINE = DEBIT_RECORD_LENGTH + 2;
const line = (bytes: Buffer, index: number) => bytes.subarray(index * LINE, index * LINE + DEBIT_RECORD_LENGTH).toString("latin1");

describe("debit request files (EB21)", () => {
  it("writes 150-byte records and a trailer with the count and the amount total", () => {
    const bytes = writeDebitRequestFile(SAMPLE_DEBIT_REQUEST);
    expect(bytes.length).toBe(5 * LINE);
    expect(line(bytes, 1).slice(58, 71)).toBe("0000000055000");
    expect(line(bytes, 1).slice(84, 85)).toBe("F");
    expect(line(bytes, 3).slice(84, 93)).toBe("P20261125");
    expect(line(bytes, 4).slice(19, 57)).toBe("00000003" + "000000001319568" + "0".repeat(15));
  });

  it("reads back exactly what it wrote, bigint amounts and Hangul memo included", () => {
    expect(parseDebitRequestFile(writeDebitRequestFile(SAMPLE_DEBIT_REQUEST))).toEqual(SAMPLE_DEBIT_REQUEST);
  });

  it("round-trips any valid file (property)", () => {
    fc.assert(
      fc.property(orgCode, businessDate, sequence, fc.array(debitRequest, { maxLength: 20 }), (org, fileDate, seq, records) => {
        const file = { orgCode: org, fileDate, sequence: seq, records };
        expect(parseDebitRequestFile(writeDebitRequestFile(file))).toEqual(file);
      }),
    );
  });

  it("writes a file with no records as header and trailer only", () => {
    const empty = { ...SAMPLE_DEBIT_REQUEST, records: [] };
    expect(parseDebitRequestFile(writeDebitRequestFile(empty))).toEqual(empty);
  });

  it.each<[string, Partial<DebitRequest>, string]>([
    ["a zero amount", { amountWon: 0n }, "cms_file.amount_out_of_range"],
    ["a negative amount", { amountWon: -5n }, "cms_file.amount_out_of_range"],
    ["an amount over 13 digits", { amountWon: 10_000_000_000_000n }, "cms_file.amount_out_of_range"],
    ["a reference over 20 bytes", { reference: "R".repeat(21) }, "cms_file.value_too_long"],
    ["a memo with a character CP949 lacks", { passbookMemo: "후원🙏" }, "cms_file.unencodable"],
    ["an unknown debit type", { debitType: "sometimes" as DebitRequest["debitType"] }, "cms_file.invalid_code"],
  ])("refuses to write %s", (_, change, code) => {
    const file = { ...SAMPLE_DEBIT_REQUEST, records: [{ ...SAMPLE_DEBIT_REQUEST.records[0]!, ...change }] };
    expect(() => writeDebitRequestFile(file)).toThrowError(code);
  });

  it("cuts a long passbook memo to 16 bytes between syllables", () => {
    const record = { ...SAMPLE_DEBIT_REQUEST.records[0]!, passbookMemo: "수납헬스클럽강남점정기회비" };
    const parsed = parseDebitRequestFile(writeDebitRequestFile({ ...SAMPLE_DEBIT_REQUEST, records: [record] }));
    expect(parsed.records[0]?.passbookMemo).toBe("수납헬스클럽강남");
  });
});

describe("debit result files (EB22)", () => {
  it("writes what was debited, Y/P/N and the reason, and totals both amounts", () => {
    const bytes = writeDebitResultFile(SAMPLE_DEBIT_RESULT);
    expect([1, 2, 3].map((i) => line(bytes, i).slice(129, 147))).toEqual(["0000000055000Y0000", "0000000000000ND001", "0000000015000PD001"]);
    expect(line(bytes, 4).slice(27, 57)).toBe("000000001319568" + "000000000070000");
    expect(parseDebitResultFile(bytes)).toEqual(SAMPLE_DEBIT_RESULT);
  });

  it("round-trips any valid result file (property)", () => {
    fc.assert(
      fc.property(orgCode, businessDate, sequence, fc.array(debitResult, { maxLength: 20 }), (org, fileDate, seq, records) => {
        const file = { orgCode: org, fileDate, sequence: seq, records };
        expect(parseDebitResultFile(writeDebitResultFile(file))).toEqual(file);
      }),
    );
  });

  const base = SAMPLE_DEBIT_RESULT.records[2]!;
  it.each<[string, Partial<DebitResult>]>([
    ["a full debit of less than requested", { outcome: "debited", debitedWon: 100n, reason: null }],
    ["a full debit with a reason", { outcome: "debited", debitedWon: base.amountWon, reason: "insufficient_funds" }],
    ["a partial debit of everything", { outcome: "partial", debitedWon: base.amountWon }],
    ["a partial debit of nothing", { outcome: "partial", debitedWon: 0n }],
    ["a partial debit the request did not allow", { debitType: "full_only" }],
    ["a failed debit that took money", { outcome: "failed", debitedWon: 1n }],
    ["a failed debit without a reason", { outcome: "failed", debitedWon: 0n, reason: null }],
  ])("refuses %s", (_, change) => {
    expect(() => writeDebitResultFile({ ...SAMPLE_DEBIT_RESULT, records: [{ ...base, ...change }] })).toThrowError("cms_file.inconsistent_result");
  });
});
