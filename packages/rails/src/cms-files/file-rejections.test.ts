import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { CmsFileError } from "../rail-error.ts";
import { SAMPLE_DEBIT_REQUEST, SAMPLE_DEBIT_RESULT, SAMPLE_REGISTRATION_REQUEST } from "../testing/sample-cms-files.ts";
import { parseDebitRequestFile, writeDebitRequestFile, writeDebitResultFile } from "./debit-files.ts";
import { DEBIT_RECORD_LENGTH } from "./layouts.ts";
import { parseRegistrationRequestFile, writeRegistrationRequestFile } from "./registration-files.ts";

/** A 3-record debit file: record 1 is the header, 2–4 the data, 5 the trailer. */
const GOOD = writeDebitRequestFile(SAMPLE_DEBIT_REQUEST);
const LINE = DEBIT_RECORD_LENGTH + 2;

/** Where a field of a record starts (record numbers and positions as in the layout docs). */
const at = (record: number, position: number) => (record - 1) * LINE + position - 1;

function patched(edit: (bytes: Buffer) => Buffer | void): Buffer {
  const copy = Buffer.from(GOOD);
  return edit(copy) ?? copy;
}

function rejection(bytes: Uint8Array, parse: (b: Uint8Array) => unknown = parseDebitRequestFile): CmsFileError {
  try {
    parse(bytes);
  } catch (error) {
    if (error instanceof CmsFileError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("a corrupted file is rejected whole, naming the record and the reason", () => {
  it.each<[string, () => Buffer, number, string, string?]>([
    ["a trailer count that is off by one", () => patched((b) => void b.write("00000004", at(5, 20), "latin1")), 5, "record_count_mismatch", "recordCount"],
    [
      "a trailer total that differs from the records",
      () => patched((b) => void b.write("000000001319569", at(5, 28), "latin1")),
      5,
      "amount_total_mismatch",
      "totalAmountRequested",
    ],
    ["a record cut short", () => Buffer.concat([GOOD.subarray(0, at(3, 100)), Buffer.from("\r\n"), GOOD.subarray(at(4, 1))]), 3, "record_too_short"],
    ["a file cut in the middle of a record", () => GOOD.subarray(0, at(4, 80)), 4, "record_too_short"],
    ["a file cut after a record's last byte, before its CRLF", () => GOOD.subarray(0, GOOD.length - 2), 5, "unterminated_record"],
    ["a file without its trailer", () => GOOD.subarray(0, at(5, 1)), 5, "record_order"],
    ["a record with one byte too many", () => Buffer.concat([GOOD.subarray(0, at(3, 60)), Buffer.from("0"), GOOD.subarray(at(3, 60))]), 3, "record_too_long"],
    ["LF line endings instead of CRLF", () => Buffer.from(GOOD.toString("latin1").replaceAll("\r\n", "\n"), "latin1"), 1, "wrong_line_ending"],
    ["a data record before the header", () => Buffer.concat([GOOD.subarray(at(2, 1), at(3, 1)), GOOD.subarray(0, at(2, 1)), GOOD.subarray(at(3, 1))]), 1, "record_order"],
    ["a second header", () => Buffer.concat([GOOD.subarray(0, at(2, 1)), GOOD.subarray(0, at(2, 1)), GOOD.subarray(at(2, 1))]), 2, "record_order"],
    ["a record after the trailer", () => Buffer.concat([GOOD, GOOD.subarray(at(2, 1), at(3, 1))]), 6, "record_order"],
    ["an unknown record type", () => patched((b) => void b.write("X", at(3, 1), "latin1")), 3, "record_order"],
    ["a letter in the amount", () => patched((b) => void b.write("A", at(3, 65), "latin1")), 3, "not_numeric", "amountRequested"],
    ["a letter in the account number", () => patched((b) => void b.write("O", at(2, 45), "latin1")), 2, "not_numeric", "accountNumber"],
    ["a space inside the serial number", () => patched((b) => void b.write(" ", at(4, 5), "latin1")), 4, "not_numeric", "serial"],
    ["a serial number out of order", () => patched((b) => void b.write("00000009", at(3, 2), "latin1")), 3, "serial_out_of_sequence", "serial"],
    ["a debit date of February 30", () => patched((b) => void b.write("20260230", at(2, 86), "latin1")), 2, "invalid_date", "debitDate"],
    ["another institution's record", () => patched((b) => void b.write("1111111111", at(4, 10), "latin1")), 4, "org_code_mismatch", "orgCode"],
    ["something written into the filler", () => patched((b) => void b.write("X", at(2, 140), "latin1")), 2, "filler_not_blank", "filler"],
    ["bytes that are not CP949", () => patched((b) => void b.set([0xff, 0xfe], at(3, 94))), 3, "not_cp949"],
    ["an unassigned CP949 code point", () => patched((b) => void b.set([0xc9, 0xa1], at(2, 94))), 2, "not_cp949"],
    ["a Hangul character split across two fields", () => patched((b) => void b.set([0x41, 0xb0, 0xa1], at(2, 108))), 2, "not_cp949", "passbookMemo"],
    ["a control character in the memo", () => patched((b) => void b.set([0x07], at(2, 104))), 2, "invalid_character", "passbookMemo"],
    ["a full resident registration number", () => patched((b) => void b.write("9001011234567", at(2, 72), "latin1")), 2, "invalid_identity_number", "birthOrBusinessNumber"],
    ["a zero amount", () => patched((b) => void b.write("0000000000000", at(2, 59), "latin1")), 2, "amount_out_of_range", "amountRequested"],
  ])("%s", (_, corrupt, recordNumber, problem, field) => {
    const error = rejection(corrupt());
    expect(error).toMatchObject({ recordNumber, problem, code: `cms_file.${problem}` });
    if (field) expect(error.params.field).toBe(field);
  });

  it("rejects a file saved as UTF-8, at the first record with Hangul", () => {
    const utf8 = Buffer.from(iconv.decode(GOOD, "cp949"), "utf8");
    expect(rejection(utf8)).toMatchObject({ recordNumber: 2, problem: "utf8_file" });
    expect(rejection(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), GOOD]))).toMatchObject({ recordNumber: 1, problem: "utf8_file" });
  });

  it("rejects an empty file", () => {
    expect(rejection(Buffer.alloc(0))).toMatchObject({ recordNumber: 1, problem: "empty_file" });
  });

  it("rejects a result file given where a request file is expected", () => {
    const result = writeDebitResultFile(SAMPLE_DEBIT_RESULT);
    expect(rejection(result)).toMatchObject({ recordNumber: 1, problem: "wrong_file_type", params: { expected: "EB21", found: "EB22" } });
  });

  it("rejects a debit file given to the registration parser by its record length", () => {
    expect(rejection(GOOD, parseRegistrationRequestFile)).toMatchObject({ recordNumber: 1, problem: "record_too_long" });
  });

  it("never puts an account number or a name into the error", () => {
    const error = rejection(patched((b) => void b.write("A", at(2, 45), "latin1")));
    const text = JSON.stringify(error.params) + error.message;
    expect(text).not.toContain("3333123456789");
    expect(text).not.toContain("3333");
  });

  it("accepts the untouched file, so each case above fails for its own reason", () => {
    expect(parseDebitRequestFile(GOOD).records).toHaveLength(3);
    expect(parseRegistrationRequestFile(writeRegistrationRequestFile(SAMPLE_REGISTRATION_REQUEST)).records).toHaveLength(4);
  });
});
