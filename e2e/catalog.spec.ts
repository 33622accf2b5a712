import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { arcadiaToken, expect, signInWithLink, test } from "./fixtures";

/** The starter catalog is in AUD, and every amount names its currency: "A$1,234.50". */
const dollars = (cents: number) => `A$${(cents / 100).toLocaleString("en-AU", { minimumFractionDigits: 2 })}`;

/** The e2e database starts empty: the admin loads the starter catalog from the empty state (the seed `npm run demo` runs). */
async function ensureStarterCatalog(page: Page) {
  await page.goto("/catalog");
  const load = page.getByRole("button", { name: "Load the starter catalog" });
  if (await load.isVisible()) {
    await load.click();
    await expect(page.getByRole("status").filter({ hasText: "starter catalog is loaded" })).toBeVisible();
  }
  await expect(page.getByRole("table", { name: "Plans" }).getByRole("link", { name: "Studio" })).toBeVisible();
}

test("an admin drafts Studio at a new price and publishes it; tenants then see the new price", async ({ adminPage: page, browser, request }) => {
  await ensureStarterCatalog(page);
  const api = async () => {
    const res = await request.get("/api/v1/catalog/plans", { headers: { authorization: `Bearer ${arcadiaToken({ sub: "t-9", role: "tenant", tenant_id: "acme" })}` } });
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { code: string; active_version: { version: number; base_price_cents: number } }[] }).data.find((p) => p.code === "studio")!;
  };
  const before = (await api()).active_version;
  const newCents = before.base_price_cents + 700;
  await expectAccessible(page, "/catalog");

  await page.getByRole("table", { name: "Plans" }).getByRole("link", { name: "Studio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  await page.getByRole("link", { name: "New draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New draft of Studio" })).toBeVisible();
  const price = page.getByLabel("Monthly price");
  await expect(price).toHaveValue((before.base_price_cents / 100).toFixed(2));

  // The server validates; the error sits beside the input and is announced.
  await price.fill("fifty");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter an amount in dollars" })).toBeVisible();
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(price).toHaveValue("fifty");
  await expectAccessible(page, "draft form with errors");

  await price.fill((newCents / 100).toFixed(2));
  await page.getByRole("button", { name: "Create draft" }).click();
  const draftVersion = before.version + 1;
  await expect(page).toHaveURL(new RegExp(`/catalog/studio/versions/${draftVersion}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Studio: draft version ${draftVersion}` })).toBeVisible();

  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog", { name: `Publish version ${draftVersion} of Studio?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("listitem")).toHaveText([`Monthly price ${dollars(before.base_price_cents)} → ${dollars(newCents)}`]);
  await expect(dialog).toContainText(`0 subscriptions stay on version ${before.version}`);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page, "publish dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Publish…" }).click();
  await dialog.getByRole("button", { name: `Publish version ${draftVersion}` }).click();

  await expect(page).toHaveURL(new RegExp(`/catalog/studio\\?published=${draftVersion}$`));
  await expect(page.getByRole("status").filter({ hasText: `Version ${draftVersion} is now active; version ${before.version} is retired` })).toBeVisible();
  const versionCard = (n: number) => page.locator(`#version-${n}`);
  await expect(versionCard(draftVersion).getByText("active", { exact: true })).toBeVisible();
  await expect(versionCard(before.version).getByText("retired", { exact: true })).toBeVisible();
  await expect(versionCard(draftVersion)).toContainText(`Changes from version ${before.version}`);
  await expectAccessible(page, "plan page");

  expect((await api()).active_version).toMatchObject({ version: draftVersion, base_price_cents: newCents });

  const tenant = await (await browser.newContext()).newPage();
  await signInWithLink(tenant, { sub: "t-1", role: "tenant", tenant_id: "acme", email: "ops@acme.test" });
  await expect(tenant).toHaveURL(/\/plans$/);
  const studio = tenant.getByRole("article", { name: "Studio" });
  await expect(studio).toContainText(dollars(newCents));
  await expect(studio).toContainText("per month");
  await expect(studio).toContainText("LLM tokens");
  await expect(tenant.getByRole("table", { name: "Add-ons available with any plan" })).toContainText("5 million LLM tokens");
  await expectAccessible(tenant, "/plans");
});

test("add-ons and resource prices are managed on their own pages", async ({ adminPage: page }) => {
  await ensureStarterCatalog(page);
  await page.getByRole("navigation", { name: "Catalog sections" }).getByRole("link", { name: "Resource prices" }).click();
  await expect(page.getByRole("table", { name: "Resource price periods" })).toContainText("Block storage");
  await page.getByLabel("Resource", { exact: true }).selectOption("volume_gb_month");
  await page.getByLabel("Unit", { exact: true }).fill("GB-month");
  await page.getByLabel("Price per unit").fill("0.18");
  await page.getByRole("button", { name: "Add price" }).click();
  await expect(page.getByRole("status").filter({ hasText: "New volume_gb_month price recorded" })).toBeVisible();
  const rows = page.getByRole("table", { name: "Resource price periods" }).getByRole("row").filter({ hasText: "Block storage" });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("A$0.18 per GB-month");
  await expect(rows.first()).toContainText("In force");
  await expect(rows.nth(1)).toContainText("Past");
  await expectAccessible(page, "/catalog/resource-prices");

  await page.getByRole("navigation", { name: "Catalog sections" }).getByRole("link", { name: "Add-ons" }).click();
  await page.getByLabel("Code", { exact: true }).fill("e2e-zones");
  await page.getByLabel("Name", { exact: true }).fill("Ten more DNS zones");
  await page.getByLabel("Adds").selectOption("dns_zones");
  await page.getByLabel("Quantity").fill("10");
  await page.getByLabel("Monthly price").fill("4");
  await page.getByRole("button", { name: "Create add-on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Add-on e2e-zones created" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Ten more DNS zones" });
  await expect(row).toContainText("On sale");
  await row.getByRole("button", { name: "Take off sale" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Take off sale" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(row).toContainText("Off sale");
  await expect(row.getByRole("button", { name: "Put on sale" })).toBeVisible();
  await expectAccessible(page, "/catalog/addons");
});
