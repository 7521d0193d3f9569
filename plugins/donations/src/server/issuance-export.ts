import { DomainError, type BusinessDate } from "@sunap/core";
import type { Keyring, Tx } from "@sunap/db";
import type { Actor } from "@sunap/api";
import { receiptIssuanceList, RECEIPT_ISSUANCE_COLUMNS, type ReceiptIssuanceRow } from "../billing/issuance-list.ts";
import { issueReceipts } from "./receipts.ts";
import { consentedResidentNumbers } from "./tax-consent.ts";

export const ISSUANCE_EXPORT_ACTION = "donations.issuance_list.export";

/**
 * PERSONAL-DATA EXPORT. The year's receipt issuance list (기부금영수증 발급명세) as CSV for the
 * tax office's year-end service: every donor with something collected gets their receipt
 * issued first (a re-issue keeps its serial), and a donor who consented is listed with their
 * resident registration number, decrypted for this file only. The export is recorded in the
 * personal-data access log (접속기록) with its reason — one record per donor whose number it
 * carries, and one for the file — in the same transaction.
 */
export async function exportIssuanceList(
  tx: Tx,
  keyring: Keyring,
  input: { year: number; reason: string; today: BusinessDate; actor: Actor; storeScope?: readonly number[] | null },
): Promise<{ csv: string; rows: number; withResidentNumber: number }> {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError("INVALID", "donations.export.reason_required", {}, "reason");
  const issued = await issueReceipts(tx, { year: input.year, today: input.today, storeScope: input.storeScope });
  const numbers = await consentedResidentNumbers(tx, keyring, issued.map((i) => i.payerId));
  const rows = receiptIssuanceList(issued.map((i) => ({ receipt: i.receipt, residentRegistrationNumber: numbers.get(i.payerId) ?? null, residentNumberConsent: numbers.has(i.payerId) })));
  const withNumber = issued.filter((i) => numbers.has(i.payerId));
  const who = { userId: input.actor.id, email: input.actor.email, ip: input.actor.ip, action: ISSUANCE_EXPORT_ACTION };
  await tx.personalDataAccess.createMany({
    data: [
      { ...who, payerId: null, reason: `${reason} (${input.year}, ${rows.length} rows, ${withNumber.length} resident numbers)` },
      ...withNumber.map((i) => ({ ...who, payerId: i.payerId, reason })),
    ],
  });
  return { csv: issuanceCsv(rows), rows: rows.length, withResidentNumber: withNumber.length };
}

/** CSV with a BOM (so spreadsheet programs read the Korean headings as UTF-8), CRLF line ends. */
export function issuanceCsv(rows: readonly ReceiptIssuanceRow[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? "" : String(value);
    // A name typed as a formula must stay text in a spreadsheet (CSV injection).
    if (/^[=+@\t]/.test(text) || /^-\D/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [RECEIPT_ISSUANCE_COLUMNS.map((c) => cell(c.ko)).join(","), ...rows.map((row) => RECEIPT_ISSUANCE_COLUMNS.map((c) => cell(row[c.key])).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
