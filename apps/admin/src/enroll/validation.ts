import type { Bank } from "./api.ts";
import type { Locale, MessageKey, Translate } from "./i18n.ts";

/**
 * Shape checks the page makes before it calls the server, so a typo is pointed out at once.
 * The server checks everything again (age, check digits, the bank's holder check) and its
 * messages are shown next to the same fields.
 */
export interface DetailsForm {
  kind: "individual" | "business";
  name: string;
  representative: string;
  birthDate: string;
  businessNumber: string;
  phone: string;
  bankCode: string;
  accountNumber: string;
  holderName: string;
}

export const EMPTY_DETAILS: DetailsForm = { kind: "individual", name: "", representative: "", birthDate: "", businessNumber: "", phone: "", bankCode: "", accountNumber: "", holderName: "" };

export type FieldErrors = Partial<Record<string, string>>;

/** Account numbers of unknown length rules: 10–16 digits. */
const DEFAULT_LENGTHS = { min: 10, max: 16 };

export function bankName(bank: Bank, locale: Locale): string {
  return bank.name[locale];
}

export function lengthsText(bank: Bank, locale: Locale): string | null {
  const lengths = [...bank.accountNumberLengths].sort((a, b) => a - b);
  if (lengths.length === 0) return null;
  if (lengths.length === 1) return String(lengths[0]);
  const last = lengths.pop();
  return `${lengths.join(", ")}${locale === "ko" ? " 또는 " : " or "}${last}`;
}

/** `19900517` or `1990-05-17` → `1990-05-17`; null when it is no calendar date. */
export function normalizeBirthDate(input: string): string | null {
  const digits = input.replace(/\D/g, "");
  if (digits.length !== 8) return null;
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso || iso < "1900-01-01") return null;
  return iso;
}

/** A Korean mobile number (the code goes out by text message). */
export function isMobilePhone(input: string): boolean {
  return /^01[016789]\d{7,8}$/.test(input.replace(/[\s-]/g, ""));
}

/** Shows `01012345678` as `010-1234-5678` while typing. */
export function formatPhone(input: string): string {
  const digits = input.replace(/\D/g, "").slice(0, 11);
  if (digits.length < 4) return digits;
  if (digits.length < 8) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  const middle = digits.length === 11 ? 4 : 3;
  return `${digits.slice(0, 3)}-${digits.slice(3, 3 + middle)}-${digits.slice(3 + middle)}`;
}

export function accountNumberProblem(digits: string, bank: Bank | undefined, t: Translate, locale: Locale): string | null {
  if (!digits) return t("check.required", { field: locale === "en" ? t("details.accountNumber").toLowerCase() : t("details.accountNumber") });
  if (!/^\d+$/.test(digits)) return t("check.accountDigits");
  if (!bank) return null;
  const lengths = bank.accountNumberLengths;
  if (lengths.length > 0) {
    return lengths.includes(digits.length) ? null : t("check.accountLength", { bank: bankName(bank, locale), lengths: lengthsText(bank, locale) ?? "", count: digits.length });
  }
  return digits.length >= DEFAULT_LENGTHS.min && digits.length <= DEFAULT_LENGTHS.max ? null : t("check.accountLengthDefault", { count: digits.length });
}

/** What is wrong with the form, by field; `withPayer` false on an account change (the payer is known). */
export function checkDetails(form: DetailsForm, banks: readonly Bank[], options: { withPayer: boolean; today: string }, t: Translate, locale: Locale): FieldErrors {
  const errors: FieldErrors = {};
  const business = form.kind === "business";
  // "이름을(를) 입력하세요" / "Enter the name": English puts the label in the middle of a sentence.
  const required = (label: MessageKey) => t("check.required", { field: locale === "en" ? t(label).toLowerCase() : t(label) });
  if (options.withPayer) {
    if (!form.name.trim()) errors.name = required(business ? "details.nameBusiness" : "details.name");
    if (business) {
      if (!form.representative.trim()) errors.representative = required("details.representative");
      if (form.businessNumber.replace(/\D/g, "").length !== 10) errors.businessNumber = t("check.businessNumber");
    } else {
      const birthDate = normalizeBirthDate(form.birthDate);
      if (!birthDate) errors.birthDate = t("check.birthDate");
      else if (birthDate > options.today) errors.birthDate = t("check.birthDateFuture");
    }
    if (!isMobilePhone(form.phone)) errors.phone = t("check.phone");
  }
  const bank = banks.find((b) => b.code === form.bankCode);
  if (!bank) errors.bankCode = t("check.bankRequired");
  const account = accountNumberProblem(form.accountNumber, bank, t, locale);
  if (account) errors.accountNumber = account;
  if (!form.holderName.trim()) errors.holderName = required("details.holderName");
  return errors;
}
