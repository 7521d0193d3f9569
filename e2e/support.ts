import { expect, type Page } from "@playwright/test";
import path from "node:path";

export const DEMO_PASSWORD = "sunap-demo-2026";
export const DEMO_EMAILS = {
  admin: "admin@sunap.demo",
  finance: "finance@sunap.demo",
  franchise_hq: "hq@sunap.demo",
  store_owner: "store@sunap.demo",
  auditor: "auditor@sunap.demo",
} as const;
export type DemoRole = keyof typeof DEMO_EMAILS;

export const ARTIFACTS = path.resolve(import.meta.dirname, "artifacts");

export async function signIn(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/login");
  await page.locator("#email").fill(DEMO_EMAILS[role]);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await expect(page.getByTestId("user-name")).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
