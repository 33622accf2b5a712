import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { ensureCatalogAndInventory } from "./demo-setup";
import { arcadiaToken, expect, test } from "./fixtures";

// arcadia-app asks for a droplet that costs more than the approval threshold; an admin finds it waiting on
// /operations, approves it and follows its saga against the fake DO to the end.

const shots = "/tmp/team/shots/operations";
const tenant = "ops-e2e";
const headers = () => ({ authorization: `Bearer ${arcadiaToken({ sub: "arcadia-app", role: "platform_admin" })}` });

async function subscribe(request: APIRequestContext) {
  const started = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 1)).toISOString();
  const t = await request.put(`/api/v1/tenants/${tenant}`, { headers: headers(), data: { name: "Operations E2E" } });
  expect([200, 201], await t.text()).toContain(t.status());
  const s = await request.put(`/api/v1/subscriptions/${tenant}-pro`, { headers: headers(), data: { tenant_id: tenant, plan_code: "pro", status: "active", started_at: started } });
  expect([200, 201], await s.text()).toContain(s.status());
}

/** An m-16vcpu-128gb droplet: about 1,000 USD a month, above the 200 USD approval threshold. */
async function askForBigDroplet(request: APIRequestContext, name: string): Promise<{ id: string; status: string }> {
  const res = await request.post("/api/v1/provisioning/requests", {
    headers: { ...headers(), "idempotency-key": randomUUID() },
    data: { tenant_id: tenant, action: "create_droplet", params: { name, region: "syd1", size: "m-16vcpu-128gb", image: "ubuntu-24-04-x64" } },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()).data;
}

async function shoot(page: Page, file: string) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${file} at ${width} px scrolls sideways` }).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/${file}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("an admin approves a request waiting for approval and watches its timeline reach succeeded", async ({ adminPage: page, request }) => {
  test.setTimeout(240_000);
  await ensureCatalogAndInventory(page);
  await subscribe(request);
  const name = `ops-e2e-${Date.now().toString(36)}`;
  const asked = await askForBigDroplet(request, name);
  expect(asked.status).toBe("awaiting_approval");

  await page.goto("/operations?status=awaiting_approval");
  const row = page.getByRole("table", { name: "Provisioning requests" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("awaiting approval");
  await expect(row.getByRole("link", { name: tenant })).toHaveAttribute("href", `/tenants/${tenant}`);
  await expectAccessible(page, "/operations");
  await shoot(page, "operations");

  await row.getByRole("link", { name: "Create droplet" }).click();
  await expect(page).toHaveURL(`/operations/${asked.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Create droplet for ${tenant}` })).toBeVisible();
  const steps = page.getByRole("list", { name: "Steps" });
  await expect(steps).toContainText("approval");
  await page.getByRole("button", { name: "Approve" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve this request?" });
  await expect(dialog).toContainText(/US\$[\d,]+\.\d\d a month/);
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();

  // The page refreshes itself while the saga runs: the steps appear one by one until it succeeds.
  const facts = page.getByLabel("Request facts");
  await expect(facts).toContainText("succeeded", { timeout: 120_000 });
  await expect(facts).toContainText("approved by e2e-admin@example.com");
  for (const step of ["reserve", "approval", "create-droplet", "wait-create"]) await expect(steps).toContainText(step);
  await expect(steps.getByText("failed")).toHaveCount(0);
  const resource = facts.getByRole("link", { name: /^droplet \d+$/ });
  await expect(resource).toHaveAttribute("href", /^\/resources\/[0-9a-f-]{36}$/);
  await expectAccessible(page, "/operations/{id}");
  await shoot(page, "request-timeline");

  // The tenant's page lists it, and links to its requests on /operations.
  await page.goto(`/tenants/${tenant}`);
  const tenantRequests = page.getByRole("table", { name: "The tenant's provisioning requests" });
  await expect(tenantRequests).toContainText("succeeded");
  await page.getByRole("link", { name: "Every request of this tenant" }).click();
  await expect(page).toHaveURL(`/operations?tenant=${tenant}`);
});

test("an admin cancels a request waiting for approval; a finished one offers no Cancel", async ({ adminPage: page, request }) => {
  await ensureCatalogAndInventory(page);
  await subscribe(request);
  const name = `ops-cancel-${Date.now().toString(36)}`;
  const asked = await askForBigDroplet(request, name);
  await page.goto(`/operations/${asked.id}`);
  await page.getByRole("button", { name: "Cancel request" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this request?" });
  await dialog.getByRole("button", { name: "Cancel request" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Request facts")).toContainText("cancelled");
  await expect(page.getByText("cancelled by e2e-admin@example.com")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel request" })).toHaveCount(0);

  // The API agrees, and refuses to cancel it again.
  const again = await request.post(`/api/v1/provisioning/requests/${asked.id}/cancel`, { headers: headers() });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toMatchObject({ code: "not_cancellable", details: { status: "cancelled" } });

  await page.goto(`/operations?tenant=${tenant}&status=cancelled`);
  await expect(page.getByRole("table", { name: "Provisioning requests" }).getByRole("row").filter({ hasText: name })).toContainText("cancelled");
});
