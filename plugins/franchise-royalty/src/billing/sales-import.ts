import { isBusinessDate, MAX_WON, parseWon, type BusinessDate, type Won } from "@sunap/core";
import { monthOf } from "./calendar.ts";
import { decodeCsvBytes, parseCsv } from "./csv.ts";
import { isMonth, type Month } from "./inputs.ts";

/** The stores a file may report for, and today's date (a month can be reported once it has ended). */
export interface SalesImportContext {
  stores: readonly { code: string; openedOn?: BusinessDate | null; closedOn?: BusinessDate | null }[];
  today: BusinessDate;
}

export interface ImportedSalesReport {
  /** The row in the file (the header is row 1). */
  row: number;
  storeCode: string;
  month: Month;
  grossSalesWon: Won;
}

/** What is wrong with one cell (or the file, on row 1): `code` is a key of the message catalogue. */
export interface ImportProblem {
  row: number;
  /** The column as headed in the file (or the expected heading when it is missing). */
  column: string;
  code: string;
  params: Record<string, string | number>;
}

/** All or nothing: either every row is good, or nothing is imported and every problem is listed (the first 1,000). */
export type SalesImportResult = { ok: true; reports: ImportedSalesReport[] } | { ok: false; problems: ImportProblem[] };

/** A cell as read from a file: text from CSV; text, number or date from a spreadsheet. */
export type Cell = string | number | Date | null;

export const MAX_IMPORT_ROWS = 50_000;
const MAX_PROBLEMS = 1_000;

type Field = "storeCode" | "month" | "grossSalesWon";

/** Headings accepted for each column, compared without case, spaces, `_` or `-`. */
const HEADINGS: Record<Field, { display: string; accepted: string[] }> = {
  storeCode: { display: "매장코드", accepted: ["매장코드", "가맹점코드", "점포코드", "storecode", "store"] },
  month: { display: "월", accepted: ["월", "매출월", "기준월", "연월", "month", "salesmonth", "yearmonth"] },
  grossSalesWon: { display: "매출액", accepted: ["매출액", "총매출액", "월매출액", "매출", "grosssales", "grosssaleswon", "sales", "salesamount"] },
};

const normalizeHeading = (text: string) => text.toLowerCase().replace(/[\s_\-()]/g, "");

/** Parses a CSV sales report (UTF-8 or CP949 bytes, or text). Headings in Korean (매장코드, 월, 매출액) or English. */
export function parseSalesReportCsv(input: string | Uint8Array, context: SalesImportContext): SalesImportResult {
  const text = typeof input === "string" ? input : decodeCsvBytes(input);
  return validateSalesTable(
    parseCsv(text).map((r) => ({ row: r.line, cells: r.fields })),
    context,
  );
}

/** Parses the first worksheet of an XLSX sales report, with the same rules as the CSV import. */
export async function parseSalesReportXlsx(bytes: Uint8Array, context: SalesImportContext): Promise<SalesImportResult> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares the pre-generic Node Buffer type; the bytes are a Buffer all the same.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [{ row: 1, column: "", code: "royalty.import.unreadable", params: {} }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problems: [{ row: 1, column: "", code: "royalty.import.empty", params: {} }] };
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ row: rowNumber, cells: values.map(cellOf) });
  });
  return validateSalesTable(rows, context);
}

/** A spreadsheet cell's value: formulas by their result, rich text and links by their text. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if ("result" in v) return cellOf(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if (typeof v.text === "string") return v.text;
  }
  return String(value);
}

const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** Checks a table whose first non-empty row is the heading row. */
export function validateSalesTable(table: readonly { row: number; cells: readonly Cell[] }[], context: SalesImportContext): SalesImportResult {
  const rows = table.filter((r) => !r.cells.every(isBlank));
  const [header, ...data] = rows;
  if (!header || data.length === 0) return { ok: false, problems: [{ row: header?.row ?? 1, column: "", code: "royalty.import.empty", params: {} }] };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, problems: [{ row: header.row, column: "", code: "royalty.import.too_many_rows", params: { max: MAX_IMPORT_ROWS } }] };

  const problems: ImportProblem[] = [];
  const columns = locateColumns(header, problems);
  if (!columns) return { ok: false, problems };

  const stores = new Map(context.stores.map((s) => [s.code.toUpperCase(), s]));
  const currentMonth = monthOf(context.today);
  const firstRowOf = new Map<string, number>();
  const reports: ImportedSalesReport[] = [];
  for (const { row, cells } of data) {
    const problem = (field: Field, code: string, params: Record<string, string | number> = {}) =>
      problems.push({ row, column: columns[field].heading, code, params });
    const storeCell = cells[columns.storeCode.index];
    const storeCode = isBlank(storeCell) ? null : String(storeCell).trim().toUpperCase();
    const store = storeCode === null ? undefined : stores.get(storeCode);
    if (storeCode === null) problem("storeCode", "royalty.import.required", { column: columns.storeCode.heading });
    else if (!store) problem("storeCode", "royalty.import.unknown_store", { storeCode });

    const monthCell = cells[columns.month.index];
    const month = isBlank(monthCell) ? null : monthFromCell(monthCell!);
    if (isBlank(monthCell)) problem("month", "royalty.import.required", { column: columns.month.heading });
    else if (month === null) problem("month", "royalty.import.bad_month", { value: String(monthCell) });
    else if (month >= currentMonth) problem("month", "royalty.import.future_month", { month });
    else if (store?.closedOn && month > monthOf(store.closedOn)) problem("month", "royalty.import.store_closed", { storeCode: storeCode!, closedOn: store.closedOn });
    else if (store?.openedOn && month < monthOf(store.openedOn)) problem("month", "royalty.import.before_opening", { storeCode: storeCode!, openedOn: store.openedOn });

    const amount = amountFromCell(cells[columns.grossSalesWon.index] ?? null);
    if (!amount.ok) problem("grossSalesWon", amount.code);

    if (storeCode !== null && month !== null) {
      const key = `${storeCode}\u0000${month}`;
      const firstRow = firstRowOf.get(key);
      if (firstRow !== undefined) problem("month", "royalty.import.duplicate", { storeCode, month, firstRow });
      else firstRowOf.set(key, row);
    }
    if (store && month !== null && amount.ok) reports.push({ row, storeCode: storeCode!, month, grossSalesWon: amount.amountWon });
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, reports };
}

function locateColumns(header: { row: number; cells: readonly Cell[] }, problems: ImportProblem[]): Record<Field, { index: number; heading: string }> | null {
  const found: Partial<Record<Field, { index: number; heading: string }>> = {};
  header.cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const heading = String(cell).trim();
    const field = (Object.keys(HEADINGS) as Field[]).find((f) => HEADINGS[f].accepted.includes(normalizeHeading(heading)));
    if (!field) return;
    if (found[field]) problems.push({ row: header.row, column: heading, code: "royalty.import.duplicate_column", params: { column: heading, other: found[field].heading } });
    else found[field] = { index, heading };
  });
  for (const field of Object.keys(HEADINGS) as Field[]) {
    if (!found[field]) {
      const { display, accepted } = HEADINGS[field];
      problems.push({ row: header.row, column: display, code: "royalty.import.missing_column", params: { column: display, accepted: accepted.join(", ") } });
    }
  }
  return problems.length > 0 ? null : (found as Record<Field, { index: number; heading: string }>);
}

/** `2026-10`, `2026.10`, `2026/10`, `202610`, `2026년 10월`, a full date, or a spreadsheet date: its month. */
function monthFromCell(cell: string | number | Date): Month | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 7);
  const text = String(cell).trim();
  if (isBusinessDate(text)) return text.slice(0, 7);
  const match = /^(\d{4})\s*(?:[-./]|년)?\s*(\d{1,2})\s*월?$/.exec(text);
  if (!match) return null;
  const month = `${match[1]}-${match[2]!.padStart(2, "0")}`;
  return isMonth(month) ? month : null;
}

/** Whole won, not negative: fractions are refused, never rounded. */
function amountFromCell(cell: Cell): { ok: true; amountWon: Won } | { ok: false; code: string } {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, code: "money.not_a_number" };
    if (!Number.isInteger(cell)) return { ok: false, code: "money.fraction" };
    if (cell < 0) return { ok: false, code: "money.negative" };
    if (!Number.isSafeInteger(cell)) return { ok: false, code: "money.overflow" };
    return { ok: true, amountWon: BigInt(cell) };
  }
  if (cell instanceof Date) return { ok: false, code: "money.not_a_number" };
  const parsed = parseWon(cell ?? "", { max: MAX_WON });
  return parsed.ok ? { ok: true, amountWon: parsed.amountWon } : { ok: false, code: parsed.code };
}
