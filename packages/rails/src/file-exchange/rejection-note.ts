import { RAIL_MESSAGES } from "../messages.ts";
import { CmsFileError, RailError } from "../rail-error.ts";

/** Why a result file was refused, as the operator reads it next to the file. */
export interface Rejection {
  /** The name the file arrived under. */
  file: string;
  code: string;
  params: Record<string, string | number>;
  /** The record that failed (1 = header), for a file that does not read as a CMS file. */
  recordNumber?: number;
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => String(params[key] ?? whole));

export function rejectionOf(file: string, error: RailError): Rejection {
  return { file, code: error.code, params: error.params, ...(error instanceof CmsFileError ? { recordNumber: error.recordNumber } : {}) };
}

/** The `.reason.txt` beside a rejected file: the code, the record, and the message in both languages. */
export function rejectionNote(rejection: Rejection, rejectedAt: Date): string {
  const text = (RAIL_MESSAGES as Record<string, { ko: string; en: string } | undefined>)[rejection.code];
  const lines = [
    `file: ${rejection.file}`,
    `rejected at: ${rejectedAt.toISOString()}`,
    `code: ${rejection.code}`,
    ...(rejection.recordNumber !== undefined ? [`record: ${rejection.recordNumber}`] : []),
    `reason: ${text ? fill(text.en, rejection.params) : rejection.code}`,
    `사유: ${text ? fill(text.ko, rejection.params) : rejection.code}`,
    "The whole file was refused: nothing in it was applied. Ask the bank side for a corrected file and put that into inbound.",
  ];
  return `${lines.join("\n")}\n`;
}
