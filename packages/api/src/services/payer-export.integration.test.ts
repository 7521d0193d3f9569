import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness, type ApiHarness } from "../testing/api-harness.ts";

let h: ApiHarness;

beforeAll(async () => {
  h = await createApiHarness();
  const finance = h.callerFor("finance");
  await finance.payers.create({ payerCode: "EXP-1", kind: "individual", name: "=수식이름", birthDate: "1985-04-03", phone: "010-3141-5926", tags: ["vip"], storeId: h.stores.a.id });
  await finance.payers.create({ payerCode: "EXP-2", kind: "business", name: "수납상사, 주식회사", businessNumber: "220-81-62517", representative: "김대표", phone: "02-555-1234", tags: ["vip"], storeId: h.stores.b.id });
  await finance.payers.create({ payerCode: "EXP-3", kind: "individual", name: "태그없음", birthDate: "1990-01-01", phone: "010-2718-2818" });
});
afterAll(async () => {
  await h?.drop();
});

const vip = [{ field: "tags", operator: "in" as const, value: ["vip"] }];
const decode = (file: { base64: string }) => Buffer.from(file.base64, "base64");

describe("payers.export", () => {
  it("writes the filtered list as CSV, masked like the screen, formulas defused, and logs each payer in the access log", async () => {
    const before = await h.db.personalDataAccess.count({ where: { action: "payer.export" } });
    const file = await h.callerFor("finance").payers.export({ filters: vip, sorters: [{ field: "payerCode", order: "asc" }], format: "csv", reason: "VIP 점검" });
    expect(file).toMatchObject({ rows: 2, contentType: "text/csv; charset=utf-8", filename: expect.stringMatching(/^payers-\d{4}-\d{2}-\d{2}\.csv$/) });
    const text = decode(file).toString("utf8");
    expect(text.startsWith("\uFEFF납부자코드,구분,이름")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("EXP-1,individual,'=수식이름");
    expect(lines[1]).toContain("010-****-5926");
    expect(lines[2]).toContain('"수납상사, 주식회사"');
    expect(text).not.toMatch(/3141|1985-04-03|62517/);
    const logged = await h.db.personalDataAccess.findMany({ where: { action: "payer.export" }, orderBy: { id: "asc" }, skip: before });
    expect(logged).toHaveLength(2);
    expect(logged.every((row) => row.reason === "VIP 점검" && row.userId === h.users.finance.id)).toBe(true);
  });

  it("writes XLSX with a header row, and English headers for an English user", async () => {
    const file = await h.callerFor("finance", { locale: "en" }).payers.export({ filters: vip, sorters: [], format: "xlsx", reason: "VIP check" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(decode(file) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Payer code");
    expect(sheet.rowCount).toBe(3);
  });

  it("is refused to roles without payer.export (a store owner, HQ)", async () => {
    for (const role of ["store_owner", "franchise_hq"] as const) {
      await expect(h.callerFor(role).payers.export({ filters: [], sorters: [], format: "csv", reason: "명단" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("refuses without a reason, or with nothing to export, and logs nothing", async () => {
    const before = await h.db.personalDataAccess.count();
    const finance = h.callerFor("finance");
    await expect(finance.payers.export({ filters: vip, sorters: [], format: "csv", reason: " " })).rejects.toMatchObject({ cause: { code: "payer.reason_required" } });
    await expect(finance.payers.export({ filters: [{ field: "payerCode", operator: "eq", value: "NOPE" }], sorters: [], format: "csv", reason: "없음 확인" })).rejects.toMatchObject({ cause: { code: "payer.export_empty" } });
    expect(await h.db.personalDataAccess.count()).toBe(before);
  });
});
