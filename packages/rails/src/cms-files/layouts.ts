import { defineLayout, type FieldSpec, type RecordLayout } from "./fixed-width.ts";

/**
 * Sunap's own record layouts, in the style of the clearing house's CMS exchange: registration
 * files (EB13 request, EB14 result) have 120-byte records, debit files (EB21 request, EB22
 * result) 150-byte records. docs/cms-file-layouts.md is rendered from these (a test compares).
 */
export const REGISTRATION_RECORD_LENGTH = 120;
export const DEBIT_RECORD_LENGTH = 150;

export type CmsFileType = "EB13" | "EB14" | "EB21" | "EB22";

const recordType = (value: "H" | "R" | "T", meaning: string): FieldSpec => ({ name: "recordType", length: 1, type: "constant", value, meaning });
const orgCode: FieldSpec = { name: "orgCode", length: 10, type: "code", required: true, meaning: "Institution code (이용기관코드), the same in every record" };
const filler = (length: number): FieldSpec => ({ name: "filler", length, type: "filler", meaning: "Spaces" });

function headerLayout(length: number): RecordLayout {
  return defineLayout(`header-${length}`, length, [
    recordType("H", "Header"),
    { name: "serial", length: 8, type: "constant", value: "00000000", meaning: "Header serial" },
    orgCode,
    { name: "fileType", length: 4, type: "code", required: true, meaning: "EB13, EB14, EB21 or EB22" },
    { name: "fileDate", length: 8, type: "date", meaning: "File date, YYYYMMDD" },
    { name: "sequence", length: 3, type: "numeric", meaning: "File number of the day, 001–999; with the date and type it identifies the file" },
    filler(length - 34),
  ]);
}

function trailerLayout(length: number): RecordLayout {
  return defineLayout(`trailer-${length}`, length, [
    recordType("T", "Trailer"),
    { name: "serial", length: 8, type: "constant", value: "99999999", meaning: "Trailer serial" },
    orgCode,
    { name: "recordCount", length: 8, type: "numeric", meaning: "Number of data records" },
    { name: "totalAmountRequested", length: 15, type: "numeric", meaning: "Sum of amountRequested (registration files: 0)" },
    { name: "totalAmountDebited", length: 15, type: "numeric", meaning: "Sum of amountDebited (EB22; otherwise 0)" },
    filler(length - 57),
  ]);
}

const dataStart = (): FieldSpec[] => [
  recordType("R", "Data record"),
  { name: "serial", length: 8, type: "numeric", meaning: "1, 2, 3 … in file order; a result echoes its request's serial" },
  orgCode,
  { name: "payerNumber", length: 20, type: "code", required: true, meaning: "Payer number (납부자번호): the institution's own id for the payer" },
  { name: "bankCode", length: 3, type: "numeric", meaning: "Bank code (src/banks.ts)" },
  { name: "accountNumber", length: 16, type: "digits", required: true, meaning: "Account number, digits only" },
];

const registrationFields = (): FieldSpec[] => [
  ...dataStart(),
  {
    name: "birthOrBusinessNumber",
    length: 13,
    type: "digits",
    required: true,
    meaning: "Holder's birth date YYMMDD (6 digits) or business registration number (10 digits)",
  },
  { name: "requestType", length: 1, type: "code", required: true, meaning: "N = new registration, C = cancellation" },
  { name: "consentDate", length: 8, type: "date", meaning: "Date the payer consented (or withdrew), YYYYMMDD" },
  { name: "evidenceType", length: 1, type: "code", meaning: "Consent evidence: 1 written, 2 recording, 3 ARS, 4 electronic; blank for C" },
  { name: "holderName", length: 20, type: "text", required: true, meaning: "Account holder's name, CP949 (up to 10 Hangul)" },
];

export const REGISTRATION_LAYOUTS = {
  header: headerLayout(REGISTRATION_RECORD_LENGTH),
  trailer: trailerLayout(REGISTRATION_RECORD_LENGTH),
  request: defineLayout("EB13-data", REGISTRATION_RECORD_LENGTH, [...registrationFields(), filler(19)]),
  result: defineLayout("EB14-data", REGISTRATION_RECORD_LENGTH, [
    ...registrationFields(),
    { name: "resultFlag", length: 1, type: "code", required: true, meaning: "Y = registered, N = rejected" },
    { name: "reasonCode", length: 4, type: "code", required: true, meaning: "0000, or the reason it was rejected (see result codes)" },
    filler(14),
  ]),
} as const;

const debitFields = (): FieldSpec[] => [
  ...dataStart(),
  { name: "amountRequested", length: 13, type: "numeric", meaning: "Amount to debit in won, 1 or more" },
  {
    name: "birthOrBusinessNumber",
    length: 13,
    type: "digits",
    meaning: "Birth date YYMMDD or business number (never the full resident number); may be blank",
  },
  { name: "debitType", length: 1, type: "code", required: true, meaning: "F = full amount only, P = partial debit allowed (부분출금)" },
  { name: "debitDate", length: 8, type: "date", meaning: "Day the money is to be debited, YYYYMMDD" },
  { name: "passbookMemo", length: 16, type: "text", meaning: "Text printed in the payer's passbook (통장기재내용), CP949, up to 8 Hangul" },
  { name: "reference", length: 20, type: "code", meaning: "The institution's own id for this debit, echoed in the result; may be blank" },
];

export const DEBIT_LAYOUTS = {
  header: headerLayout(DEBIT_RECORD_LENGTH),
  trailer: trailerLayout(DEBIT_RECORD_LENGTH),
  request: defineLayout("EB21-data", DEBIT_RECORD_LENGTH, [...debitFields(), filler(21)]),
  result: defineLayout("EB22-data", DEBIT_RECORD_LENGTH, [
    ...debitFields(),
    { name: "amountDebited", length: 13, type: "numeric", meaning: "Amount actually debited in won" },
    { name: "resultFlag", length: 1, type: "code", required: true, meaning: "Y = debited in full, P = partially, N = not debited" },
    { name: "reasonCode", length: 4, type: "code", required: true, meaning: "0000, or why not (in full) (불능코드; see result codes)" },
    filler(3),
  ]),
} as const;
