import { DomainError } from "@sunap/core";
import type { DbOrTx } from "@sunap/db";
import { normalizeAccountNumber, validateAccountNumber, type Bank } from "@sunap/rails";
import type { AuditSink } from "../procedure-audit.ts";

/** The banks table as the rails package's Bank (for validateAccountNumber and the sandbox bank). */
export interface BankRow {
  code: string;
  nameKo: string;
  nameEn: string;
  kind: string;
  accountNumberLengths: number[];
  acceptsCms: boolean;
  enabled: boolean;
  sortOrder: number;
}

export function toRailsBank(row: BankRow): Bank {
  return {
    code: row.code,
    name: { ko: row.nameKo, en: row.nameEn },
    kind: row.kind === "securities" ? "securities" : "bank",
    acceptsCms: row.acceptsCms,
    ...(row.accountNumberLengths.length ? { accountNumberLengths: row.accountNumberLengths } : {}),
  };
}

export async function loadBanks(db: DbOrTx, options: { enabledOnly?: boolean } = {}): Promise<BankRow[]> {
  return db.cmsBank.findMany({ where: options.enabledOnly ? { enabled: true } : {}, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

export function presentBank(row: BankRow) {
  return {
    code: row.code,
    name: { ko: row.nameKo, en: row.nameEn },
    kind: row.kind as "bank" | "securities",
    accountNumberLengths: row.accountNumberLengths,
    acceptsCms: row.acceptsCms,
    enabled: row.enabled,
    sortOrder: row.sortOrder,
  };
}

/**
 * Digits of an account number checked against the bank's length rule in the banks table. Throws
 * the rails package's specific code (account.too_short, account.length_not_allowed, …) on the
 * `accountNumber` field; an unknown or disabled bank on `bankCode`.
 */
export async function checkAccountNumber(db: DbOrTx, bankCode: string, accountNumber: string): Promise<{ digits: string; bank: BankRow }> {
  const bank = await db.cmsBank.findUnique({ where: { code: bankCode } });
  // The rails catalogue's code (translated through RAIL_MESSAGES by the error formatter).
  const unknownBank: string = "account.unknown_bank";
  if (!bank || !bank.enabled) throw new DomainError("INVALID", unknownBank, { bankCode }, "bankCode");
  const digits = normalizeAccountNumber(accountNumber);
  const check = validateAccountNumber(bankCode, digits, [toRailsBank(bank)]);
  if (!check.ok) throw new DomainError("INVALID", check.code, check.params, check.code === "account.cms_not_accepted" || check.code === "account.unknown_bank" ? "bankCode" : "accountNumber");
  return { digits, bank };
}

export interface BankUpdate {
  code: string;
  nameKo: string;
  nameEn: string;
  accountNumberLengths: number[];
  acceptsCms: boolean;
  enabled: boolean;
  sortOrder: number;
  kind: "bank" | "securities";
}

/** Adds or edits a bank (the admin's copy of the list); audited. */
export async function upsertBank(db: DbOrTx, input: BankUpdate, audit: AuditSink) {
  const before = await db.cmsBank.findUnique({ where: { code: input.code } });
  const data = { nameKo: input.nameKo, nameEn: input.nameEn, kind: input.kind, accountNumberLengths: [...new Set(input.accountNumberLengths)].sort((a, b) => a - b), acceptsCms: input.acceptsCms, enabled: input.enabled, sortOrder: input.sortOrder };
  const row = await db.cmsBank.upsert({ where: { code: input.code }, create: { code: input.code, ...data }, update: data });
  await audit(db, { action: before ? "bank.update" : "bank.create", entityType: "cms_bank", entityId: input.code, before: before ? presentBank(before) : null, after: presentBank(row) });
  return presentBank(row);
}
