import type { Page } from "@playwright/test";
import { adminPages } from "./axe";
import { ensureCatalogAndInventory } from "./demo-setup";
import { expect, test } from "./fixtures";

// A phone: 390 px wide. Every admin page, detail pages included, must fit (tables scroll inside their cards, never the
// page) and must not log a console error; the navigation is behind a menu button.
// Not `isMobile`: a mobile browser zooms out to fit a page that is too wide, which would hide exactly what this checks.
test.use({ viewport: { width: 390, height: 844 } });

/** Collects console errors and uncaught page errors from here on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
  return errors;
}

/** How far the page is wider than the screen, once it has rendered (lazy charts included). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  await page.waitForLoadState("load");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${what} scrolls sideways`, timeout: 5_000 })
    .toBeLessThanOrEqual(0);
}

/** A plan's page in the catalog, not one of the catalog's own tabs. */
const planPage = /^\/catalog\/(?!addons$|resource-prices$|new$)[a-z0-9-]+$/;

/** The href of the first link in `scope` matching `pattern`, or null when the page has none (nothing to open yet). */
async function firstHref(page: Page, pattern: RegExp): Promise<string | null> {
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

test("at 390 px the navigation opens from a Menu button and follows links", async ({ adminPage: page }) => {
  await page.goto("/inventory");
  // The sidebar is hidden on a phone; the menu button is the way to every page.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: /menu/i }).click();
  const menu = page.getByRole("dialog", { name: "Main menu" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("link", { name: "Inventory" })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: "Tenants" }).click();
  await expect(page).toHaveURL(/\/tenants$/);
  await expect(menu).toBeHidden();
  // Escape closes it too, and focus goes back to the button.
  await page.getByRole("button", { name: /menu/i }).click();
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(page.getByRole("button", { name: /menu/i })).toBeFocused();
});

test("at 390 px no admin page scrolls sideways or logs a console error, detail pages included", async ({ adminPage: page }) => {
  test.setTimeout(300_000);
  await ensureCatalogAndInventory(page);
  const errors = collectErrors(page);
  const visited: string[] = [];
  for (const path of [...adminPages, "/drift?tab=history", "/plans", "/docs/api"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page, path);
    visited.push(path);
  }
  // Detail pages, each reached from the list that links to it (skipped only when that list is still empty).
  const details: [string, RegExp][] = [
    ["/inventory?kind=droplet", /^\/resources\/[0-9a-f-]{36}$/],
    ["/tenants", /^\/tenants\/[^/?]+$/],
    ["/jobs", /^\/jobs\/runs\/[0-9a-f-]{36}$/],
    ["/operations", /^\/operations\/[0-9a-f-]{36}$/],
    ["/catalog", planPage],
    ["/margin/plans", /^\/margin\/plans\/[a-z0-9-]+$/],
  ];
  for (const [list, pattern] of details) {
    await page.goto(list);
    const href = await firstHref(page, pattern);
    if (!href) continue;
    await page.goto(href);
    await expectNoSidewaysScroll(page, href);
    visited.push(href);
  }
  // The draft editor: a plan's new draft, or the draft it already has.
  const plan = await (async () => {
    await page.goto("/catalog");
    return firstHref(page, planPage);
  })();
  if (plan) {
    await page.goto(`${plan}/drafts/new`);
    await expectNoSidewaysScroll(page, `${plan}/drafts/new`);
    visited.push(`${plan}/drafts/new`);
  }
  expect(visited.length).toBeGreaterThan(adminPages.length + 4);
  expect(errors, "console errors").toEqual([]);
});

test("at 390 px a section's tab bar shows its current tab, even one past the screen's edge", async ({ adminPage: page }) => {
  const errors = collectErrors(page);
  await page.goto("/costs/budgets");
  const tabs = page.getByRole("navigation", { name: "Costs views" });
  const current = tabs.getByRole("link", { name: "Budgets" });
  await expect(current).toHaveAttribute("aria-current", "page");
  // On screen, inside the bar (to a pixel: boxes are fractional): the bar scrolled itself to it; the page did not.
  await expect(current).toBeInViewport({ ratio: 0.98 });
  const [bar, tab] = [await tabs.boundingBox(), await current.boundingBox()];
  expect(tab!.x).toBeGreaterThanOrEqual(bar!.x - 1);
  expect(tab!.x + tab!.width).toBeLessThanOrEqual(bar!.x + bar!.width + 1);
  await page.screenshot({ path: "/tmp/team/shots/section-tabs/costs-budgets-390.png" });
  expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
  expect(errors, "console errors (hydration, CSP)").toEqual([]);
});
