import type { APIRequestContext, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { arcadiaToken, expect, test } from "./fixtures";

// The margin dashboard in the demo: the fake DO account's inventory and invoices, tenants and subscriptions sent the
// way arcadia-app sends them (PUT /api/v1/tenants/:id and /api/v1/subscriptions/:id), and a USD→AUD rate an admin
// enters on the FX page. Every step is idempotent, so the spec runs on a database other specs have filled.

// On the plans the demo's own seed gives them (lib/billing/seed-demo-billing.ts): a subscription never changes plan, so
// either may come first.
const demoSubscriptions = [
  { tenant: "acme", name: "Acme Pty Ltd", plan: "pro" },
  { tenant: "globex", name: "Globex Corporation", plan: "pro" },
  { tenant: "initech", name: "Initech", plan: "pro" },
  { tenant: "umbrella", name: "Umbrella Health", plan: "studio" },
];

async function runJob(page: Page, name: string) {
  await page.goto("/jobs");
  await page.getByRole("table", { name: "Jobs" }).getByRole("button", { name: `Run now: ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: name }).first()).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Recent job runs" }).getByText("running")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 120_000 });
}

async function ensureDemoData(page: Page) {
  await page.goto("/catalog");
  const load = page.getByRole("button", { name: "Load the starter catalog" });
  if (await load.isVisible()) {
    await load.click();
    await expect(load).toBeHidden();
  }
  // The inventory first, so invoice lines match the tenants' tagged resources when they are ingested.
  await page.goto("/inventory");
  if (await page.getByRole("table", { name: "DigitalOcean resources" }).isHidden()) await runJob(page, "sync-inventory");
  await page.goto("/costs/invoices");
  const invoices = page.getByRole("table", { name: "DigitalOcean invoices and their ingest state" });
  if (!(await invoices.isVisible())) await runJob(page, "discover-invoices");
  await expect(async () => {
    await page.goto("/costs/invoices");
    await expect(invoices).toBeVisible({ timeout: 1000 });
    await expect(invoices.getByText(/^(discovered|ingesting)$/)).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 120_000 });
  // This month has no invoice yet: its COGS is the month-to-date balance snapshot, an estimate.
  await runJob(page, "snapshot-balance");
}

async function sendSubscriptions(request: APIRequestContext) {
  const headers = { authorization: `Bearer ${arcadiaToken({ sub: "arcadia-app", role: "platform_admin" })}` };
  const started = new Date(Date.UTC(new Date().getUTCFullYear() - 2, 0, 1)).toISOString();
  for (const s of demoSubscriptions) {
    const tenant = await request.put(`/api/v1/tenants/${s.tenant}`, { headers, data: { name: s.name } });
    // 201 when arcadia-app's PUT creates the tenant, 200 when it updates one the demo seed made.
    expect([200, 201], await tenant.text()).toContain(tenant.status());
    const sub = await request.put(`/api/v1/subscriptions/demo-${s.tenant}`, {
      headers,
      data: { tenant_id: s.tenant, plan_code: s.plan, status: "active", started_at: started },
    });
    expect([200, 201], await sub.text()).toContain(sub.status());
  }
}

async function enterFxRate(page: Page) {
  await page.goto("/margin/fx");
  await expect(page.getByRole("heading", { level: 1, name: "Margin" })).toBeVisible();
  await page.getByLabel("From currency").fill("USD");
  await page.getByLabel("To currency").fill("AUD");
  await page.getByLabel("Rate", { exact: true }).fill("1.5312");
  await page.getByLabel("Effective from").fill("2020-01-01");
  await page.getByRole("button", { name: "Save rate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: 1 USD = 1.53120000 AUD from 1 Jan 2020." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Exchange rates by pair and effective date" })).toContainText("USD → AUD");
  await expectAccessible(page, "/margin/fx");
}

test("in the demo, the margin chart shows every month filled and the current one as an estimate with its basis, unbilled tenants have rows, and a plan opens a pre-filled draft", async ({
  adminPage: page,
  request,
}) => {
  test.setTimeout(420_000);
  await ensureDemoData(page);
  await sendSubscriptions(request);
  // The demo's reference rates (the fake DO serves an ECB-format history); the manual rate below overrides none of them.
  await runJob(page, "fetch-fx-rates");
  await enterFxRate(page);
  await runJob(page, "meter-usage");

  await page.goto("/margin");
  await expect(page.getByRole("heading", { level: 1, name: "Margin" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Margin" })).toHaveAttribute("aria-current", "page");
  const chart = page.getByTestId("cogs-revenue-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // The text alternative: twelve months, each with revenue, COGS and a way to its cost lines.
  const table = page.getByRole("table", { name: "COGS and revenue by month, in AUD" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(12);
  await expect(table.getByRole("link", { name: /Open cost lines/ })).toHaveCount(11);
  await expect(rows.last()).toContainText("Estimate");
  // The month under way compares like with like (revenue accrued and DO's usage, both to the snapshot), says so, and
  // projects both to the month's end.
  await expect(rows.last()).toContainText(/To date: estimate from the \d{2}:\d{2} snapshot of \d{1,2} \w+ \(UTC\), \d+ days? into the month\./);
  await expect(rows.last()).toContainText(/Projected to month end: revenue A\$[\d,]+\.\d{2}, COGS A\$[\d,]+\.\d{2}/);
  // Every month filled: revenue and COGS, each with its currency.
  for (const row of await rows.all()) {
    await expect(row.locator("td").nth(0)).toHaveText(/^A\$[\d,]+\.\d{2}$/);
    await expect(row.locator("td").nth(1)).toHaveText(/^-?A\$[\d,]+\.\d{2}$/);
  }
  // The fake account's tenants that arcadia-app never sent run on tagged resources nobody bills: the leakage total.
  await expect(page.getByText(/^Revenue leakage: A\$[\d,]+\.\d{2} of COGS in this range is tagged for tenants nobody bills/)).toBeVisible();
  // Every month names the rate it converted with: the ECB's, in effect on its first day.
  await expect(table.getByText(/^USD→AUD [\d.]+ \(ECB, \d{1,2} [A-Z][a-z]{2} \d{4}\)$/)).toHaveCount(12);
  await expectAccessible(page, "/margin");

  // The first bar is the range's first month: a click opens the cost-line explorer for that period.
  const from = await page.getByLabel("From").inputValue();
  await chart.locator(".recharts-bar-rectangle path").first().click();
  await expect(page).toHaveURL(new RegExp(`/costs\\?period=${from}-01$`));
  await expect(page.getByLabel("Billing period")).toHaveValue(`${from}-01`);
  await expect(page.getByRole("table", { name: "Cost lines of the selected period and filters" })).toBeVisible();

  // Per tenant: revenue and attributed COGS for the last invoiced month, exportable.
  await page.goto("/margin/tenants");
  const tenants = page.getByRole("table", { name: "Revenue, COGS and margin per tenant, in AUD" });
  await expect(tenants.getByRole("row", { name: /Acme Pty Ltd/ })).toContainText("pro");
  await expect(tenants.getByRole("row", { name: /Shared cost/ })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream();
  let text = "";
  for await (const chunk of csv) text += chunk;
  expect(text.split("\r\n")[0]).toBe(
    "month,tenant_id,tenant_name,plan_code,revenue,cogs,shared_cogs,margin,margin_pct,currency,is_estimate,fx_missing,billed,unbilled_since,usage",
  );
  expect(text).toContain(",acme,Acme Pty Ltd,pro,");
  await expectAccessible(page, "/margin/tenants");
  // Unbilled tenants have rows of their own, and a filter in the URL shows them alone.
  const unbilled = tenants.getByRole("row", { name: /Unbilled/ });
  await expect(unbilled.first()).toContainText("arcadia-app never sent this tenant");
  await expect(unbilled.first()).toContainText(/\d+ resources?/);
  await page.getByRole("link", { name: "Show only the unbilled tenants" }).click();
  await expect(page).toHaveURL(/[?&]billed=unbilled/);
  await expect(tenants.getByRole("row", { name: /Unbilled/ }).first()).toBeVisible();
  await expect(tenants.getByRole("row", { name: /Acme Pty Ltd/ })).toHaveCount(0);

  // Per plan: the price for the target margin opens a new draft of the plan pre-filled with it.
  await page.goto("/margin/plans");
  const draftLink = page.getByRole("link", { name: /^Open a new draft of Studio at A\$[\d,]+\.\d{2}$/ });
  await expect(draftLink).toBeVisible();
  // The price comes from Studio's own subscribers, with their spread.
  await expect(page.getByRole("table", { name: "Studio: COGS per subscription and the base price it needs" })).toContainText("Median subscriber");
  const price = /A\$([\d,]+\.\d{2})$/.exec((await draftLink.getAttribute("aria-label")) ?? "")![1]!.replaceAll(",", "");
  await expectAccessible(page, "/margin/plans");
  await draftLink.click();
  await expect(page).toHaveURL(/\/catalog\/studio\/(drafts\/new|versions\/\d+)\?base_price_cents=\d+$/);
  await expect(page.getByLabel("Monthly price")).toHaveValue(price);
});
