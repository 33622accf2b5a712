import { adminPages, expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

test("every admin page, the tenant plans page and the sign-in page are accessible when empty", async ({ adminPage: page, browser }) => {
  // A dozen pages, each scanned by axe: more than the default minute on a busy two-core machine.
  test.setTimeout(180_000);
  for (const path of adminPages) {
    const res = await page.goto(path);
    if (res?.status() === 404) continue; // a page a later feature adds
    expect(res?.status(), path).toBe(200);
    await expectAccessible(page, `${path} (empty)`);
  }
  await page.goto("/docs/api");
  await expectAccessible(page, "/docs/api");

  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  await anonymous.goto("/login");
  await expectAccessible(anonymous, "/login");
  await anonymousContext.close();

  await page.goto("/plans");
  await expectAccessible(page, "/plans (empty)");
});
