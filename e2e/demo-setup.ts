import type { APIRequestContext, Page } from "@playwright/test";
import { arcadiaToken, expect } from "./fixtures";

// Idempotent setup for specs that need the demo's data, whichever specs ran before them.

/** Runs a job from the Jobs page and waits until no run is in progress. */
export async function runJobAndWait(page: Page, name: string) {
  await page.goto("/jobs");
  await page.getByRole("table", { name: "Jobs" }).getByRole("button", { name: `Run now: ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: name }).first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Recent job runs" }).getByText("running")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 120_000 });
}

/** The starter catalog (plans pro, starter, studio) and the demo inventory, loaded unless an earlier spec did. */
export async function ensureCatalogAndInventory(page: Page) {
  await page.goto("/catalog");
  const load = page.getByRole("button", { name: "Load the starter catalog" });
  if (await load.isVisible()) {
    await load.click();
    await expect(load).toBeHidden();
  }
  await page.goto("/inventory");
  if (await page.getByRole("table", { name: "DigitalOcean resources" }).isHidden()) await runJobAndWait(page, "sync-inventory");
}

/** Acme on Pro, sent the way arcadia-app sends it (the same values the margin spec sends, so either may run first). */
export async function sendAcme(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${arcadiaToken({ sub: "arcadia-app", role: "platform_admin" })}` };
  const started = new Date(Date.UTC(new Date().getUTCFullYear() - 2, 0, 1)).toISOString();
  const tenant = await request.put("/api/v1/tenants/acme", { headers, data: { name: "Acme Pty Ltd" } });
  expect([200, 201], await tenant.text()).toContain(tenant.status());
  const sub = await request.put("/api/v1/subscriptions/demo-acme", { headers, data: { tenant_id: "acme", plan_code: "pro", status: "active", started_at: started } });
  expect([200, 201], await sub.text()).toContain(sub.status());
}

/** Fills the demo account the way an admin would: every job's "Run now", waiting until none is running. */
export async function runEveryJob(page: Page) {
  await page.goto("/catalog");
  const load = page.getByRole("button", { name: "Load the starter catalog" });
  if (await load.isVisible()) await load.click();

  await page.goto("/jobs");
  const jobsTable = page.getByRole("table", { name: "Jobs" });
  const buttons = jobsTable.getByRole("button", { name: /^Run now: / });
  const names = (await buttons.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))).map((l) => l.replace("Run now: ", ""));
  // ingest-invoice acts on one invoice (its button is on the invoice row); meter-bandwidth is paced to DO's rate budget
  // (50 requests a minute) and takes many minutes over a month of droplet-days: neither is needed to fill the pages.
  const skipped = new Set(["sync-inventory", "ingest-invoice", "meter-bandwidth"]);
  for (const name of ["sync-inventory", ...names.filter((n) => !skipped.has(n))]) {
    await jobsTable.getByRole("button", { name: `Run now: ${name}` }).click();
    await expect(page.getByRole("status").filter({ hasText: name }).first()).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("table", { name: "Recent job runs" }).getByText("running")).toHaveCount(0, { timeout: 1000 });
    }).toPass({ timeout: 90_000 });
  }
}
