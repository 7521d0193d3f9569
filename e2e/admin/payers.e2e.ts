import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "../support.ts";

// A 1×1 PNG: the smallest scan the server accepts as paper-consent evidence (type read from its bytes).
const SCAN_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC", "base64");
const ACCOUNT = "110234565820";
const REASON = "납부자 요청으로 계좌 확인 (e2e)";
const CERTIFICATE_REASON = "분쟁 대응 확인서 (e2e)";
const EVIDENCE_REASON = "서면 동의서 원본 확인 (e2e)";

test("finance finds a payer by phone and by account last-4, reveals with a reason, and the access log shows it", async ({ page }) => {
  await signIn(page, "finance");
  await page.getByTestId("menu-payers").click();
  const rows = page.getByTestId("payers-table").locator("tr.ant-table-row");
  await expect(rows.first()).toBeVisible();

  // Search by the whole phone number (blind index): exactly 김민지.
  await page.getByTestId("payers-filter-phone").fill("010-2345-6789");
  await page.getByTestId("payers-search").click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("김민지");
  await expect(rows.first()).toContainText("010-****-6789");
  await screenshot(page, "payers-search-phone");

  // Give her an account: a consent taken on paper, its scan uploaded.
  await rows.first().getByRole("button").first().click();
  await expect(page.getByTestId("payer-details")).toContainText("P0001");
  await page.getByTestId("record-consent").click();
  const form = page.getByTestId("record-consent-form");
  await form.locator("#bankCode").click();
  await page.keyboard.type("088");
  await page.keyboard.press("Enter");
  await form.locator("#accountNumber").fill(ACCOUNT);
  await form.locator("input[type=file]").setInputFiles({ name: "consent-scan.png", mimeType: "image/png", buffer: SCAN_PNG });
  await page.getByRole("button", { name: "저장" }).last().click();
  await expect(page.getByTestId("payer-accounts")).toContainText("5820");

  // Her consent certificate and the scan: each download asks why, and goes to the access log.
  await page.getByRole("tab", { name: "출금동의·증빙" }).click();
  await page.locator("[data-testid^=consent-certificate-]").first().click();
  await page.locator("[data-testid^=consent-certificate-][data-testid$=-submit]").click();
  await expect(page.getByText("사유를 2자 이상 입력하세요.")).toBeVisible();
  await page.locator("[data-testid^=consent-certificate-][data-testid$=-reason]").fill(CERTIFICATE_REASON);
  const certificate = page.waitForEvent("download");
  await page.locator("[data-testid^=consent-certificate-][data-testid$=-submit]").click();
  expect((await certificate).suggestedFilename()).toMatch(/^consent-certificate-\d+\.pdf$/);
  await page.locator("[data-testid^=consent-open-]").first().click();
  await page.getByTestId("consent-drawer").locator("[data-testid^=evidence-download-]").first().click();
  await page.locator("[data-testid^=evidence-download-][data-testid$=-reason]").fill(EVIDENCE_REASON);
  const scan = page.waitForEvent("download");
  await page.locator("[data-testid^=evidence-download-][data-testid$=-submit]").click();
  expect((await scan).suggestedFilename()).toMatch(/^consent-\d+-evidence-\d+\.png$/);
  await page.locator(".ant-drawer-close").click();
  await expect(page.locator(".ant-drawer-open")).toHaveCount(0);

  // Search by the account's last four digits: her again, and nobody else.
  await page.getByTestId("menu-payers").click();
  await page.getByTestId("payers-filter-last4").fill(ACCOUNT.slice(-4));
  await page.getByTestId("payers-search").click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("김민지");

  // Reveal: a reason is required; the unmasked values show in the modal only.
  await rows.first().getByRole("button").first().click();
  await page.getByTestId("payer-reveal").click();
  await expect(page.getByTestId("reveal-warning")).toBeVisible();
  await page.getByTestId("reveal-reason").fill(REASON);
  await page.getByTestId("reveal-submit").click();
  await expect(page.getByTestId("revealed-phone")).toHaveText("010-2345-6789");
  await expect(page.getByTestId("revealed-data")).toContainText(ACCOUNT);
  await screenshot(page, "payer-reveal");
  await page.getByTestId("reveal-close").click();
  await expect(page.getByTestId("payer-phone-masked")).toHaveText("010-****-6789");

  // The access log names who, why and what, on the payer and on its own page.
  await page.getByRole("tab", { name: "접속기록" }).click();
  const log = page.getByTestId("access-log-table").locator("tr.ant-table-row").first();
  await expect(log).toContainText(REASON);
  await expect(log).toContainText("finance@sunap.demo");
  await expect(log).toContainText("개인정보 열람");
  const logTable = page.getByTestId("access-log-table");
  await expect(logTable).toContainText(CERTIFICATE_REASON);
  await expect(logTable).toContainText("동의 확인서 발급");
  await expect(logTable).toContainText(EVIDENCE_REASON);
  await expect(logTable).toContainText("증빙 다운로드");
  await page.getByTestId("menu-payer-access-log").click();
  await expect(page.getByTestId("access-log-table").locator("tr.ant-table-row").first()).toContainText(REASON);
  await screenshot(page, "payer-access-log");
});

test("a store owner sees only their own store's payers, even when searching", async ({ page }) => {
  await signIn(page, "store_owner");
  await page.getByTestId("menu-payers").click();
  const rows = page.getByTestId("payers-table").locator("tr.ant-table-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("강남역점");
  await expect(page.getByTestId("payers-create")).toHaveCount(0);
  await screenshot(page, "payers-store-owner");

  // A payer outside the store is not found by phone, nor opened by address.
  await page.getByTestId("payers-filter-phone").fill("010-2345-6789");
  await page.getByTestId("payers-search").click();
  await expect(page.getByTestId("payers-table")).toContainText("자료가 없습니다");
  await page.goto("/payers/show/1");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("finance changes a payer's e-mail without re-entering the encrypted birth date and phone, which stay as they were", async ({ page }) => {
  await signIn(page, "finance");
  await page.goto("/payers/edit/2");
  const form = page.getByTestId("payer-form");
  await expect(form.locator("#name")).toHaveValue("이준호");
  await expect(form.locator("#phone")).toHaveValue("");
  await form.locator("#email").fill("junho.e2e@example.kr");
  await page.locator(".refine-save-button").click();
  await expect(page).toHaveURL(/\/payers\/show\/2$/);
  await expect(page.getByTestId("payer-details")).toContainText("junho.e2e@example.kr");
  await expect(page.getByTestId("payer-phone-masked")).toHaveText("010-****-5432");
  await screenshot(page, "payer-edited-keeping-personal-data");
});
