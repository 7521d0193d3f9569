import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import config from "../playwright.config.ts";
import { ARTIFACTS, screenshot, signIn, type DemoRole } from "../support.ts";

/** A few random digits so a spec run twice against one server still makes new codes. */
export const runTag = (n = 5): string => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");

/**
 * Every test of the file starts signed in as `role`: one sign-in for the file, its session saved
 * and reused (a sign-in through the form costs seconds on a loaded machine).
 */
export function signedInAs(role: DemoRole): void {
  const state = path.join(ARTIFACTS, "test-results", `.session-${role}-${process.pid}.json`);
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ baseURL: config.use?.baseURL, storageState: undefined });
    await signIn(page, role);
    await page.context().storageState({ path: state });
    await page.close();
  });
  test.use({ storageState: state });
}

/** Picks an option of an antd Select by typing into its search and clicking the option whose label contains `label`. */
export async function pickOption(page: Page, select: Locator, label: string | RegExp, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.locator("input").first().fill(search);
  const option = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").filter({ hasText: label }).first();
  await option.click();
  // A multiple select stays open for more choices.
  if (await select.evaluate((el) => el.classList.contains("ant-select-multiple"))) await page.keyboard.press("Escape");
  await expect(page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).toHaveCount(0);
}

/** Types a date (or a month, `YYYY-MM`) into an antd DatePicker. */
export async function typeDate(picker: Locator, value: string): Promise<void> {
  const input = picker.locator("input").or(picker.and(picker.page().locator("input"))).first();
  await input.click();
  await input.fill(value);
  // Tab, not Enter: Enter inside a form also submits it. Leaving the input commits a valid typed date.
  await input.press("Tab");
  await expect(input).toHaveValue(value);
  await expect(picker.page().locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)")).toHaveCount(0);
}

/**
 * Starts billing from the billing runs page ("run now", confirmed) and waits until the new run,
 * the newest row, shows as finished without failures. Returns how many invoices it issued.
 */
export async function runBillingNow(page: Page): Promise<number> {
  await page.goto("/billing-runs");
  const table = page.getByTestId("billing-runs-table");
  const rows = table.locator("tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  const idCell = (row: Locator) => row.locator("td").filter({ hasText: /^#\d+$/ }).first();
  const before = Number((await idCell(rows.first()).innerText()).replace("#", ""));
  await page.getByTestId("billing-run-now").click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  // The run is the newest row (runs are listed newest first), a manual one.
  const newest = rows.first();
  await expect.poll(async () => Number((await idCell(newest).innerText()).replace("#", ""))).toBeGreaterThan(before);
  await expect(newest).toContainText("수동 실행");
  // The page polls while a run is running; a finished run shows "완료" (one with failures, "실패 있음").
  await expect(newest.locator(".ant-tag").filter({ hasText: /^(완료|실패 있음)$/ })).toBeVisible({ timeout: 45_000 });
  await expect(newest.locator(".ant-tag").filter({ hasText: /^완료$/ })).toBeVisible();
  const headers = await table.locator("thead th").allInnerTexts();
  return Number(await newest.locator("td").nth(headers.findIndex((h) => h.trim() === "발행한 청구서")).innerText());
}

/** The value cell next to a bordered antd Descriptions label. */
export const described = (container: Locator, label: string): Locator => container.locator("th.ant-descriptions-item-label", { hasText: label }).locator("xpath=following-sibling::td[1]");

export interface ShownInvoice {
  id: number;
  number: string;
  totalText: string;
  dueOn: string;
}

/**
 * On an invoice's page: number, total, due date and lines shown (the total, when given, is the
 * one expected); the PDF button downloads a real PDF of more than a few KB with this session.
 * Saves a screenshot.
 */
export async function checkInvoicePage(page: Page, shot: string, expected: { totalText?: string } = {}): Promise<ShownInvoice> {
  await expect(page).toHaveURL(/\/invoices\/show\/\d+$/);
  const id = Number(/\/invoices\/show\/(\d+)$/.exec(page.url())![1]);
  const header = page.getByTestId("invoice-header");
  await expect(page.getByTestId("invoice-number")).toHaveText(/^\S+$/);
  const total = described(header, "청구액");
  await expect(total).toHaveText(expected.totalText ?? /^[1-9][\d,]*원$/);
  await expect(described(header, "납부기한")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  const lines = page.getByTestId("invoice-lines");
  await expect(lines.locator("tr.ant-table-row").first()).toBeVisible();
  await expect(lines.locator(".ant-table-summary")).toContainText((await total.innerText()).trim());

  // The PDF button links to the API; what it downloads is the invoice's PDF.
  const pdf = page.getByTestId("invoice-pdf");
  await expect(pdf).toHaveAttribute("href", `/api/invoices/${id}/pdf`);
  const [download] = await Promise.all([page.waitForEvent("download"), pdf.click()]);
  const bytes = await streamBytes(await download.createReadStream());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(4_000);
  await screenshot(page, shot);
  return { id, number: (await page.getByTestId("invoice-number").innerText()).trim(), totalText: (await total.innerText()).trim(), dueOn: (await described(header, "납부기한").innerText()).trim() };
}

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** "1,234,000원" → 1234000n. */
export const won = async (locator: Locator): Promise<bigint> => BigInt((await locator.innerText()).replace(/[^\d-]/g, "") || "0");
export const wonText = (amount: bigint): string => `${amount.toLocaleString("en-US")}원`;

/** Opens the newest open invoice (nothing paid on it yet) from the list and returns its page's URL. */
export async function openNewestOpenInvoice(page: Page): Promise<string> {
  await page.goto("/invoices");
  await pickOption(page, page.getByTestId("invoices-filter-status"), "미납");
  await page.getByTestId("invoices-table-search").click();
  const rows = page.getByTestId("invoices-table").locator("tr.ant-table-row");
  // Wait for the filtered page, not the unfiltered one still on screen.
  await expect(rows.first()).toContainText("미납");
  await rows.first().locator("a[href^='/invoices/show/']").first().click();
  await expect(page).toHaveURL(/\/invoices\/show\/\d+$/);
  return page.url();
}
