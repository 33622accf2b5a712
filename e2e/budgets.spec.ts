import type { Page } from "@playwright/test";
import { runJobAndWait } from "./demo-setup";
import { expect, test } from "./fixtures";

const shots = "/tmp/team/shots/budgets";

async function expectNoSidewaysScroll(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { timeout: 5_000 }).toBeLessThanOrEqual(0);
}

test("an admin adds a budget in the UI, a balance snapshot crosses it, and its progress bars show on the budgets and costs pages", async ({ adminPage: page }) => {
  test.setTimeout(180_000);
  const name = `E2E account ${Date.now().toString(36)}`;
  await page.goto("/costs/budgets");
  await expect(page.getByRole("heading", { name: "Costs", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Costs views" }).getByRole("link", { name: "Budgets" })).toHaveAttribute("aria-current", "page");

  // A refused form keeps what was typed and says what to fix beside the field.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Monthly budget (USD)").fill("a lot");
  await page.getByRole("button", { name: "Add budget" }).click();
  await expect(page.getByText("Enter the monthly budget in US dollars, e.g. 1500 or 1,500.00.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  await page.getByLabel("Monthly budget (USD)").fill("0.01");
  await page.getByLabel("Covers").first().selectOption("account");
  await page.getByRole("button", { name: "Add budget" }).click();
  await expect(page.getByText(`Budget “${name}” added.`)).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(item).toContainText("Whole account · US$0.01 a month · alerts at 50 %, 80 %, 100 %");

  // The demo's DO has spent more than a dollar this month: the snapshot fires every threshold, once.
  await runJobAndWait(page, "snapshot-balance");
  await page.goto("/costs/budgets");
  await expect(item.getByRole("progressbar", { name: /^Month to date: US\$[\d,.]+ of US\$0\.01 \([\d,]+ %\)$/ })).toBeVisible();
  await expect(item.getByRole("progressbar", { name: /^Projected: US\$/ })).toBeVisible();
  await expect(item.getByText("100 % reached")).toBeVisible();

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: `${shots}/budgets-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/budgets-390.png`, fullPage: true });

  await page.goto("/costs");
  const summary = page.getByRole("region", { name: "Budgets this month" });
  await expect(summary.getByRole("progressbar", { name: new RegExp(`^${name} \\(projected\\): US\\$`) })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/costs-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: `${shots}/costs-1440.png` });

  // Edited: a bigger amount shows at once; then deleted, back to the empty state.
  await page.goto("/costs/budgets");
  await item.getByText(`Edit ${name}`).click();
  await item.getByLabel("Monthly budget (USD)").fill("1,000,000");
  await item.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText(`Budget “${name}” saved.`)).toBeVisible();
  await expect(item).toContainText("US$1,000,000.00 a month");
  await item.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete budget" }).click();
  await expect(page.getByRole("heading", { name: "No budgets yet" })).toBeVisible();
});
