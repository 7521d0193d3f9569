import type { BusinessDate } from "@sunap/core";
import { CMS_REASONS, NO_REASON_CODE, reasonForCode, type CmsReason } from "../cms-reasons.ts";
import { CmsFileError } from "../rail-error.ts";
import { parseCmsFile, writeCmsFile, type CmsFile, type CmsFileFormat } from "./cms-file.ts";
import type { FieldValues } from "./fixed-width.ts";
import { REGISTRATION_LAYOUTS } from "./layouts.ts";
import { bankCode, codeFor, identityNumber, valueFor } from "./record-codes.ts";

export type RegistrationRequestType = "new" | "cancel";
export type ConsentEvidenceType = "written" | "recording" | "ars" | "electronic";

/** One line of an EB13 file: register (or cancel) the withdrawal consent for an account. */
export interface RegistrationRequest {
  payerNumber: string;
  bankCode: string;
  accountNumber: string;
  /** Birth date YYMMDD or business registration number. */
  birthOrBusinessNumber: string;
  requestType: RegistrationRequestType;
  consentDate: BusinessDate;
  /** Required for a new registration; null for a cancellation. */
  evidenceType: ConsentEvidenceType | null;
  holderName: string;
}

/** One line of an EB14 file: the request echoed with the bank side's answer. */
export interface RegistrationResult extends RegistrationRequest {
  accepted: boolean;
  /** Null when accepted. */
  reason: CmsReason | null;
}

export type RegistrationRequestFile = CmsFile<RegistrationRequest>;
export type RegistrationResultFile = CmsFile<RegistrationResult>;

const REQUEST_TYPES = { new: "N", cancel: "C" } as const satisfies Record<RegistrationRequestType, string>;
const EVIDENCE_TYPES = { written: "1", recording: "2", ars: "3", electronic: "4" } as const satisfies Record<ConsentEvidenceType, string>;
const RESULT_FLAGS = { accepted: "Y", rejected: "N" } as const;

function requestFields(record: RegistrationRequest, recordNumber: number): FieldValues {
  identityNumber(record.birthOrBusinessNumber, recordNumber, true);
  if (record.requestType === "new" && record.evidenceType === null) throw new CmsFileError("blank_required", recordNumber, {}, "evidenceType");
  return {
    payerNumber: record.payerNumber,
    bankCode: bankCode(record.bankCode, recordNumber),
    accountNumber: record.accountNumber,
    birthOrBusinessNumber: record.birthOrBusinessNumber,
    requestType: codeFor(REQUEST_TYPES, record.requestType, recordNumber, "requestType"),
    consentDate: record.consentDate,
    evidenceType: record.evidenceType === null ? "" : codeFor(EVIDENCE_TYPES, record.evidenceType, recordNumber, "evidenceType"),
    holderName: record.holderName,
  };
}

function requestFrom(values: FieldValues, recordNumber: number): RegistrationRequest {
  const requestType = valueFor(REQUEST_TYPES, values.requestType ?? "", recordNumber, "requestType");
  const evidenceType = values.evidenceType ? valueFor(EVIDENCE_TYPES, values.evidenceType, recordNumber, "evidenceType") : null;
  if (requestType === "new" && evidenceType === null) throw new CmsFileError("blank_required", recordNumber, {}, "evidenceType");
  return {
    payerNumber: values.payerNumber ?? "",
    bankCode: values.bankCode ?? "",
    accountNumber: values.accountNumber ?? "",
    birthOrBusinessNumber: identityNumber(values.birthOrBusinessNumber ?? "", recordNumber, true),
    requestType,
    consentDate: values.consentDate ?? "",
    evidenceType,
    holderName: values.holderName ?? "",
  };
}

const NO_AMOUNTS = { requestedWon: 0n, debitedWon: 0n };

export const REGISTRATION_REQUEST_FORMAT: CmsFileFormat<RegistrationRequest> = {
  fileType: "EB13",
  layouts: { header: REGISTRATION_LAYOUTS.header, trailer: REGISTRATION_LAYOUTS.trailer, data: REGISTRATION_LAYOUTS.request },
  toFields: requestFields,
  fromFields: requestFrom,
  amounts: () => NO_AMOUNTS,
};

export const REGISTRATION_RESULT_FORMAT: CmsFileFormat<RegistrationResult> = {
  fileType: "EB14",
  layouts: { header: REGISTRATION_LAYOUTS.header, trailer: REGISTRATION_LAYOUTS.trailer, data: REGISTRATION_LAYOUTS.result },
  toFields(record, recordNumber) {
    if (record.accepted !== (record.reason === null)) {
      throw new CmsFileError("inconsistent_result", recordNumber, { detail: "a rejection needs a reason, an acceptance none" }, "reasonCode");
    }
    return {
      ...requestFields(record, recordNumber),
      resultFlag: record.accepted ? RESULT_FLAGS.accepted : RESULT_FLAGS.rejected,
      reasonCode: record.reason === null ? NO_REASON_CODE : CMS_REASONS[record.reason].code,
    };
  },
  fromFields(values, recordNumber) {
    const flag = values.resultFlag ?? "";
    if (flag !== RESULT_FLAGS.accepted && flag !== RESULT_FLAGS.rejected) {
      throw new CmsFileError("invalid_code", recordNumber, { value: flag }, "resultFlag");
    }
    const accepted = flag === RESULT_FLAGS.accepted;
    const code = values.reasonCode ?? "";
    const reason = code === NO_REASON_CODE ? null : reasonForCode(code);
    if (reason === undefined) throw new CmsFileError("invalid_code", recordNumber, { value: code }, "reasonCode");
    if (accepted !== (reason === null)) {
      throw new CmsFileError("inconsistent_result", recordNumber, { detail: `result ${flag} with reason ${code}` }, "reasonCode");
    }
    return { ...requestFrom(values, recordNumber), accepted, reason };
  },
  amounts: () => NO_AMOUNTS,
};

/** EB13 bytes (CP949, CRLF after every record) for a registration request file. */
export function writeRegistrationRequestFile(file: RegistrationRequestFile): Buffer {
  return writeCmsFile(REGISTRATION_REQUEST_FORMAT, file);
}

/** Reads an EB13 file, or throws a CmsFileError naming the record and reason. */
export function parseRegistrationRequestFile(bytes: Uint8Array): RegistrationRequestFile {
  return parseCmsFile(REGISTRATION_REQUEST_FORMAT, bytes);
}

export function writeRegistrationResultFile(file: RegistrationResultFile): Buffer {
  return writeCmsFile(REGISTRATION_RESULT_FORMAT, file);
}

export function parseRegistrationResultFile(bytes: Uint8Array): RegistrationResultFile {
  return parseCmsFile(REGISTRATION_RESULT_FORMAT, bytes);
}
