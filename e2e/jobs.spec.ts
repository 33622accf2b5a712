import { expectAccessible } from "./axe";
import { ensureCatalogAndInventory } from "./demo-setup";
import { expect, test } from "./fixtures";

test("Run now shows the run's own progress, then its outcome, and the run's page tells its whole story", async ({ adminPage: page }) => {
  test.setTimeout(180_000);
  await ensureCatalogAndInventory(page);
  await page.goto("/jobs");
  const jobs = page.getByRole("table", { name: "Jobs" });
  const row = jobs.getByRole("row").filter({ has: page.getByRole("button", { name: "Run now: sync-inventory" }) });
  const button = row.getByRole("button", { name: "Run now: sync-inventory" });
  await button.click();
  await expect(row.getByRole("status")).toContainText(/running inline|Sent sync-inventory/);
  // The run's own progress (kinds listed, pages and items each), drawn from the run while it runs and kept at the end.
  await expect(row.getByRole("progressbar", { name: /sync-inventory progress/ })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByRole("list", { name: /sync-inventory progress by part/ })).toContainText(/droplet: \d+ pages?, \d+ items/);
  // Then the outcome replaces the message, and the button can be pressed again.
  await expect(row.getByRole("status")).toContainText(/^Done: .+Run details$/, { timeout: 90_000 });
  await expect(row.getByRole("status")).not.toContainText("running inline");
  await expect(button).toBeEnabled();

  await row.getByRole("link", { name: "Run details" }).click();
  await expect(page).toHaveURL(/\/jobs\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inventory sync run" })).toBeVisible();
  await expect(page.getByText("Started by", { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("e2e-admin@example.com");
  await expect(page.getByRole("main")).toContainText("Arguments");
  await expect(page.getByRole("main")).toContainText("Duration");
  const log = page.getByRole("list", { name: "Run log" });
  await expect(log.getByRole("listitem").first()).toContainText("started");
  await expect(log.getByRole("listitem").last()).toContainText("succeeded:");
  await expectAccessible(page, "/jobs/runs/[id]");
});

test("a job that needs arguments says where it runs instead of a Run now that fails, and the runs filter by job and outcome", async ({ adminPage: page }) => {
  await page.goto("/jobs");
  const jobs = page.getByRole("table", { name: "Jobs" });
  await expect(jobs.getByRole("button", { name: "Run now: ingest-invoice" })).toHaveCount(0);
  await expect(jobs.getByRole("row").filter({ hasText: "ingest-invoice" })).toContainText("Needs arguments");
  await jobs.getByRole("link", { name: "Re-ingest on an invoice's row" }).click();
  await expect(page).toHaveURL(/\/costs\/invoices$/);

  await page.goto("/jobs");
  await page.getByLabel("Job", { exact: true }).selectOption("sync-inventory");
  await page.getByLabel("Outcome").selectOption("succeeded");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]job=sync-inventory/);
  await expect(page).toHaveURL(/[?&]status=succeeded/);
  const runs = page.getByRole("table", { name: "Recent job runs" });
  for (const r of await runs.locator("tbody tr").all()) {
    await expect(r).toContainText("sync-inventory");
    await expect(r).toContainText("succeeded");
  }
});
