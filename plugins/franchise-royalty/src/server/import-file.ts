import { DomainError } from "@sunap/core";

/** The largest sales file accepted (5 MiB): tens of thousands of rows, far more than a month of stores. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The uploaded file's bytes and kind: `.csv`, `.tsv` or `.txt` read as CSV, `.xlsx` as a workbook
 * (and it must be one: a zip). Anything else, or a file over 5 MiB, is refused before parsing.
 */
export function decodeImportFile(fileName: string, contentBase64: string): { name: string; bytes: Uint8Array; kind: "csv" | "xlsx" } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const kind = extension === "xlsx" ? "xlsx" : ["csv", "tsv", "txt"].includes(extension) ? "csv" : null;
  if (!kind) throw new DomainError("INVALID", "royalty.import.unsupported_type", { fileName }, "file");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) throw new DomainError("INVALID", "royalty.import.bad_encoding", {}, "file");
  const bytes = new Uint8Array(Buffer.from(contentBase64, "base64"));
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DomainError("INVALID", "royalty.import.too_large", { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 }, "file");
  if (bytes.byteLength === 0) throw new DomainError("INVALID", "royalty.import.empty", {}, "file");
  if (kind === "xlsx" && !XLSX_MAGIC.every((b, i) => bytes[i] === b)) throw new DomainError("INVALID", "royalty.import.unsupported_type", { fileName }, "file");
  return { name: fileName, bytes, kind };
}
