import { expect, test } from "@playwright/test";
import { screenshot } from "../support.ts";
import { described, openNewestOpenInvoice, signedInAs, won, wonText } from "./billing-steps.ts";

signedInAs("finance");

test("finance takes back part of an open invoice with a credit note: the preview splits it, the open amount drops, the note is listed with its PDF", async ({ page }) => {
  const invoiceUrl = await openNewestOpenInvoice(page);
  const header = page.getByTestId("invoice-header");
  const open = await won(page.getByTestId("invoice-open"));
  expect(open).toBeGreaterThan(1_000n);
  await expect(page.getByTestId("invoice-credit-notes")).toContainText("발행된 감액 청구서가 없습니다");

  // 1,000 won of supply off the first line that has something left, its VAT (10%, truncated) computed
  // with it when the invoice charged VAT; nothing paid yet, so all of it comes off the receivable.
  await page.getByTestId("invoice-credit-note").click();
  await expect(page.getByTestId("credit-note-lines").locator("tr.ant-table-row").first()).toBeVisible();
  const amount = page.locator("input[data-testid^='credit-note-amount-']:not([disabled])").first();
  await amount.fill("1000");
  await page.getByTestId("credit-note-reason").fill("e2e 서비스 장애 보상");
  const withVat = (await page.locator("[data-testid^='credit-note-vat-']").count()) > 0;
  if (withVat) await expect(page.locator("[data-testid^='credit-note-vat-']").first()).toHaveText("100원");
  const credited = withVat ? 1_100n : 1_000n;
  await expect(page.getByTestId("credit-note-preview-receivable")).toHaveText(wonText(credited));
  await expect(page.getByTestId("credit-note-preview-credit")).toHaveText("0원");
  await expect(page.getByTestId("credit-note-preview-open-after")).toHaveText(wonText(open - credited));
  await screenshot(page, "billing-credit-note-preview");
  await page.getByTestId("credit-note-confirm").click();

  const notes = page.getByTestId("invoice-credit-notes").locator("tr.ant-table-row");
  await expect(notes).toHaveCount(1);
  await expect(notes.first()).toContainText(/CN-\d{4}-\d{6}/);
  await expect(notes.first()).toContainText("e2e 서비스 장애 보상");
  await expect(page.getByTestId("invoice-open")).toHaveText(wonText(open - credited));
  // Nothing collected and something still owed: still open (미납), not partially paid.
  await expect(described(header, "상태")).toContainText("미납");
  await expect(described(header, "납부액")).toHaveText("0원");
  const number = (await notes.first().locator("td").first().innerText()).trim();

  // Its PDF: a real document, downloaded with this session.
  const pdf = notes.first().locator("a[data-testid^='credit-note-pdf-']");
  await expect(pdf).toHaveAttribute("href", /^\/api\/credit-notes\/\d+\/pdf$/);
  const [download] = await Promise.all([page.waitForEvent("download"), pdf.click()]);
  expect(download.suggestedFilename()).toBe(`credit-note-${number}.pdf`);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(4_000);
  await screenshot(page, "billing-credit-note");

  // The credit notes list (청구·수납 → 감액 청구서) finds it by number, server-side.
  await page.goto("/credit-notes");
  await page.getByTestId("credit-notes-filter-number").fill(number);
  await page.getByTestId("credit-notes-table-search").click();
  const listed = page.getByTestId("credit-notes-table").locator("tr.ant-table-row");
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText(number);
  await expect(listed.first()).toContainText(wonText(credited));
  await listed.first().locator("a[href^='/invoices/show/']").click();
  await expect(page).toHaveURL(invoiceUrl);
});
