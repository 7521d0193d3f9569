import { expect, test } from "@playwright/test";
import { screenshot, signIn, type DemoRole } from "../support.ts";

// What each role's menu shows (the server's permissions decide; the admin only reflects them).
const MENUS: Record<DemoRole, string[]> = {
  admin: ["dashboard", "stores", "ledger", "periods", "audit", "users", "organization"],
  finance: ["dashboard", "stores", "ledger", "periods", "audit", "organization"],
  franchise_hq: ["dashboard", "stores", "ledger", "periods", "organization"],
  store_owner: ["dashboard", "stores", "ledger", "organization"],
  auditor: ["dashboard", "stores", "ledger", "periods", "audit", "users", "organization"],
};
const ALL = ["dashboard", "stores", "ledger", "periods", "audit", "users", "organization"];
const PLUGINS = ["subscription", "franchise-royalty", "donations", "loan-repayment"];

// A page each role may not use, reached by typing its address.
const FORBIDDEN: Record<DemoRole, string> = {
  admin: "",
  finance: "/users",
  franchise_hq: "/audit",
  store_owner: "/periods",
  auditor: "/ledger/create",
};

for (const role of Object.keys(MENUS) as DemoRole[]) {
  test(`${role} signs in and sees exactly the menu the role may use`, async ({ page }) => {
    await signIn(page, role);
    for (const item of ALL) {
      const entry = page.getByTestId(`menu-${item}`);
      if (MENUS[role].includes(item)) await expect(entry, item).toBeVisible();
      else await expect(entry, item).toHaveCount(0);
    }
    await expect(page.getByTestId("menu-industry-plugins")).toBeVisible();
    // The group may open by itself (it remembers its state); open it only when closed.
    if (!(await page.getByTestId("menu-plugin-subscription").isVisible())) await page.getByTestId("menu-industry-plugins").click();
    for (const plugin of PLUGINS) await expect(page.getByTestId(`menu-plugin-${plugin}`)).toBeVisible();
    await screenshot(page, `home-${role}`);
  });

  if (FORBIDDEN[role]) {
    test(`${role} is refused ${FORBIDDEN[role]} when typing its address`, async ({ page }) => {
      await signIn(page, role);
      await page.goto(FORBIDDEN[role]);
      await expect(page.getByTestId("forbidden")).toBeVisible();
      await screenshot(page, `forbidden-${role}`);
    });
  }
}

test("a wrong password is refused with the server's message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.locator("#email").fill("finance@sunap.demo");
  await page.locator("#password").fill("wrong-password-123");
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("login-error")).toContainText("이메일 또는 비밀번호가 올바르지 않습니다");
  await page.goto("/stores");
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, "login-refused");
});

test("a store owner sees only their own store", async ({ page }) => {
  await signIn(page, "store_owner");
  await page.getByTestId("menu-stores").click();
  const rows = page.getByTestId("stores-table").locator("tr.ant-table-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("강남역점");
  await screenshot(page, "stores-store-owner");
});

test("finance browses the ledger and the audit log, and switches to English", async ({ page }) => {
  await signIn(page, "finance");
  await page.getByTestId("menu-ledger").click();
  await expect(page.getByTestId("ledger-table").locator("tr.ant-table-row").first()).toBeVisible();
  await screenshot(page, "ledger-finance");
  await page.getByTestId("menu-audit").click();
  await expect(page.getByTestId("audit-table").locator("tr.ant-table-row").first()).toBeVisible();
  await screenshot(page, "audit-finance");
  await page.getByTestId("language-switch").getByText("English").click();
  await expect(page.getByTestId("menu-ledger")).toContainText("Ledger");
  await screenshot(page, "audit-finance-en");
  // The choice is saved on the user: switch back so later specs meet finance in Korean.
  await page.getByTestId("language-switch").getByText("한국어").click();
  await expect(page.getByTestId("menu-ledger")).toContainText("원장");
});
