import type { DebitRequestFile, DebitResultFile } from "../cms-files/debit-files.ts";
import type { RegistrationRequestFile, RegistrationResultFile } from "../cms-files/registration-files.ts";

/** Small files with every field in use (Hangul names included): the golden files and the corruption tests start from these. */
export const SAMPLE_ORG_CODE = "9912345678";

export const SAMPLE_REGISTRATION_REQUEST: RegistrationRequestFile = {
  orgCode: SAMPLE_ORG_CODE,
  fileDate: "2026-11-24",
  sequence: 1,
  records: [
    {
      payerNumber: "P0001",
      bankCode: "090",
      accountNumber: "3333123456789",
      birthOrBusinessNumber: "900101",
      requestType: "new",
      consentDate: "2026-11-23",
      evidenceType: "electronic",
      holderName: "홍길동",
    },
    {
      payerNumber: "P0002",
      bankCode: "004",
      accountNumber: "12345678901234",
      birthOrBusinessNumber: "1234567891",
      requestType: "new",
      consentDate: "2026-11-23",
      evidenceType: "written",
      holderName: "(주)수납상사",
    },
    {
      payerNumber: "P0003",
      bankCode: "088",
      accountNumber: "110123450002",
      birthOrBusinessNumber: "850315",
      requestType: "new",
      consentDate: "2026-11-22",
      evidenceType: "recording",
      holderName: "김영희",
    },
    {
      payerNumber: "P0004",
      bankCode: "020",
      accountNumber: "1002123456789",
      birthOrBusinessNumber: "770707",
      requestType: "cancel",
      consentDate: "2026-11-20",
      evidenceType: null,
      holderName: "박철수",
    },
  ],
};

export const SAMPLE_REGISTRATION_RESULT: RegistrationResultFile = {
  ...SAMPLE_REGISTRATION_REQUEST,
  fileDate: "2026-11-25",
  records: SAMPLE_REGISTRATION_REQUEST.records.map((record, index) => {
    if (index === 2) return { ...record, accepted: false, reason: "holder_mismatch" as const };
    if (index === 3) return { ...record, accepted: false, reason: "no_registration_found" as const };
    return { ...record, accepted: true, reason: null };
  }),
};

export const SAMPLE_DEBIT_REQUEST: DebitRequestFile = {
  orgCode: SAMPLE_ORG_CODE,
  fileDate: "2026-11-24",
  sequence: 1,
  records: [
    {
      payerNumber: "P0001",
      bankCode: "090",
      accountNumber: "3333123456789",
      amountWon: 55_000n,
      birthOrBusinessNumber: "900101",
      debitType: "full_only",
      debitDate: "2026-11-25",
      passbookMemo: "수납헬스",
      reference: "INV-2026-11-0001",
    },
    {
      payerNumber: "P0002",
      bankCode: "004",
      accountNumber: "12345678901001",
      amountWon: 1_234_567n,
      birthOrBusinessNumber: "",
      debitType: "full_only",
      debitDate: "2026-11-25",
      passbookMemo: "가맹로열티",
      reference: "INV-2026-11-0002",
    },
    {
      payerNumber: "P0005",
      bankCode: "092",
      accountNumber: "100012341002",
      amountWon: 30_001n,
      birthOrBusinessNumber: "660606",
      debitType: "partial_allowed",
      debitDate: "2026-11-25",
      passbookMemo: "정기후원",
      reference: "",
    },
  ],
};

export const SAMPLE_DEBIT_RESULT: DebitResultFile = {
  ...SAMPLE_DEBIT_REQUEST,
  fileDate: "2026-11-25",
  records: [
    { ...SAMPLE_DEBIT_REQUEST.records[0]!, outcome: "debited", debitedWon: 55_000n, reason: null },
    { ...SAMPLE_DEBIT_REQUEST.records[1]!, outcome: "failed", debitedWon: 0n, reason: "insufficient_funds" },
    { ...SAMPLE_DEBIT_REQUEST.records[2]!, outcome: "partial", debitedWon: 15_000n, reason: "insufficient_funds" },
  ],
};
