import { expect, test } from "@playwright/test";
import { screenshot, signIn } from "../support.ts";

test("an admin closes a banking day for a temporary holiday, sees it on the year's calendar and in the list, then undoes it", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/banking-calendar");
  const grid = page.getByTestId("banking-calendar-grid");
  await expect(grid.getByTestId("day-2026-12-31")).toHaveAttribute("data-state", "shipped"); // the banks' year-end closing
  await expect(grid.getByTestId("day-2026-12-05")).toHaveAttribute("data-state", "weekend");
  await expect(page.getByTestId("debit-on")).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  // Clicking a banking day offers to close it, with the date filled in.
  await grid.getByTestId("day-2026-12-02").click();
  const form = page.getByTestId("close-day-form");
  await expect(form.locator("#date")).toHaveValue("2026-12-02");
  await form.locator("#reason").fill("국무회의 의결 (e2e)");
  await page.getByRole("dialog").getByRole("button", { name: "휴무일 추가" }).click();
  await expect(grid.getByTestId("day-2026-12-02")).toHaveAttribute("data-state", "added");
  const row = page.getByTestId("banking-calendar-table").locator("tr", { hasText: "2026-12-02" });
  await expect(row).toContainText("임시공휴일");
  await expect(row).toContainText("국무회의 의결 (e2e)");
  await screenshot(page, "banking-calendar-closure-added");

  await row.getByTestId("undo-2026-12-02").click();
  await page.getByRole("dialog").getByRole("button", { name: "되돌리기" }).click();
  await expect(grid.getByTestId("day-2026-12-02")).toHaveAttribute("data-state", "open");
});

test("finance reads the banking calendar but cannot change it", async ({ page }) => {
  await signIn(page, "finance");
  await page.goto("/banking-calendar");
  await expect(page.getByTestId("banking-calendar-grid").getByTestId("day-2026-12-25")).toHaveAttribute("data-state", "shipped");
  await expect(page.getByTestId("banking-calendar-close-day")).toHaveCount(0);
  await expect(page.getByTestId("debit-cutoff-card")).toContainText("17:00");
});
