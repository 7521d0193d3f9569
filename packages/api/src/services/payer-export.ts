import { DomainError, type BusinessDate, type ListInput } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import type { Actor } from "../audit.ts";
import type { AuditSink } from "../procedure-audit.ts";
import { PayerService, type PresentedPayer } from "./payer-service.ts";

/** One file holds at most this many payers; past it the clerk narrows the filters. */
export const PAYER_EXPORT_MAX_ROWS = 100_000;
const PAGE = 1_000;

export type ExportFormat = "csv" | "xlsx";

const COLUMNS: { key: string; ko: string; en: string; value: (p: PresentedPayer, banks: ReadonlyMap<string, string>) => string }[] = [
  { key: "payerCode", ko: "납부자코드", en: "Payer code", value: (p) => p.payerCode },
  { key: "kind", ko: "구분", en: "Kind", value: (p) => p.kind },
  { key: "name", ko: "이름", en: "Name", value: (p) => p.name },
  { key: "birthDate", ko: "생년월일", en: "Birth date", value: (p) => p.birthDateMasked ?? "" },
  { key: "businessNumber", ko: "사업자등록번호", en: "Business number", value: (p) => p.businessNumberMasked ?? "" },
  { key: "representative", ko: "대표자", en: "Representative", value: (p) => p.representative ?? "" },
  { key: "phone", ko: "휴대전화", en: "Phone", value: (p) => p.phoneMasked },
  { key: "email", ko: "이메일", en: "E-mail", value: (p) => p.email ?? "" },
  { key: "address", ko: "주소", en: "Address", value: (p) => p.address ?? "" },
  { key: "tags", ko: "태그", en: "Tags", value: (p) => p.tags.join(" ") },
  { key: "plugins", ko: "업무", en: "Plugins", value: (p) => p.plugins.join(" ") },
  { key: "store", ko: "가맹점", en: "Store", value: (p) => (p.store ? `${p.store.code} ${p.store.name}` : "") },
  { key: "status", ko: "상태", en: "Status", value: (p) => p.status },
  { key: "accounts", ko: "출금계좌", en: "Debit accounts", value: (p, banks) => p.accounts.map((a) => `${banks.get(a.bankCode) ?? a.bankCode} ${a.accountNumberMasked}`).join("; ") },
  { key: "createdAt", ko: "등록일시", en: "Created", value: (p) => p.createdAt.toISOString() },
];

export interface PayerExportInput {
  filters: ListInput["filters"];
  sorters: ListInput["sorters"];
  format: ExportFormat;
  locale: "ko" | "en";
  reason: string;
  /** Names the file. */
  today: BusinessDate;
}

/**
 * The payers list as a file, with the filters and order on screen and personal numbers masked
 * exactly as on screen (the last four digits). Exporting personal data is written to the access
 * log (PIPA 접속기록) one row per payer, and to the audit log once, in one transaction; the file
 * is built only after both are written.
 */
export async function exportPayers(db: Db, keyring: Keyring, knownPlugins: readonly string[], input: PayerExportInput, actor: Actor, storeScope: readonly number[] | null, audit: AuditSink) {
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError("INVALID", "payer.reason_required", {}, "reason");
  const service = new PayerService(db, keyring, knownPlugins);
  const payers: PresentedPayer[] = [];
  for (let page = 1; ; page++) {
    const { data, total } = await service.list({ filters: input.filters, sorters: input.sorters, pagination: { current: page, pageSize: PAGE } }, storeScope);
    if (total > PAYER_EXPORT_MAX_ROWS) throw new DomainError("INVALID", "payer.export_too_many", { total, max: PAYER_EXPORT_MAX_ROWS }, "filters");
    payers.push(...data);
    if (data.length < PAGE || payers.length >= total) break;
  }
  if (payers.length === 0) throw new DomainError("INVALID", "payer.export_empty", {}, "filters");

  await db.$transaction(async (tx) => {
    await tx.personalDataAccess.createMany({ data: payers.map((p) => ({ userId: actor.id, email: actor.email, ip: actor.ip, action: "payer.export", payerId: p.id, reason })) });
    await audit(tx, { action: "payer.export", entityType: "payer", entityId: null, after: { rows: payers.length, format: input.format, reason, filters: input.filters.map((f) => `${f.field} ${f.operator}`) } });
  });

  const banks = new Map((await db.cmsBank.findMany({ select: { code: true, nameKo: true, nameEn: true } })).map((b) => [b.code, input.locale === "ko" ? b.nameKo : b.nameEn]));
  const header = COLUMNS.map((c) => c[input.locale]);
  const rows = payers.map((p) => COLUMNS.map((c) => c.value(p, banks)));
  if (input.format === "csv") {
    const text = `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
    return { filename: `payers-${input.today}.csv`, contentType: "text/csv; charset=utf-8", base64: Buffer.from(text, "utf8").toString("base64"), rows: payers.length };
  }
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(input.locale === "ko" ? "납부자" : "Payers");
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, index) => (column.width = Math.min(40, Math.max(10, header[index]!.length * 2, ...rows.slice(0, 200).map((r) => r[index]!.length + 2)))));
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `payers-${input.today}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base64: bytes.toString("base64"), rows: payers.length };
}

/** Quotes a cell; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
