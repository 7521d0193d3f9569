import path from "node:path";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { ARTIFACTS, signIn } from "../support.ts";

// The payer opens the link on a phone; finance and the admin work in desktop windows of their own.
test.use({ ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });

async function desktop(browser: Browser, role: "finance" | "admin"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

/** The business date in the header's demo control. */
const businessDateInput = (page: Page) => page.getByTestId("business-date").locator("input");

/** Picks a business date in the header's demo control, as the admin would, and waits for the server to take it. */
async function pickBusinessDate(page: Page, date: string) {
  const input = businessDateInput(page);
  // Focus rather than click: the toast of an earlier change may still cover the control.
  await input.focus();
  await input.fill(date);
  await input.press("Enter");
  await expect(page.getByText(`업무일자를 ${date}(으)로 바꿨습니다.`)).toBeVisible();
  await expect(input).toHaveValue(date);
}

function dayAfter(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// Specs share one server and run one at a time (workers: 1 in the config); the date this one
// moves is put back by the test itself and, should it fail half way, here.
let restore: (() => Promise<void>) | null = null;
test.afterEach(async () => {
  await restore?.();
  restore = null;
});

test("a link past its expiry on the business date tells the payer it has expired, and is valid again when the date goes back", async ({ page, browser }) => {
  // Finance makes a campaign link with the shortest validity, one day, in the admin.
  const finance = await desktop(browser, "finance");
  await finance.goto("/enrollment-links");
  await finance.getByTestId("links-create").click();
  const dialog = finance.getByRole("dialog");
  await dialog.locator("label").filter({ hasText: /^캠페인$/ }).click();
  await dialog.getByLabel("캠페인 이름", { exact: true }).fill("e2e 만료 확인");
  await dialog.getByLabel("유효 기간(일)", { exact: true }).fill("1");
  await dialog.getByRole("button", { name: "링크 만들기" }).click();
  const url = (await finance.getByTestId("link-url").locator("code").textContent())!.trim();
  const linkPath = new URL(url).pathname;
  expect(linkPath).toMatch(/^\/enroll\/[0-9a-z]+\.[\w-]{22}\.[\w-]{22}$/);
  await finance.context().close();

  await page.goto(linkPath);
  await expect(page.getByRole("heading", { name: "자동이체 출금동의" })).toBeVisible();

  // The admin moves the business date two days on with the header's demo control.
  const admin = await desktop(browser, "admin");
  const today = await businessDateInput(admin).inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  restore = async () => {
    await pickBusinessDate(admin, today);
    await admin.context().close();
  };
  await pickBusinessDate(admin, dayAfter(today, 2));

  await page.reload();
  await expect(page.getByTestId("link-problem")).toHaveAttribute("data-code", "enroll.link_expired");
  await expect(page.getByRole("heading", { name: "유효기간 만료" })).toBeVisible();
  await expect(page.getByTestId("link-problem-message")).toHaveText("링크의 유효기간이 지났습니다. 새 링크를 요청하세요.");
  await page.screenshot({ path: path.join(ARTIFACTS, "enroll-link-expired.png"), fullPage: true });
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("link-problem-message")).toHaveText("This link has expired. Ask for a new one.");
  await page.getByTestId("language-switch").click();

  // The date back where it was: the same link opens again.
  await restore();
  restore = null;
  await page.reload();
  await expect(page.getByRole("heading", { name: "자동이체 출금동의" })).toBeVisible();
  await expect(page.getByTestId("link-problem")).toHaveCount(0);
});
