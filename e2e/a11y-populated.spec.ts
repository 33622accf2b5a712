import { adminPages, expectAccessible } from "./axe";
import { runEveryJob } from "./demo-setup";
import { expect, signInWithLink, test } from "./fixtures";

test("every admin page and the tenant plans page are accessible with data", async ({ adminPage: page, browser }) => {
  // Runs every job in turn (more of them each release): give a busy machine room.
  test.setTimeout(480_000);
  await runEveryJob(page);
  for (const path of adminPages) {
    const res = await page.goto(path);
    if (res?.status() === 404) continue;
    await expectAccessible(page, `${path} (populated)`);
  }
  // Detail pages, reached the way a user reaches them.
  await page.goto("/inventory?kind=droplet");
  await page.getByRole("table", { name: "DigitalOcean resources" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expectAccessible(page, "/resources/[id]");
  await page.goto("/catalog");
  await page.getByRole("table", { name: "Plans" }).getByRole("link").first().click();
  await expectAccessible(page, "/catalog/[code]");

  const tenantContext = await browser.newContext();
  const tenant = await tenantContext.newPage();
  await signInWithLink(tenant, { sub: "t-a11y", role: "tenant", tenant_id: "acme" });
  await tenant.goto("/plans");
  await expectAccessible(tenant, "/plans (populated)");
  await tenantContext.close();
});
