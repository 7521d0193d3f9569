import { isBusinessDate } from "@sunap/core";
import { CmsFileError } from "../rail-error.ts";
import { decodeCp949, encodeCp949Prefix } from "./cp949.ts";

/**
 * How a field is written:
 * - numeric: digits, right-aligned, zero-padded (serials, counts, amounts);
 * - digits: digits, left-aligned, space-padded (account and birth/business numbers);
 * - date: YYYYMMDD;
 * - code: printable ASCII without spaces, left-aligned, space-padded, never truncated;
 * - text: CP949, left-aligned, space-padded, cut by bytes between characters when too long;
 * - constant: a fixed value (the record type);
 * - filler: spaces.
 */
export type FieldType = "numeric" | "digits" | "date" | "code" | "text" | "constant" | "filler";

export interface FieldSpec {
  name: string;
  length: number;
  type: FieldType;
  /** Blank is refused (digits, code, text). */
  required?: boolean;
  /** For constant fields. */
  value?: string;
  meaning: string;
}

export interface RecordLayout {
  name: string;
  length: number;
  fields: readonly (FieldSpec & { position: number })[];
}

/** A layout whose field lengths must add up to the record length: checked when the module loads. */
export function defineLayout(name: string, length: number, fields: readonly FieldSpec[]): RecordLayout {
  let position = 1;
  const placed = fields.map((field) => {
    const at = { ...field, position };
    position += field.length;
    return at;
  });
  if (position - 1 !== length) throw new Error(`layout ${name}: fields add up to ${position - 1} bytes, not ${length}`);
  return { name, length, fields: placed };
}

export type FieldValues = Record<string, string>;

const SPACE = 0x20;
const PRINTABLE_CODE = /^[\x21-\x7e]*$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL = /[\x00-\x1f\x7f]/;

function toFileDate(value: string): string | undefined {
  return isBusinessDate(value) ? value.replaceAll("-", "") : undefined;
}

function fromFileDate(value: string): string | undefined {
  if (!/^\d{8}$/.test(value)) return undefined;
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return isBusinessDate(date) ? date : undefined;
}

function encodeField(field: FieldSpec, raw: string | undefined, recordNumber: number): Buffer {
  const value = raw ?? "";
  const padded = (bytes: Buffer, fill: "left" | "right" = "right") => {
    if (bytes.length > field.length) throw new CmsFileError("value_too_long", recordNumber, { max: field.length }, field.name);
    const padding = Buffer.alloc(field.length - bytes.length, fill === "left" ? "0" : " ");
    return fill === "left" ? Buffer.concat([padding, bytes]) : Buffer.concat([bytes, padding]);
  };
  switch (field.type) {
    case "constant":
      return padded(Buffer.from(field.value ?? "", "ascii"));
    case "filler":
      return Buffer.alloc(field.length, " ");
    case "numeric":
      if (!/^\d+$/.test(value)) throw new CmsFileError("not_numeric", recordNumber, {}, field.name);
      return padded(Buffer.from(value, "ascii"), "left");
    case "digits":
      if (!/^\d*$/.test(value)) throw new CmsFileError("not_numeric", recordNumber, {}, field.name);
      if (field.required && value === "") throw new CmsFileError("blank_required", recordNumber, {}, field.name);
      return padded(Buffer.from(value, "ascii"));
    case "date": {
      const date = toFileDate(value);
      if (!date) throw new CmsFileError("invalid_date", recordNumber, {}, field.name);
      return padded(Buffer.from(date, "ascii"));
    }
    case "code":
      if (!PRINTABLE_CODE.test(value)) throw new CmsFileError("invalid_character", recordNumber, {}, field.name);
      if (field.required && value === "") throw new CmsFileError("blank_required", recordNumber, {}, field.name);
      return padded(Buffer.from(value, "ascii"));
    case "text": {
      if (CONTROL.test(value)) throw new CmsFileError("invalid_character", recordNumber, {}, field.name);
      const bytes = encodeCp949Prefix(value, field.length);
      if (!bytes) throw new CmsFileError("unencodable", recordNumber, {}, field.name);
      if (field.required && bytes.toString("latin1").trim() === "") throw new CmsFileError("blank_required", recordNumber, {}, field.name);
      return padded(bytes);
    }
  }
}

/** One record's bytes; every value is checked against its field before anything is written. */
export function encodeRecord(layout: RecordLayout, values: FieldValues, recordNumber: number): Buffer {
  return Buffer.concat(
    layout.fields.map((field) => encodeField(field, values[field.name], recordNumber)),
    layout.length,
  );
}

function decodeField(field: FieldSpec, bytes: Buffer, recordNumber: number): string {
  const fail = (problem: ConstructorParameters<typeof CmsFileError>[0], params: Record<string, string> = {}): never => {
    throw new CmsFileError(problem, recordNumber, params, field.name);
  };
  const ascii = bytes.toString("latin1");
  switch (field.type) {
    case "constant":
      return ascii.trimEnd() === field.value ? ascii.trimEnd() : fail("invalid_code", { value: printable(ascii) });
    case "filler":
      return bytes.every((b) => b === SPACE) ? "" : fail("filler_not_blank");
    case "numeric":
      return /^\d+$/.test(ascii) ? ascii : fail("not_numeric");
    case "digits": {
      if (!/^\d* *$/.test(ascii)) fail("not_numeric");
      const value = ascii.trimEnd();
      return field.required && value === "" ? fail("blank_required") : value;
    }
    case "date":
      return fromFileDate(ascii) ?? fail("invalid_date");
    case "code": {
      if (!/^[\x21-\x7e]* *$/.test(ascii)) fail("invalid_character");
      const value = ascii.trimEnd();
      return field.required && value === "" ? fail("blank_required") : value;
    }
    case "text": {
      const text = decodeCp949(bytes);
      if (text === undefined) return fail("not_cp949");
      if (CONTROL.test(text)) fail("invalid_character");
      const value = text.replace(/ +$/, "");
      return field.required && value.trim() === "" ? fail("blank_required") : value;
    }
  }
}

/** A field value fit for an error message: ASCII only, so no personal text leaks through. */
function printable(value: string): string {
  return value.replace(/[^\x21-\x7e]/g, "?");
}

/** The values of one record whose length and encoding are already known good. */
export function decodeRecord(layout: RecordLayout, bytes: Buffer, recordNumber: number): FieldValues {
  const values: FieldValues = {};
  for (const field of layout.fields) {
    const start = field.position - 1;
    values[field.name] = decodeField(field, bytes.subarray(start, start + field.length), recordNumber);
  }
  return values;
}
