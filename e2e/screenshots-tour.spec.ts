import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { adminPages } from "./axe";
import { runEveryJob, sendAcme } from "./demo-setup";
import { ensureDemoDroplets, recordSpec, wrongSize } from "./drift-seed";
import { expect, test } from "./fixtures";

// A tour of every admin page with the demo's data, at a desktop's 1440 px and a phone's 390 px: each page must fit
// its width (tables scroll inside their cards) and log no console error. Full-page screenshots go to
// SCREENSHOT_DIR when it is set, for a person to look at.
const shotDir = process.env.SCREENSHOT_DIR;
const widths = [1440, 390];

/** Pages beyond the navigation's own, and the detail pages reached from a list (pattern of the link to follow). */
const extraPages = ["/costs/balance", "/costs/budgets", "/drift?tab=history", "/activity", "/settings/notifications", "/operations", "/docs/api"];
const detailPages: [string, RegExp][] = [
  ["/inventory?kind=droplet", /^\/resources\/[0-9a-f-]{36}$/],
  ["/tenants", /^\/tenants\/[^/?]+$/],
  ["/jobs", /^\/jobs\/runs\/[0-9a-f-]{36}$/],
  ["/catalog", /^\/catalog\/(?!addons$|resource-prices$|new$)[a-z0-9-]+$/],
  ["/margin/plans", /^\/margin\/plans\/[a-z0-9-]+$/],
];

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
  return errors;
}

async function visit(page: Page, path: string, width: number): Promise<boolean> {
  const res = await page.goto(path);
  if (res?.status() === 404) return false;
  await page.waitForLoadState("load");
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Charts load lazily; give them their moment before measuring and photographing.
  await page.waitForTimeout(400);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${path} at ${width} px scrolls sideways`, timeout: 5_000 })
    .toBeLessThanOrEqual(0);
  // An empty state says what would be there and how it gets there, not just "Nothing yet".
  const mute = await page.locator("[data-empty-state]").evaluateAll((els) =>
    els.filter((el) => (el.textContent ?? "").trim() === (el.querySelector("h2")?.textContent ?? "").trim()).map((el) => el.textContent?.trim()),
  );
  expect(mute, `${path}: empty states with only a title`).toEqual([]);
  if (shotDir) {
    const slug = path.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-") || "home";
    await page.screenshot({ path: `${shotDir}/${width}-${slug}.png`, fullPage: true });
  }
  return true;
}

/** Every option of a select must fit inside it: the native menu shows the chosen one cut off otherwise. */
async function cutOffOptions(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((el) => {
    const select = el as HTMLSelectElement;
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = style.font;
    // The room for text: the box less its padding, borders and Chromium's drop-down arrow (about 20 px).
    const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
    return Array.from(select.options, (o) => o.text).filter((text) => context.measureText(text).width > room);
  });
}

test("every admin page, at 1440 and 390 px, fits its width and logs no console error; the explorer's period picker shows whole amounts and lines count from 1", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(600_000);
  if (shotDir) mkdirSync(shotDir, { recursive: true });
  // The demo's data: specs that drift (so the drift pages have something), every job run, and a tenant on a plan.
  const droplets = await ensureDemoDroplets(page, request, 2);
  for (const d of droplets) await recordSpec(request, d.id, { size_slug: wrongSize(d), region: d.region });
  await runEveryJob(page);
  await sendAcme(request);

  const errors = collectErrors(page);
  for (const width of widths) {
    await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
    const visited: string[] = [];
    for (const path of [...adminPages, ...extraPages]) if (await visit(page, path, width)) visited.push(path);
    for (const [list, pattern] of detailPages) {
      await page.goto(list);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      const href = hrefs.find((h) => pattern.test(h));
      if (href && (await visit(page, href, width))) visited.push(href);
    }
    expect(visited.length, `pages visited at ${width} px`).toBeGreaterThan(adminPages.length + detailPages.length);

    await page.goto("/costs");
    expect(await cutOffOptions(page, "#cl-period"), `period options cut off at ${width} px`).toEqual([]);
    await expect(page.getByLabel("Billing period").locator("option").first()).toHaveText(/^[A-Z][a-z]{2} \d{4} · US\$[\d,]+\.\d{2}$/);
    const firstLine = page.getByRole("table", { name: "Cost lines of the selected period and filters" }).locator("tbody tr").first().locator("td").first();
    await expect(firstLine).toHaveText("1");
  }
  expect(errors, "console errors").toEqual([]);
});
