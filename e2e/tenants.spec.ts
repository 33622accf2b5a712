import { expectAccessible } from "./axe";
import { ensureCatalogAndInventory, sendAcme } from "./demo-setup";
import { expect, signInWithLink, test } from "./fixtures";

test("a tenant page: found by search, with its subscription, usage, COGS by month, resources and history, linked from the inventory and the resource page", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(240_000);
  await ensureCatalogAndInventory(page);
  await sendAcme(request);

  await page.goto("/tenants");
  await expect(page.getByRole("heading", { level: 1, name: "Tenants" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tenants" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Search", { exact: true }).fill("acme pty");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/tenants\?q=acme\+pty$/);
  const list = page.getByRole("table", { name: "Tenants" });
  await expect(list.locator("tbody tr")).toHaveCount(1);
  await expect(list).toContainText("Pro (pro)");
  await expectAccessible(page, "/tenants");
  await list.getByRole("link", { name: "Acme Pty Ltd" }).click();

  await expect(page).toHaveURL(/\/tenants\/acme$/);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Pty Ltd" })).toBeVisible();
  // The subscription in force and its version; this month's usage against the plan's allowances, with projections.
  await expect(page.getByRole("heading", { name: "Subscription" })).toBeVisible();
  await expect(page.getByText("Pro (pro)")).toBeVisible();
  const usage = page.getByRole("table", { name: "Usage this month against each allowance" });
  await expect(usage.locator("tbody tr").first()).toBeVisible();
  await expect(usage.getByRole("columnheader", { name: "Projected overage" })).toBeVisible();
  // Twelve months of COGS and margin, as a chart and as a table.
  await expect(page.getByTestId("tenant-cogs-chart")).toBeVisible();
  await expect(page.getByRole("table", { name: "Revenue, COGS and margin by month" }).locator("tbody tr")).toHaveCount(12);
  // Its resources from the inventory, and its history.
  const resources = page.getByRole("table", { name: "The tenant's resources" });
  await expect(resources.locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Subscription history" })).toContainText("Subscribed to pro version");
  await expectAccessible(page, "/tenants/[id]");

  // A resource opens its page, whose details lead back to the tenant.
  const firstResource = resources.locator("tbody tr").first().getByRole("link");
  const resourceName = (await firstResource.textContent())!;
  await firstResource.click();
  await expect(page.getByRole("heading", { level: 1, name: resourceName })).toBeVisible();
  await page.getByRole("link", { name: "Acme Pty Ltd" }).click();
  await expect(page).toHaveURL(/\/tenants\/acme$/);

  // A tenant only a resource tag names (arcadia-app never sent it; hooli, whichever demo tenants were sent) has a page too, and everything of it is unbilled.
  await page.goto("/tenants?q=hooli");
  const tagOnly = page.getByRole("table", { name: "Tenants" }).locator("tbody tr").first();
  await expect(tagOnly).toContainText("not sent by arcadia-app");
  await tagOnly.getByRole("link").first().click();
  await expect(page.getByText("Nobody bills this tenant")).toBeVisible();
  await expect(page.getByRole("table", { name: "The tenant's resources" })).toContainText("unbilled: arcadia-app never sent this tenant");
});

test("the inventory has a tenant column linked to the tenant, and the columns an admin hides stay hidden", async ({ adminPage: page, request }) => {
  test.setTimeout(180_000);
  await ensureCatalogAndInventory(page);
  await sendAcme(request);
  await page.goto("/inventory?kind=droplet&q=tenant-acme");
  const table = page.getByRole("table", { name: "DigitalOcean resources" });
  await expect(table.getByRole("columnheader", { name: "Tenant" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Cost/ })).toBeVisible();

  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Tags" }).uncheck();
  await expect(table.getByRole("columnheader", { name: "Tags" })).toHaveCount(0);
  // Remembered for the admin, not the page: a reload (or another browser) shows the table as they left it.
  await expect(async () => {
    await page.reload();
    await expect(table.getByRole("columnheader", { name: "Tags" })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Tags" }).check();
  await expect(table.getByRole("columnheader", { name: "Tags" })).toBeVisible();

  await table.getByRole("link", { name: "Acme Pty Ltd" }).first().click();
  await expect(page).toHaveURL(/\/tenants\/acme$/);
});

test("a tenant's user sees their tenant's name and their plan marked at /plans, and no version numbers", async ({ browser, adminPage: page, request }) => {
  await ensureCatalogAndInventory(page);
  await sendAcme(request);
  const context = await browser.newContext();
  const tenant = await context.newPage();
  await signInWithLink(tenant, { sub: "tenant-user-7", role: "tenant", tenant_id: "acme" });
  await tenant.goto("/plans");
  await expect(tenant.getByRole("banner")).toContainText("Acme Pty Ltd");
  await expect(tenant.getByRole("banner")).not.toContainText("arcadia:");
  await expect(tenant.getByRole("article", { name: /Pro/ })).toContainText("Your plan");
  await expect(tenant.getByText(/^Version \d+$/)).toHaveCount(0);
  await context.close();
});
