import type { BusinessDate, Won } from "@sunap/core";
import { CmsFileError } from "../rail-error.ts";
import { decodeCp949, utf8HangulOffset } from "./cp949.ts";
import { decodeRecord, encodeRecord, type FieldValues, type RecordLayout } from "./fixed-width.ts";
import type { CmsFileType } from "./layouts.ts";

/** A batch file: who sends it, which file of the day it is, and its data records. */
export interface CmsFile<R> {
  orgCode: string;
  fileDate: BusinessDate;
  /** 1–999: the file number of that day; with the date and file type it identifies the file. */
  sequence: number;
  records: R[];
}

export interface RecordAmounts {
  requestedWon: Won;
  debitedWon: Won;
}

/** What one file type adds to the framing: its layouts and how records map to field values. */
export interface CmsFileFormat<R> {
  fileType: CmsFileType;
  layouts: { header: RecordLayout; trailer: RecordLayout; data: RecordLayout };
  toFields(record: R, recordNumber: number): FieldValues;
  fromFields(values: FieldValues, recordNumber: number): R;
  amounts(record: R): RecordAmounts;
}

const CRLF = Buffer.from("\r\n", "ascii");
const MAX_RECORDS = 99_999_998;
const MAX_TOTAL_WON = 999_999_999_999_999n;

/**
 * Header, data records and trailer, each a fixed number of bytes followed by CRLF (the last
 * record too). The trailer's count and totals are computed here, never taken from the caller.
 */
export function writeCmsFile<R>(format: CmsFileFormat<R>, file: CmsFile<R>): Buffer {
  const { header, trailer, data } = format.layouts;
  if (file.records.length > MAX_RECORDS) throw new CmsFileError("too_many_records", 0, { max: MAX_RECORDS });
  if (!Number.isInteger(file.sequence) || file.sequence < 1 || file.sequence > 999) {
    throw new CmsFileError("invalid_code", 1, { value: String(file.sequence) }, "sequence");
  }
  const lines: Buffer[] = [
    encodeRecord(header, { orgCode: file.orgCode, fileType: format.fileType, fileDate: file.fileDate, sequence: String(file.sequence) }, 1),
  ];
  let requestedWon = 0n;
  let debitedWon = 0n;
  file.records.forEach((record, index) => {
    const recordNumber = index + 2;
    const values = format.toFields(record, recordNumber);
    lines.push(encodeRecord(data, { ...values, serial: String(index + 1), orgCode: file.orgCode }, recordNumber));
    const amounts = format.amounts(record);
    requestedWon += amounts.requestedWon;
    debitedWon += amounts.debitedWon;
  });
  const trailerNumber = file.records.length + 2;
  for (const [field, total] of [["totalAmountRequested", requestedWon], ["totalAmountDebited", debitedWon]] as const) {
    if (total > MAX_TOTAL_WON) throw new CmsFileError("amount_out_of_range", trailerNumber, {}, field);
  }
  lines.push(
    encodeRecord(
      trailer,
      {
        orgCode: file.orgCode,
        recordCount: String(file.records.length),
        totalAmountRequested: requestedWon.toString(),
        totalAmountDebited: debitedWon.toString(),
      },
      trailerNumber,
    ),
  );
  return Buffer.concat(lines.flatMap((line) => [line, CRLF]));
}

interface RawRecord {
  number: number;
  bytes: Buffer;
  terminated: boolean;
}

function splitRecords(bytes: Buffer): RawRecord[] {
  const records: RawRecord[] = [];
  let start = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(CRLF, start);
    if (end < 0) {
      records.push({ number: records.length + 1, bytes: bytes.subarray(start), terminated: false });
      break;
    }
    records.push({ number: records.length + 1, bytes: bytes.subarray(start, end), terminated: true });
    start = end + CRLF.length;
  }
  return records;
}

function recordNumberAt(bytes: Buffer, offset: number): number {
  let number = 1;
  for (let i = bytes.indexOf(CRLF); i >= 0 && i < offset; i = bytes.indexOf(CRLF, i + CRLF.length)) number += 1;
  return number;
}

const TYPE_NAMES = { H: "header (H)", R: "data record (R)", T: "trailer (T)" } as const;

/**
 * Reads a whole file or refuses it whole: the first problem found, in record order, is thrown
 * as a CmsFileError naming the record (1 = header) and the reason.
 */
export function parseCmsFile<R>(format: CmsFileFormat<R>, input: Uint8Array): CmsFile<R> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length === 0) throw new CmsFileError("empty_file", 1);
  const utf8At = utf8HangulOffset(bytes);
  if (utf8At !== undefined) throw new CmsFileError("utf8_file", recordNumberAt(bytes, utf8At));

  const { header, trailer, data } = format.layouts;
  const raw = splitRecords(bytes);
  let file: Omit<CmsFile<R>, "records"> | undefined;
  const records: R[] = [];
  let requestedWon = 0n;
  let debitedWon = 0n;

  for (const record of raw) {
    const { number } = record;
    if (record.bytes.length < data.length) {
      throw new CmsFileError("record_too_short", number, { actual: record.bytes.length, expected: data.length });
    }
    if (record.bytes.length > data.length) {
      // A CR or LF right where the record should end: the file was saved with the wrong line endings.
      const next = record.bytes[data.length];
      if (next === 0x0a || next === 0x0d) throw new CmsFileError("wrong_line_ending", number);
      throw new CmsFileError("record_too_long", number, { actual: record.bytes.length, expected: data.length });
    }
    if (!record.terminated) throw new CmsFileError("unterminated_record", number);
    if (decodeCp949(record.bytes) === undefined) throw new CmsFileError("not_cp949", number);

    const type = String.fromCharCode(record.bytes[0] ?? 0);
    const found = /^[\x21-\x7e]$/.test(type) ? type : "?";
    if (!file) {
      if (type !== "H") throw new CmsFileError("record_order", number, { expected: TYPE_NAMES.H, found });
      const values = decodeRecord(header, record.bytes, number);
      if (values.fileType !== format.fileType) {
        throw new CmsFileError("wrong_file_type", number, { expected: format.fileType, found: values.fileType ?? "" }, "fileType");
      }
      const sequence = Number(values.sequence);
      if (sequence < 1) throw new CmsFileError("invalid_code", number, { value: values.sequence ?? "" }, "sequence");
      file = { orgCode: values.orgCode ?? "", fileDate: values.fileDate ?? "", sequence };
      continue;
    }
    if (type === "R") {
      const values = decodeRecord(data, record.bytes, number);
      if (values.orgCode !== file.orgCode) throw new CmsFileError("org_code_mismatch", number, {}, "orgCode");
      const expectedSerial = records.length + 1;
      if (Number(values.serial) !== expectedSerial) {
        throw new CmsFileError("serial_out_of_sequence", number, { actual: Number(values.serial), expected: expectedSerial }, "serial");
      }
      const parsed = format.fromFields(values, number);
      const amounts = format.amounts(parsed);
      requestedWon += amounts.requestedWon;
      debitedWon += amounts.debitedWon;
      records.push(parsed);
      continue;
    }
    if (type !== "T") throw new CmsFileError("record_order", number, { expected: `${TYPE_NAMES.R} or ${TYPE_NAMES.T}`, found });
    if (number !== raw.length) throw new CmsFileError("record_order", number + 1, { expected: "end of file", found: "more records" });
    const values = decodeRecord(trailer, record.bytes, number);
    if (values.orgCode !== file.orgCode) throw new CmsFileError("org_code_mismatch", number, {}, "orgCode");
    const declared = Number(values.recordCount);
    if (declared !== records.length) throw new CmsFileError("record_count_mismatch", number, { declared, actual: records.length }, "recordCount");
    for (const [field, actual] of [["totalAmountRequested", requestedWon], ["totalAmountDebited", debitedWon]] as const) {
      const declaredTotal = BigInt(values[field] ?? "0");
      if (declaredTotal !== actual) {
        throw new CmsFileError("amount_total_mismatch", number, { declared: declaredTotal.toString(), actual: actual.toString() }, field);
      }
    }
    return { ...file, records };
  }
  throw new CmsFileError("record_order", raw.length + 1, { expected: TYPE_NAMES.T, found: "end of file" });
}
