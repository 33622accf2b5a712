import { e2eAdmin } from "./env";
import { expect, signInWithLink, test } from "./fixtures";

const adminPages = ["/inventory", "/drift", "/costs", "/catalog", "/jobs"];

test("an admin signs in with email and password, sees the empty inventory, and signs out", async ({ page }) => {
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

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/inventory");
  await expect(page).toHaveURL(/\/login/);
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
