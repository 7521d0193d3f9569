import type { BusinessDate, Won } from "@sunap/core";
import { CMS_REASONS, NO_REASON_CODE, reasonForCode, type CmsReason } from "../cms-reasons.ts";
import { CmsFileError } from "../rail-error.ts";
import { parseCmsFile, writeCmsFile, type CmsFile, type CmsFileFormat } from "./cms-file.ts";
import type { FieldValues } from "./fixed-width.ts";
import { DEBIT_LAYOUTS } from "./layouts.ts";
import { bankCode, codeFor, identityNumber, valueFor } from "./record-codes.ts";

export type DebitType = "full_only" | "partial_allowed";
export type DebitOutcome = "debited" | "partial" | "failed";

/** One line of an EB21 file: debit this amount from a registered account on the debit date. */
export interface DebitRequest {
  payerNumber: string;
  bankCode: string;
  accountNumber: string;
  amountWon: Won;
  /** Birth date YYMMDD or business number; "" when not sent. */
  birthOrBusinessNumber: string;
  debitType: DebitType;
  debitDate: BusinessDate;
  /** What the payer's passbook shows (통장기재내용); cut to 16 bytes. */
  passbookMemo: string;
  /** The institution's own id for this debit; echoed in the result so it can be matched. */
  reference: string;
}

/** One line of an EB22 file: the request echoed with what was actually debited. */
export interface DebitResult extends DebitRequest {
  outcome: DebitOutcome;
  debitedWon: Won;
  /** Null when debited in full. */
  reason: CmsReason | null;
}

export type DebitRequestFile = CmsFile<DebitRequest>;
export type DebitResultFile = CmsFile<DebitResult>;

const DEBIT_TYPES = { full_only: "F", partial_allowed: "P" } as const satisfies Record<DebitType, string>;
const OUTCOMES = { debited: "Y", partial: "P", failed: "N" } as const satisfies Record<DebitOutcome, string>;
/** 13 digits in the file. */
const MAX_AMOUNT_WON = 9_999_999_999_999n;

function amountField(amountWon: Won, recordNumber: number, field: string, minimum: Won): string {
  if (typeof amountWon !== "bigint" || amountWon < minimum || amountWon > MAX_AMOUNT_WON) {
    throw new CmsFileError("amount_out_of_range", recordNumber, {}, field);
  }
  return amountWon.toString();
}

function requestFields(record: DebitRequest, recordNumber: number): FieldValues {
  return {
    payerNumber: record.payerNumber,
    bankCode: bankCode(record.bankCode, recordNumber),
    accountNumber: record.accountNumber,
    amountRequested: amountField(record.amountWon, recordNumber, "amountRequested", 1n),
    birthOrBusinessNumber: identityNumber(record.birthOrBusinessNumber, recordNumber, false),
    debitType: codeFor(DEBIT_TYPES, record.debitType, recordNumber, "debitType"),
    debitDate: record.debitDate,
    passbookMemo: record.passbookMemo,
    reference: record.reference,
  };
}

function requestFrom(values: FieldValues, recordNumber: number): DebitRequest {
  const amountWon = BigInt(values.amountRequested ?? "0");
  if (amountWon < 1n) throw new CmsFileError("amount_out_of_range", recordNumber, {}, "amountRequested");
  return {
    payerNumber: values.payerNumber ?? "",
    bankCode: values.bankCode ?? "",
    accountNumber: values.accountNumber ?? "",
    amountWon,
    birthOrBusinessNumber: identityNumber(values.birthOrBusinessNumber ?? "", recordNumber, false),
    debitType: valueFor(DEBIT_TYPES, values.debitType ?? "", recordNumber, "debitType"),
    debitDate: values.debitDate ?? "",
    passbookMemo: values.passbookMemo ?? "",
    reference: values.reference ?? "",
  };
}

/**
 * What a result may say: in full means every won and no reason; partially means some but not
 * all, only where the request allowed it; not debited means nothing, with a reason.
 */
function resultProblem(result: Pick<DebitResult, "outcome" | "amountWon" | "debitedWon" | "reason" | "debitType">): string | undefined {
  switch (result.outcome) {
    case "debited":
      if (result.reason !== null) return "a full debit carries no reason";
      return result.debitedWon === result.amountWon ? undefined : "a full debit must equal the amount requested";
    case "partial":
      if (result.debitType !== "partial_allowed") return "a partial debit the request did not allow";
      if (result.reason === null) return "a partial debit needs a reason";
      return result.debitedWon > 0n && result.debitedWon < result.amountWon ? undefined : "a partial debit must be above 0 and below the amount requested";
    case "failed":
      if (result.reason === null) return "a failed debit needs a reason";
      return result.debitedWon === 0n ? undefined : "a failed debit must debit nothing";
  }
}

export const DEBIT_REQUEST_FORMAT: CmsFileFormat<DebitRequest> = {
  fileType: "EB21",
  layouts: { header: DEBIT_LAYOUTS.header, trailer: DEBIT_LAYOUTS.trailer, data: DEBIT_LAYOUTS.request },
  toFields: requestFields,
  fromFields: requestFrom,
  amounts: (record) => ({ requestedWon: record.amountWon, debitedWon: 0n }),
};

export const DEBIT_RESULT_FORMAT: CmsFileFormat<DebitResult> = {
  fileType: "EB22",
  layouts: { header: DEBIT_LAYOUTS.header, trailer: DEBIT_LAYOUTS.trailer, data: DEBIT_LAYOUTS.result },
  toFields(record, recordNumber) {
    const fields = requestFields(record, recordNumber);
    const amountDebited = amountField(record.debitedWon, recordNumber, "amountDebited", 0n);
    const problem = resultProblem(record);
    if (problem) throw new CmsFileError("inconsistent_result", recordNumber, { detail: problem }, "resultFlag");
    return {
      ...fields,
      amountDebited,
      resultFlag: codeFor(OUTCOMES, record.outcome, recordNumber, "resultFlag"),
      reasonCode: record.reason === null ? NO_REASON_CODE : CMS_REASONS[record.reason].code,
    };
  },
  fromFields(values, recordNumber) {
    const request = requestFrom(values, recordNumber);
    const outcome = valueFor(OUTCOMES, values.resultFlag ?? "", recordNumber, "resultFlag");
    const code = values.reasonCode ?? "";
    const reason = code === NO_REASON_CODE ? null : reasonForCode(code);
    if (reason === undefined) throw new CmsFileError("invalid_code", recordNumber, { value: code }, "reasonCode");
    const result: DebitResult = { ...request, outcome, debitedWon: BigInt(values.amountDebited ?? "0"), reason };
    const problem = resultProblem(result);
    if (problem) throw new CmsFileError("inconsistent_result", recordNumber, { detail: problem }, "resultFlag");
    return result;
  },
  amounts: (record) => ({ requestedWon: record.amountWon, debitedWon: record.debitedWon }),
};

/** EB21 bytes for a debit request file; the trailer carries the count and the amount total. */
export function writeDebitRequestFile(file: DebitRequestFile): Buffer {
  return writeCmsFile(DEBIT_REQUEST_FORMAT, file);
}

export function parseDebitRequestFile(bytes: Uint8Array): DebitRequestFile {
  return parseCmsFile(DEBIT_REQUEST_FORMAT, bytes);
}

export function writeDebitResultFile(file: DebitResultFile): Buffer {
  return writeCmsFile(DEBIT_RESULT_FORMAT, file);
}

export function parseDebitResultFile(bytes: Uint8Array): DebitResultFile {
  return parseCmsFile(DEBIT_RESULT_FORMAT, bytes);
}
