import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "../support.ts";
import { described, openNewestOpenInvoice, signedInAs, won, wonText } from "./billing-steps.ts";

signedInAs("finance");

/** Records the payment the form holds and returns to the invoice's page. */
async function submitPayment(page: Page, invoiceUrl: string): Promise<void> {
  await page.getByTestId("payment-submit").click();
  await expect(page).toHaveURL(/\/payments\/show\/\d+$/);
  await page.goto(invoiceUrl);
}

test("finance records a partial bank transfer on an open invoice, then the rest with an overpayment that becomes the payer's credit", async ({ page }) => {
  // An open invoice (nothing paid on it yet), the newest.
  const invoiceUrl = await openNewestOpenInvoice(page);
  const invoiceId = Number(/(\d+)$/.exec(invoiceUrl)![1]);
  const header = page.getByTestId("invoice-header");
  await expect(header).toContainText("미납");
  const open = await won(page.getByTestId("invoice-open"));
  expect(open).toBeGreaterThan(1n);
  const number = (await page.getByTestId("invoice-number").innerText()).trim();
  const payerUrl = new URL((await header.locator("a[href^='/payers/show/']").getAttribute("href"))!, invoiceUrl).href;

  // Part of it by bank transfer: the form comes chosen for this invoice; the preview shows the split.
  const part = open / 2n;
  await page.getByTestId("invoice-record-payment").click();
  await expect(page).toHaveURL(new RegExp(`/payments/create\\?payerId=\\d+&invoiceId=${invoiceId}$`));
  const chosen = page.getByTestId(`payment-chosen-${invoiceId}`);
  await expect(chosen).toHaveValue(open.toLocaleString("en-US"));
  await expect(page.getByTestId("payment-form").getByRole("radio", { name: "계좌이체" })).toBeChecked();
  await page.getByTestId("payment-amount").fill(String(part));
  await chosen.fill(String(part));
  await page.getByTestId("payment-reference").fill("e2e 부분 입금");
  const preview = page.getByTestId("allocation-preview");
  const previewRow = preview.locator("tr.ant-table-row").filter({ hasText: number });
  await expect(previewRow).toContainText(wonText(part));
  await expect(previewRow).toContainText(wonText(open - part));
  await expect(page.getByTestId("allocation-credit")).toHaveText("남는 금액이 없습니다.");
  // The payer's credit before: the overpayment adds to it.
  const existingCredit = described(preview, "현재 예치금");
  await expect(existingCredit).toHaveText(/원$/);
  const creditBefore = await won(existingCredit);
  await screenshot(page, "billing-payment-partial-preview");
  await submitPayment(page, invoiceUrl);
  await expect(header).toContainText("부분 납부");
  await expect(page.getByTestId("invoice-open")).toHaveText(wonText(open - part));
  await expect(page.getByTestId("invoice-allocations").locator("tr.ant-table-row")).toHaveCount(1);
  await screenshot(page, "billing-invoice-partially-paid");

  // The rest plus 30,000 won: the invoice is paid, the 30,000 won kept as the payer's credit.
  const rest = open - part;
  const over = 30_000n;
  await page.getByTestId("invoice-record-payment").click();
  await expect(page.getByTestId(`payment-chosen-${invoiceId}`)).toHaveValue(rest.toLocaleString("en-US"));
  await page.getByTestId("payment-amount").fill(String(rest + over));
  await page.getByTestId("payment-reference").fill("e2e 잔액 + 초과 입금");
  await expect(page.getByTestId("allocation-credit")).toHaveText(`남는 금액 ${wonText(over)}은(는) 납부자의 예치금이 됩니다.`);
  await expect(preview.locator("tr.ant-table-row").filter({ hasText: number })).toContainText(wonText(rest));
  await screenshot(page, "billing-payment-overpayment-preview");
  await submitPayment(page, invoiceUrl);
  await expect(header).toContainText("완납");
  await expect(page.getByTestId("invoice-open")).toHaveText("0원");
  await expect(page.getByTestId("invoice-allocations").locator("tr.ant-table-row")).toHaveCount(2);

  await page.goto(payerUrl);
  await expect(page.getByTestId("payer-summary-credit").locator(".ant-statistic-content")).toHaveText(wonText(creditBefore + over));
  await screenshot(page, "billing-payer-credit");
});
