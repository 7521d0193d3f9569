import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "../support.ts";

const REASON = "분기 회원 점검 (e2e)";

test("finance exports the filtered payers as CSV, masked like the screen, and the access log names the export", async ({ page }) => {
  await signIn(page, "finance");
  await page.getByTestId("menu-payers").click();
  const rows = page.getByTestId("payers-table").locator("tr.ant-table-row");
  await page.getByTestId("payers-filter-phone").fill("010-2345-6789");
  await page.getByTestId("payers-search").click();
  await expect(rows).toHaveCount(1);

  await page.getByTestId("payers-export").click();
  const form = page.getByTestId("payers-export-form");
  await form.getByText("CSV").click();
  await form.locator("#reason").fill(REASON);
  await screenshot(page, "payers-export-dialog");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("dialog").getByRole("button", { name: "내보내기" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^payers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.trim().split("\r\n");
  expect(lines).toHaveLength(2); // the header and the one payer the filter shows
  expect(lines[1]).toContain("김민지");
  expect(lines[1]).toContain("010-****-6789");
  expect(text).not.toContain("2345-6789");

  await page.getByTestId("menu-payer-access-log").click();
  const first = page.getByTestId("access-log-table").locator("tr.ant-table-row").first();
  await expect(first).toContainText(REASON);
});
