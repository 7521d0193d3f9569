import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "../support.ts";
import { E2E_TODAY } from "../playwright.config.ts";

// 해운대점 바다상회 (S-HU01): a demo franchisee no other spec uses, with a royalty contract to end.
const PAYER_CODE = "S-HU01";

test("finance marks a payer as left: the dialog says what will happen, a reason is required, and the payer shows 탈퇴 with the date", async ({ page }) => {
  await signIn(page, "finance");
  await page.getByTestId("menu-payers").click();
  await page.getByTestId("payers-filters").getByLabel("납부자 코드").fill(PAYER_CODE);
  await page.getByTestId("payers-search").click();
  const rows = page.getByTestId("payers-table").locator("tr.ant-table-row");
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole("button").first().click();
  await expect(page.getByTestId("payer-details")).toContainText(PAYER_CODE);
  await expect(page.getByTestId("payer-status")).toHaveText("이용 중");

  await page.getByTestId("payer-leave").click();
  const consequences = page.getByTestId("payer-leave-consequences");
  await expect(consequences).toContainText("유효한 출금동의가 없습니다.");
  await expect(consequences).toContainText(/진행 중인 계약 [1-9]\d*건을 탈퇴일자로 종료합니다/);
  await expect(page.locator("#leftOn")).toHaveValue(E2E_TODAY);
  await page.getByTestId("payer-leave-submit").click();
  await expect(page.getByText("사유를 2자 이상 입력하세요.")).toBeVisible();
  await page.getByTestId("payer-leave-reason").fill("폐점으로 가맹 계약 종료 (e2e)");
  await screenshot(page, "payer-leave-dialog");
  await page.getByTestId("payer-leave-submit").click();

  await expect(page.getByText(`${E2E_TODAY}자로 탈퇴 처리했습니다.`)).toBeVisible();
  await expect(page.getByTestId("payer-status")).toHaveText(`탈퇴 ${E2E_TODAY}`);
  await expect(page.getByTestId("payer-leave")).toHaveCount(0);
  await screenshot(page, "payer-left");
});
