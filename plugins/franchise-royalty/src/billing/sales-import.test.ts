import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parseSalesReportCsv, parseSalesReportXlsx, type SalesImportContext } from "./sales-import.ts";

const context: SalesImportContext = {
  stores: [{ code: "GANGNAM" }, { code: "HONGDAE", openedOn: "2026-03-01" }, { code: "JAMSIL", closedOn: "2026-08-14" }],
  today: "2026-11-03",
};

describe("parseSalesReportCsv", () => {
  it("reads Korean headings, thousands separators and store codes in any case", () => {
    const csv = '매장코드,월,매출액\ngangnam,2026-10,"12,345,000"\nHONGDAE,2026.09,9800000원\r\nJAMSIL,2026년 8월,0\n';
    expect(parseSalesReportCsv(csv, context)).toEqual({
      ok: true,
      reports: [
        { row: 2, storeCode: "GANGNAM", month: "2026-10", grossSalesWon: 12_345_000n },
        { row: 3, storeCode: "HONGDAE", month: "2026-09", grossSalesWon: 9_800_000n },
        { row: 4, storeCode: "JAMSIL", month: "2026-08", grossSalesWon: 0n },
      ],
    });
  });

  it("reads English headings in any order, with extra columns and blank lines", () => {
    const csv = "\uFEFFMonth,Note,Store Code,Gross Sales\n202610,first,GANGNAM,100\n\n2026/09,,GANGNAM,200\n";
    const result = parseSalesReportCsv(csv, context);
    expect(result).toEqual({
      ok: true,
      reports: [
        { row: 2, storeCode: "GANGNAM", month: "2026-10", grossSalesWon: 100n },
        { row: 4, storeCode: "GANGNAM", month: "2026-09", grossSalesWon: 200n },
      ],
    });
  });

  it("reads a file saved by Excel in CP949", () => {
    const header = [0xb8, 0xc5, 0xc0, 0xe5, 0xc4, 0xda, 0xb5, 0xe5, 0x2c, 0xbf, 0xf9, 0x2c, 0xb8, 0xc5, 0xc3, 0xe2, 0xbe, 0xd7, 0x0a]; // 매장코드,월,매출액
    const bytes = Uint8Array.from([...header, ...new TextEncoder().encode("GANGNAM,2026-10,5000\n")]);
    expect(parseSalesReportCsv(bytes, context)).toEqual({ ok: true, reports: [{ row: 2, storeCode: "GANGNAM", month: "2026-10", grossSalesWon: 5000n }] });
  });

  const badRows: { name: string; row: string; column: string; code: string; params?: Record<string, unknown> }[] = [
    { name: "an unknown store code", row: "NOWHERE,2026-10,100", column: "매장코드", code: "royalty.import.unknown_store", params: { storeCode: "NOWHERE" } },
    { name: "an empty store code", row: ",2026-10,100", column: "매장코드", code: "royalty.import.required" },
    { name: "the current month (not over yet)", row: "GANGNAM,2026-11,100", column: "월", code: "royalty.import.future_month", params: { month: "2026-11" } },
    { name: "a future month", row: "GANGNAM,2027-01,100", column: "월", code: "royalty.import.future_month" },
    { name: "a month that does not exist", row: "GANGNAM,2026-13,100", column: "월", code: "royalty.import.bad_month", params: { value: "2026-13" } },
    { name: "a month after the store closed", row: "JAMSIL,2026-09,100", column: "월", code: "royalty.import.store_closed", params: { storeCode: "JAMSIL", closedOn: "2026-08-14" } },
    { name: "a month before the store opened", row: "HONGDAE,2026-02,100", column: "월", code: "royalty.import.before_opening" },
    { name: "a negative amount", row: "GANGNAM,2026-10,-100", column: "매출액", code: "money.negative" },
    { name: "a fractional amount", row: "GANGNAM,2026-10,100.5", column: "매출액", code: "money.fraction" },
    { name: "an amount that is not a number", row: "GANGNAM,2026-10,many", column: "매출액", code: "money.not_a_number" },
    { name: "an empty amount", row: "GANGNAM,2026-10,", column: "매출액", code: "money.empty" },
  ];
  for (const c of badRows) {
    it(`refuses the whole file for one row with ${c.name}, naming row and column`, () => {
      const csv = `매장코드,월,매출액\nGANGNAM,2026-09,100\n${c.row}\nHONGDAE,2026-10,300\n`;
      const result = parseSalesReportCsv(csv, context);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ row: 3, column: c.column, code: c.code, ...(c.params ? { params: c.params } : {}) });
    });
  }

  it("refuses a store and month twice in one file, pointing at the first", () => {
    const csv = "매장코드,월,매출액\nGANGNAM,2026-10,100\nHONGDAE,2026-10,100\ngangnam,2026.10,200\n";
    const result = parseSalesReportCsv(csv, context);
    expect(result).toEqual({ ok: false, problems: [{ row: 4, column: "월", code: "royalty.import.duplicate", params: { storeCode: "GANGNAM", month: "2026-10", firstRow: 2 } }] });
  });

  it("lists every problem of every row, not just the first", () => {
    const csv = "store_code,month,gross_sales\nNOWHERE,2027-01,-5\nGANGNAM,2026-10,1.5\n";
    const result = parseSalesReportCsv(csv, context);
    expect(result.ok ? [] : result.problems.map((p) => `${p.row}/${p.column}/${p.code}`)).toEqual([
      "2/store_code/royalty.import.unknown_store",
      "2/month/royalty.import.future_month",
      "2/gross_sales/money.negative",
      "3/gross_sales/money.fraction",
    ]);
  });

  it("names a missing column and accepts nothing", () => {
    const result = parseSalesReportCsv("매장코드,매출액\nGANGNAM,100\n", context);
    expect(result).toEqual({ ok: false, problems: [{ row: 1, column: "월", code: "royalty.import.missing_column", params: { column: "월", accepted: "월, 매출월, 기준월, 연월, month, salesmonth, yearmonth" } }] });
  });

  it("refuses two columns for the same thing, and a file without data", () => {
    const twice = parseSalesReportCsv("매장코드,월,매출액,sales\nGANGNAM,2026-10,1,2\n", context);
    expect(twice.ok ? "" : twice.problems[0]?.code).toBe("royalty.import.duplicate_column");
    const empty = parseSalesReportCsv("매장코드,월,매출액\n", context);
    expect(empty.ok ? "" : empty.problems[0]?.code).toBe("royalty.import.empty");
    expect(parseSalesReportCsv("", context).ok).toBe(false);
  });

  it("keeps quoted commas, quotes and line breaks inside a field", () => {
    const csv = '매장코드,월,매출액,비고\nGANGNAM,2026-10,"1,000","line one\nline ""two"""\nHONGDAE,2026-10,2000,\n';
    const result = parseSalesReportCsv(csv, context);
    expect(result.ok && result.reports.map((r) => [r.row, r.grossSalesWon])).toEqual([
      [2, 1000n],
      [4, 2000n],
    ]);
  });
});

describe("parseSalesReportXlsx", () => {
  async function workbook(rows: unknown[][]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("매출");
    rows.forEach((r) => sheet.addRow(r));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads numbers, date cells as months and text cells", async () => {
    const bytes = await workbook([
      ["매장코드", "월", "매출액"],
      ["GANGNAM", new Date(Date.UTC(2026, 9, 1)), 12_345_000],
      ["HONGDAE", "2026-09", "9,800,000"],
    ]);
    expect(await parseSalesReportXlsx(bytes, context)).toEqual({
      ok: true,
      reports: [
        { row: 2, storeCode: "GANGNAM", month: "2026-10", grossSalesWon: 12_345_000n },
        { row: 3, storeCode: "HONGDAE", month: "2026-09", grossSalesWon: 9_800_000n },
      ],
    });
  });

  it("refuses the whole sheet for a fractional number cell", async () => {
    const bytes = await workbook([
      ["Store", "Month", "Sales"],
      ["GANGNAM", "2026-10", 100],
      ["HONGDAE", "2026-10", 99.5],
    ]);
    expect(await parseSalesReportXlsx(bytes, context)).toEqual({ ok: false, problems: [{ row: 3, column: "Sales", code: "money.fraction", params: {} }] });
  });

  it("says so when the bytes are not a spreadsheet", async () => {
    const result = await parseSalesReportXlsx(new TextEncoder().encode("not a zip"), context);
    expect(result).toEqual({ ok: false, problems: [{ row: 1, column: "", code: "royalty.import.unreadable", params: {} }] });
  });
});
