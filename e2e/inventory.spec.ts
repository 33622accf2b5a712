import { expect, test } from "./fixtures";

test("in the demo, an admin syncs the inventory, sees resources with counts, and opens a resource's timeline", async ({ adminPage: page }) => {
  await page.goto("/inventory");
  await expect(page.getByText("Demo account")).toBeVisible();
  await page.getByRole("button", { name: "Sync now: sync-inventory" }).click();
  await expect(page.getByRole("status").filter({ hasText: /running inline|Sent sync-inventory/ })).toBeVisible();

  // The sync runs after the response; the page refreshes itself while it runs.
  const droplets = page.getByRole("navigation", { name: "Resource kinds" }).getByRole("link", { name: /^Droplets/ });
  await expect(async () => {
    await page.reload();
    await expect(droplets).toContainText(/Droplets \d+/, { timeout: 1000 });
    expect(Number((await droplets.textContent())?.match(/Droplets (\d+)/)?.[1] ?? 0)).toBeGreaterThan(0);
  }).toPass({ timeout: 45_000 });
  await expect(droplets).toContainText("synced");

  await droplets.click();
  await expect(page).toHaveURL(/kind=droplet/);
  const table = page.getByRole("table", { name: "DigitalOcean resources" });
  await expect(table.getByRole("row")).not.toHaveCount(1);
  await table.getByRole("columnheader", { name: /Name/ }).getByRole("link").click();
  await expect(table.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");

  const firstLink = table.getByRole("row").nth(1).getByRole("link").first();
  const name = (await firstLink.textContent())!;
  await firstLink.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expect(page.getByText("created", { exact: true }).first()).toBeVisible();

  // A page past the last one (an old link) leads back to the rows rather than claiming nothing matches.
  await page.goto("/inventory?kind=droplet&page=999");
  await expect(page.getByRole("heading", { name: "This page is past the last one" })).toBeVisible();
  await page.getByRole("link", { name: /^Go to page \d+$/ }).click();
  await expect(table.getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/Page (\d+) of \1/);
});
