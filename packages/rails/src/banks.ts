/**
 * Korean banks and institutions by their 3-digit code (금융기관 코드), as the payer picks them on
 * the consent page. Seed data: the admin keeps its own editable copy.
 *
 * Account-number lengths follow the clearing house's per-institution account-number scheme
 * where it is known (old, new and lifetime formats all included, so no real account is
 * refused); where it is not, any length from 10 to 16 digits is accepted and the bank's own
 * check at registration catches the rest.
 */
export interface Bank {
  code: string;
  name: { ko: string; en: string };
  kind: "bank" | "securities";
  /** Allowed digit counts; absent when unknown (then 10–16). */
  accountNumberLengths?: readonly number[];
  acceptsCms: boolean;
}

export const DEFAULT_ACCOUNT_NUMBER_LENGTH = { min: 10, max: 16 } as const;

function bank(code: string, ko: string, en: string, accountNumberLengths?: number[]): Bank {
  return { code, name: { ko, en }, kind: "bank", acceptsCms: true, ...(accountNumberLengths ? { accountNumberLengths } : {}) };
}

function securities(code: string, ko: string, en: string): Bank {
  return { code, name: { ko, en }, kind: "securities", acceptsCms: true };
}

export const BANKS: readonly Bank[] = [
  bank("002", "KDB산업은행", "KDB Korea Development Bank", [11, 14]),
  bank("003", "IBK기업은행", "IBK Industrial Bank of Korea", [10, 11, 12, 14]),
  bank("004", "KB국민은행", "KB Kookmin Bank", [10, 11, 12, 14]),
  bank("007", "수협은행", "Suhyup Bank", [11, 12, 14]),
  bank("011", "NH농협은행", "NH NongHyup Bank", [11, 12, 13, 14]),
  bank("012", "지역농축협", "Local NongHyup and livestock cooperatives", [13, 14]),
  bank("020", "우리은행", "Woori Bank", [11, 12, 13, 14]),
  bank("023", "SC제일은행", "SC First Bank", [10, 11, 14]),
  bank("027", "한국씨티은행", "Citibank Korea", [10, 11, 12, 13]),
  bank("031", "iM뱅크(대구은행)", "iM Bank (formerly Daegu Bank)", [7, 8, 9, 10, 11, 12, 13, 14]),
  bank("032", "부산은행", "Busan Bank", [12, 13]),
  bank("034", "광주은행", "Kwangju Bank", [12, 13]),
  bank("035", "제주은행", "Jeju Bank", [10, 12]),
  bank("037", "전북은행", "Jeonbuk Bank", [12, 13]),
  bank("039", "경남은행", "Kyongnam Bank", [12, 13]),
  bank("045", "새마을금고", "MG Saemaul Geumgo", [13]),
  bank("048", "신협", "Shinhyup (credit unions)", [10, 11, 12, 13, 14]),
  bank("050", "저축은행", "Savings banks"),
  bank("064", "산림조합", "Korea Forestry Cooperatives", [12, 13]),
  bank("071", "우체국", "Korea Post", [12, 13, 14]),
  bank("081", "하나은행", "Hana Bank", [11, 12, 14]),
  bank("088", "신한은행", "Shinhan Bank", [11, 12, 13, 14]),
  bank("089", "케이뱅크", "K Bank", [10, 12, 13, 14]),
  bank("090", "카카오뱅크", "KakaoBank", [13]),
  bank("092", "토스뱅크", "Toss Bank", [12]),
  securities("209", "유안타증권", "Yuanta Securities"),
  securities("218", "KB증권", "KB Securities"),
  securities("238", "미래에셋증권", "Mirae Asset Securities"),
  securities("240", "삼성증권", "Samsung Securities"),
  securities("243", "한국투자증권", "Korea Investment & Securities"),
  securities("247", "NH투자증권", "NH Investment & Securities"),
  securities("261", "교보증권", "Kyobo Securities"),
  securities("262", "iM증권(하이투자증권)", "iM Securities (formerly Hi Investment & Securities)"),
  securities("263", "현대차증권", "Hyundai Motor Securities"),
  securities("264", "키움증권", "Kiwoom Securities"),
  securities("266", "SK증권", "SK Securities"),
  securities("267", "대신증권", "Daishin Securities"),
  securities("269", "한화투자증권", "Hanwha Investment & Securities"),
  securities("270", "하나증권", "Hana Securities"),
  securities("278", "신한투자증권", "Shinhan Securities"),
  securities("279", "DB증권(DB금융투자)", "DB Securities (formerly DB Financial Investment)"),
  securities("280", "유진투자증권", "Eugene Investment & Securities"),
  securities("287", "메리츠증권", "Meritz Securities"),
];

const BY_CODE = new Map(BANKS.map((b) => [b.code, b]));

export function findBank(code: string, banks: readonly Bank[] = BANKS): Bank | undefined {
  return banks === BANKS ? BY_CODE.get(code) : banks.find((b) => b.code === code);
}

/** What a payer typed, without the hyphens and spaces banks print between digit groups. */
export function normalizeAccountNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export type AccountNumberProblem =
  | "account.unknown_bank"
  | "account.cms_not_accepted"
  | "account.empty"
  | "account.not_digits"
  | "account.repeated_digit"
  | "account.too_short"
  | "account.too_long"
  | "account.length_not_allowed";

export type AccountNumberCheck =
  | { ok: true; bank: Bank }
  | { ok: false; code: AccountNumberProblem; params: Record<string, string | number> };

/**
 * Checks an account number (digits only: normalise first) against the bank's format. Each
 * refusal has its own code so the consent page can say exactly what is wrong.
 */
export function validateAccountNumber(bankCode: string, digits: string, banks: readonly Bank[] = BANKS): AccountNumberCheck {
  const found = findBank(bankCode, banks);
  if (!found) return { ok: false, code: "account.unknown_bank", params: { bankCode } };
  const bankName = found.name.ko;
  if (!found.acceptsCms) return { ok: false, code: "account.cms_not_accepted", params: { bankCode, bankName } };
  if (digits === "") return { ok: false, code: "account.empty", params: {} };
  if (!/^\d+$/.test(digits)) return { ok: false, code: "account.not_digits", params: {} };
  const lengths = found.accountNumberLengths;
  const min = lengths ? Math.min(...lengths) : DEFAULT_ACCOUNT_NUMBER_LENGTH.min;
  const max = lengths ? Math.max(...lengths) : DEFAULT_ACCOUNT_NUMBER_LENGTH.max;
  if (digits.length < min) return { ok: false, code: "account.too_short", params: { min, bankName } };
  if (digits.length > max) return { ok: false, code: "account.too_long", params: { max, bankName } };
  if (lengths && !lengths.includes(digits.length)) {
    return { ok: false, code: "account.length_not_allowed", params: { bankName, lengths: lengths.join(", ") } };
  }
  // A number of one repeated digit is a placeholder someone typed, never a real account.
  if (/^(\d)\1*$/.test(digits)) return { ok: false, code: "account.repeated_digit", params: {} };
  return { ok: true, bank: found };
}
