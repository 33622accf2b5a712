import { e2eAdmin } from "./env";
import { expect, signInWithLink, test } from "./fixtures";

const adminPages = ["/inventory", "/drift", "/costs", "/catalog", "/jobs"];

test("an admin signs in with email and password, sees the empty inventory, and signs out", async ({ page, browser }) => {
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finventory/);
  await page.getByLabel("Email").fill(e2eAdmin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Email or password is incorrect");

  await page.getByLabel("Password").fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inventory$/);
  await expect(page.getByRole("heading", { name: "Inventory", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No resources yet" })).toBeVisible();
  await expect(page.getByText("DO_API_TOKEN").first()).toBeVisible();
  await expect(page.getByText(e2eAdmin.email)).toBeVisible();

  // Signed in, the sign-in page sends its callbackUrl home only when it is a path on this site.
  const origin = new URL(page.url()).origin;
  for (const evil of ["/\\evil.example", "/\t/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example"]) {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    expect(new URL(page.url()).origin, evil).toBe(origin);
  }

  const sessionCookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toBeTruthy();
  await page.goto("/inventory");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/login/);

  // The cookie from before sign-out is worth nothing any more, wherever it was copied to.
  const stolen = await browser.newContext();
  await stolen.addCookies([sessionCookie!]);
  const other = await stolen.newPage();
  await other.goto("/inventory");
  await expect(other).toHaveURL(/\/login/);
  await stolen.close();
});

test("a tenant who arrives through the arcadia link gets a 403 page on every admin page", async ({ page }) => {
  await signInWithLink(page, { sub: "t-1", role: "tenant", tenant_id: "acme", email: "ops@acme.test" });
  await expect(page).toHaveURL(/\/plans$/);
  for (const path of adminPages) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is for platform admins" })).toBeVisible();
  }
});

test("an expired sign-in link is refused with a clear message", async ({ page }) => {
  await signInWithLink(page, { sub: "t-1", role: "tenant", tenant_id: "acme", exp: Math.floor(Date.now() / 1000) - 60 });
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("invalid or has expired");
});

test("repeated wrong passwords lock sign-in with a clear message, even for the right password", async ({ browser }) => {
  // Its own client address, so the lockout does not reach the other tests' sign-ins.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.77" } });
  const page = await context.newPage();
  await page.goto("/login");
  const email = `nobody-${Date.now()}@example.com`;
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Email or password is incorrect");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Email").fill(e2eAdmin.email);
  await page.getByLabel("Password").fill(e2eAdmin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toContainText("Too many failed sign-ins");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
