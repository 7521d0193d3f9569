import { expect, test } from "@playwright/test";
import { DEMO_EMAILS, DEMO_PASSWORD, screenshot, signIn } from "../support.ts";

/** The demo store owner owns 강남역점 (GN01) only. */
const OWN_STORE = "GN01 · 강남역점";

test("a store owner sees only their store's invoices, and another store's invoice is not found by address", async ({ page, playwright, baseURL }) => {
  // An invoice of another store (홍대입구점, HD01), found as finance over the API.
  const finance = await playwright.request.newContext({ baseURL });
  const login = await finance.post("/trpc/auth.login", { data: { json: { email: DEMO_EMAILS.finance, password: DEMO_PASSWORD } } });
  expect(login.ok()).toBe(true);
  const query = async <T>(procedure: string, input: unknown): Promise<T> => {
    const response = await finance.get(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
  const list = { pagination: { current: 1, pageSize: 1 }, sorters: [] };
  const stores = await query<{ data: { id: number }[] }>("stores.list", { ...list, filters: [{ field: "code", operator: "contains", value: "HD01" }] });
  const elsewhere = await query<{ data: { id: number }[]; total: number }>("invoices.list", { ...list, filters: [{ field: "storeId", operator: "eq", value: stores.data[0]!.id }] });
  expect(elsewhere.total).toBeGreaterThan(0);
  await finance.dispose();

  await signIn(page, "store_owner");
  await page.goto("/invoices");
  const table = page.getByTestId("invoices-table");
  const rows = table.locator("tr.ant-table-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText(OWN_STORE);
  await expect(table).not.toContainText(/HD01|SW01|HU01|DG01/);
  await screenshot(page, "billing-invoices-store-owner");

  // The store filter offers their store only.
  await page.getByTestId("invoices-table-filters").locator(".ant-select").last().click();
  const options = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option");
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText("GN01");
  await page.keyboard.press("Escape");

  await rows.first().locator("a[href^='/invoices/show/']").first().click();
  await expect(page.getByTestId("invoice-header")).toContainText(OWN_STORE);
  await expect(page.getByTestId("invoice-pdf")).toBeVisible();
  // Read-only for a store owner: no payment to record.
  await expect(page.getByTestId("invoice-record-payment")).toHaveCount(0);

  await page.goto(`/invoices/show/${elsewhere.data[0]!.id}`);
  await expect(page.getByTestId("not-found").or(page.getByTestId("forbidden"))).toBeVisible();
  await expect(page.getByTestId("invoice-header")).toHaveCount(0);
  // Nor is its PDF served to them.
  expect((await page.request.get(`/api/invoices/${elsewhere.data[0]!.id}/pdf`)).status()).toBe(404);
});
