import { expect, test, type Locator } from "@playwright/test";
import { screenshot, signIn } from "../support.ts";
import { checkInvoicePage, pickOption, runBillingNow, runTag, signedInAs, typeDate } from "./billing-steps.ts";

/**
 * One contract per plugin, made through the plugin's own create form with a start in the past,
 * then billed by "run now"; its first invoice is found from the contract's page, shown with its
 * lines, and its PDF downloaded.
 */
signedInAs("finance");

/** From a table of a contract's invoices, opens the first row's invoice page by its link. */
async function openFirstInvoice(rows: Locator): Promise<void> {
  await expect(rows.first()).toBeVisible();
  await rows.first().locator("a[href^='/invoices/show/']").first().click();
}

test("subscription: finance starts a gym membership a month ago, billing issues it, and its first invoice has lines and a PDF", async ({ page }) => {
  await page.goto("/plugins/subscription/contracts/new");
  const form = page.getByTestId("subscription-start-form");
  await pickOption(page, page.getByTestId("subscription-payer"), "P0001", "P0001");
  await pickOption(page, page.getByTestId("subscription-plan"), "헬스 베이직");
  await typeDate(page.getByTestId("subscription-start-on"), "2026-10-15");
  await form.getByTestId("subscription-start-submit").click();
  await expect(page).toHaveURL(/\/plugins\/subscription\/contracts\/\d+$/);
  await expect(page.getByTestId("contract-summary")).toContainText("김민지");
  const contractUrl = page.url();

  expect(await runBillingNow(page)).toBeGreaterThanOrEqual(1);
  await page.goto(contractUrl);
  await openFirstInvoice(page.getByTestId("subscription-invoices").locator("tr.ant-table-row"));
  const invoice = await checkInvoicePage(page, "billing-invoice-subscription", { totalText: "55,000원" });
  expect(invoice.dueOn).toBe("2026-10-15");
});

/** A business registration number with a valid check digit (weights 1,3,7,1,3,7,1,3,5), from nine random digits. */
function businessNumber(): string {
  const d = Array.from({ length: 9 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  const sum = weights.reduce((acc, w, i) => acc + w * d[i]!, 0) + Math.floor((d[8]! * 5) / 10);
  const digits = [...d, (10 - (sum % 10)) % 10].join("");
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

test("franchise royalty: HQ opens a store, finance registers its franchisee, terms from October and its sales, billing issues October's royalty", async ({ page, browser }) => {
  // Four forms and a billing run: more than the default time on a loaded machine.
  test.slow();
  // Every demo store has terms already: a new store, opened in September.
  const code = `E${runTag(4)}`;
  const storeName = `e2e 로열티점 ${code}`;
  const hq = await browser.newPage({ storageState: undefined });
  await signIn(hq, "franchise_hq");
  await hq.goto("/stores/create");
  await hq.locator("#code").fill(code);
  await hq.locator("#name").fill(storeName);
  await hq.locator("#region").fill("서울");
  await typeDate(hq.locator(".ant-picker").filter({ has: hq.locator("#openedOn") }), "2026-09-01");
  await hq.getByRole("button", { name: "저장" }).click();
  await expect(hq).toHaveURL(/\/stores\/show\/\d+$/);
  await hq.close();

  // Its franchisee: a business payer of the store, enrolled in the royalty plugin.
  await page.goto("/payers/create");
  const payerForm = page.getByTestId("payer-form");
  await payerForm.getByText("사업자", { exact: true }).click();
  await page.locator("#payerCode").fill(`S-${code}`);
  await page.locator("#name").fill(`${storeName} (주)이투이`);
  await page.locator("#businessNumber").fill(businessNumber());
  await page.locator("#representative").fill("김가맹");
  await page.locator("#phone").fill(`02-${runTag(3)}-${runTag(4)}`);
  await pickOption(page, payerForm.locator(".ant-select").filter({ has: page.locator("#storeId") }), code, code);
  await pickOption(page, payerForm.locator(".ant-select").filter({ has: page.locator("#plugins") }), "가맹 로열티");
  await page.getByRole("button", { name: "저장" }).click();
  await expect(page).toHaveURL(/\/payers\/show\/\d+$/);

  // The terms: 5% flat from October; the franchisee is the store's only business payer, chosen by itself.
  await page.goto("/plugins/franchise-royalty/contracts/new");
  const terms = page.getByTestId("royalty-create-form");
  await pickOption(page, page.getByTestId("royalty-store"), code, code);
  await expect(page.getByTestId("royalty-payer")).toContainText(`S-${code}`);
  await typeDate(page.getByTestId("royalty-first-month"), "2026-10");
  await page.getByTestId("royalty-rate").fill("5");
  await terms.getByTestId("royalty-create-submit").click();
  await expect(page).toHaveURL(/\/plugins\/franchise-royalty\/contracts\/\d+$/);
  await expect(page.getByTestId("contract-summary")).toContainText(code);
  const contractUrl = page.url();

  // October's sales, reported: the invoice bills them rather than an estimate.
  await page.goto("/plugins/franchise-royalty/sales");
  await page.getByTestId("sales-enter").click();
  const sales = page.getByTestId("sales-entry-form");
  await pickOption(page, sales.locator(".ant-select"), code, code);
  await typeDate(sales.locator(".ant-picker"), "2026-10");
  await sales.locator("input[id$='grossSalesWon']").fill("40000000");
  await page.locator(".ant-modal-footer .ant-btn-primary").click();
  await expect(sales).toHaveCount(0);

  expect(await runBillingNow(page)).toBeGreaterThanOrEqual(1);
  await page.goto(contractUrl);
  const rows = page.getByTestId("royalty-invoices").locator("tr.ant-table-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("2026-10");
  await openFirstInvoice(rows);
  const invoice = await checkInvoicePage(page, "billing-invoice-franchise-royalty", { totalText: "2,200,000원" });
  expect(invoice.dueOn).toBe("2026-11-16");
});

test("donations: finance records a one-off gift given last week, billing issues it, and its invoice has lines and a PDF", async ({ page }) => {
  await page.goto("/plugins/donations/contracts/new");
  const form = page.getByTestId("donation-form");
  await pickOption(page, page.getByTestId("donation-payer"), "P0002", "P0002");
  await form.getByText("일시후원", { exact: true }).click();
  await page.getByTestId("donation-gift-amount").fill("150000");
  await typeDate(page.getByTestId("donation-gift-on"), "2026-11-17");
  await form.getByTestId("donation-save").click();
  await expect(page).toHaveURL(/\/plugins\/donations\/contracts\/\d+$/);
  await expect(page.getByTestId("contract-summary")).toContainText("이준호");
  const contractUrl = page.url();

  expect(await runBillingNow(page)).toBeGreaterThanOrEqual(1);
  await page.goto(contractUrl);
  const rows = page.getByTestId("contract-invoices").locator("tr.ant-table-row");
  await expect(rows).toHaveCount(1);
  await openFirstInvoice(rows);
  await checkInvoicePage(page, "billing-invoice-donations", { totalText: "150,000원" });
});

test("loan repayment: finance previews the schedule, makes a loan disbursed in September, and its first installment is invoiced at once as previewed", async ({ page }) => {
  await page.goto("/plugins/loan-repayment/loans/new");
  const form = page.getByTestId("loan-create-form");
  await pickOption(page, form.locator(".ant-select").first(), "P0003", "P0003");
  await page.getByTestId("loan-principal").fill("12000000");
  await page.getByTestId("loan-rate").fill("6.5");
  await page.getByTestId("loan-months").fill("12");
  await typeDate(page.getByTestId("loan-disbursed-on"), "2026-09-10");
  await page.getByTestId("loan-repayment-day").fill("10");

  // The schedule before the loan exists: twelve installments, the first due on October 10th.
  await page.getByTestId("loan-create-preview").click();
  const preview = page.getByTestId("loan-create-schedule");
  const previewRows = preview.locator("tr.ant-table-row");
  await expect(previewRows).toHaveCount(12);
  await expect(previewRows.first()).toContainText("2026-10-10");
  const headers = await preview.locator("thead th").allInnerTexts();
  const firstPayment = (await previewRows.first().locator("td").nth(headers.findIndex((h) => h.trim() === "납입액")).innerText()).trim();
  expect(firstPayment).toMatch(/^[1-9][\d,]*원$/);
  await screenshot(page, "billing-loan-preview");

  await form.getByTestId("loan-create-submit").click();
  await expect(page).toHaveURL(/\/plugins\/loan-repayment\/loans\/\d+$/);
  await expect(page.getByTestId("contract-summary")).toContainText("박서연");
  const contractUrl = page.url();

  // A loan disbursed in the past owes its due installments at once: creating it invoiced them, no run needed.
  await page.goto(contractUrl);
  const schedule = page.getByTestId("loan-detail-schedule");
  await expect(schedule.locator("a[href^='/invoices/show/']").first()).toBeVisible();
  await openFirstInvoice(schedule.locator("tr.ant-table-row"));
  const invoice = await checkInvoicePage(page, "billing-invoice-loan-repayment", { totalText: firstPayment });
  expect(invoice.dueOn).toBe("2026-10-10");
});
