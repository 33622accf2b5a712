import { adminPages } from "./axe";
import { arcadiaToken, expect, signInWithLink, test } from "./fixtures";

const publicPages = ["/login", "/docs/api"];

test("every page sends a strict, per-response CSP and runs under it without a violation", async ({ adminPage: page }) => {
  const nonces = new Set<string>();
  for (const path of [...adminPages, ...publicPages, "/"]) {
    const res = await page.goto(path);
    const csp = res?.headers()["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"]) expect(csp, path).toContain(d);
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    // The app is alive under the policy: the client navigation exists, so its scripts ran.
    await expect(page.locator("main, body").first()).toBeVisible();
  }
  expect(nonces.size).toBe(adminPages.length + publicPages.length + 1);
  // The page fixture fails the test on any CSP violation Chromium reported on these pages.
});

test("the sign-in link's redirect keeps Referrer-Policy: no-referrer", async ({ request }) => {
  const res = await request.get(`/auth/arcadia?token=${arcadiaToken({ sub: "t-ref", role: "tenant", tenant_id: "acme" })}`, { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers()["referrer-policy"]).toBe("no-referrer");
});

test("a tenant's plans page runs under the CSP too", async ({ page }) => {
  await signInWithLink(page, { sub: "t-csp", role: "tenant", tenant_id: "acme" });
  const res = await page.goto("/plans");
  expect(res?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
});
