import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import Papa from "papaparse";
import { expectAccessible } from "./axe";
import { arcadiaToken, expect, signInWithLink, test } from "./fixtures";

/** "US$1,008.00" / "-US$10.00" (DO bills in US dollars, and the pages say so) as cents, without floats. */
const cents = (money: string) => {
  const match = /^(-)?US\$([\d,]+)\.(\d{2})$/.exec(money.trim());
  if (!match) throw new Error(`not money: ${money}`);
  const value = Number(match[2]!.replaceAll(",", "")) * 100 + Number(match[3]);
  return match[1] ? -value : value;
};

/** The demo's invoices, ingested the way an admin would: "Discover invoices" on the invoices view, unless done. */
async function ensureInvoicesIngested(page: Page) {
  await page.goto("/costs/invoices");
  const table = page.getByRole("table", { name: "DigitalOcean invoices and their ingest state" });
  if (!(await table.isVisible())) {
    await page.getByRole("button", { name: "Discover invoices: discover-invoices" }).click();
    await expect(page.getByRole("status").filter({ hasText: /running inline|Sent discover-invoices/ })).toBeVisible();
  }
  // Discovery then ingest run after the response; 30 months of invoices take a few seconds.
  await expect(async () => {
    await page.reload();
    await expect(table).toBeVisible({ timeout: 1000 });
    await expect(table.getByText(/^(discovered|ingesting)$/)).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(table.getByText("ingested", { exact: true }).first()).toBeVisible();
  // The demo's one invoice whose amount carries a credit its CSV leaves out (the fake's demo story).
  await expect(table.getByText(/^off by/)).toHaveCount(1);
}

test("in the demo, an admin filters the explorer to unmatched lines, sorts by amount, and exports the same rows as CSV", async ({ adminPage: page }) => {
  test.setTimeout(180_000);
  await ensureInvoicesIngested(page);

  await page.goto("/costs");
  await expect(page.getByRole("heading", { name: "Costs", level: 1 })).toBeVisible();
  // The oldest month has the most historic (deleted) droplets, which the inventory never saw.
  const period = page.getByLabel("Billing period");
  const oldest = await period.locator("option").last().getAttribute("value");
  await period.selectOption(oldest!);
  await page.getByLabel("Match").selectOption("unmatched");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/match=unmatched/);
  await expect(page).toHaveURL(new RegExp(`period=${oldest}`));

  const table = page.getByRole("table", { name: "Cost lines of the selected period and filters" });
  const amountHeader = table.getByRole("columnheader", { name: /Amount/ });
  await amountHeader.getByRole("link").click();
  await expect(amountHeader).toHaveAttribute("aria-sort", "ascending");
  await amountHeader.getByRole("link").click();
  await expect(amountHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=amount&dir=desc/);

  const bodyRows = table.locator("tbody tr");
  const count = await bodyRows.count();
  expect(count).toBeGreaterThan(0);
  const shown = await bodyRows.evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent?.trim() ?? "")),
  );
  // Columns: line, product, description, kind, project, category, hours, usage, amount, match.
  for (const cells of shown) expect(cells[9]).toBe("unmatched");
  const amounts = shown.map((cells) => cents(cells[8]!));
  expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  const totals = table.locator("tfoot");
  await expect(totals).toContainText(`Total for this filter: ${count} lines`);
  expect(cents((await totals.locator("td").first().textContent())!)).toBe(amounts.reduce((a, b) => a + b, 0));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`arcadia-cost-lines-${oldest!.slice(0, 7)}.csv`);
  const csv = Papa.parse<Record<string, string>>(await readFile((await download.path())!, "utf8"), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  // The description cell shows the group (a cluster, an app) under the description.
  expect(csv.data.map((line) => [line.line_no, `${line.description}${line.group_description}`, cents(`US$${line.amount}`)])).toEqual(
    shown.map((cells) => [cells[0], cells[2], cents(cells[8]!)]),
  );
  for (const line of csv.data) expect(line).toMatchObject({ period: oldest, currency: "USD", line_type: "resource", resource_id: "", match_method: "none" });
  expect(csv.meta.fields?.slice(9, 11)).toEqual(["amount", "currency"]);

  await expectAccessible(page, "/costs (filtered and sorted)");

  // An old link to a page past the last one says how many lines there are and leads to the last page.
  await page.goto(`/costs?period=${oldest}&match=unmatched&page=999`);
  await expect(page.getByRole("heading", { name: "This page is past the last one" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${count} lines match, on \\d+ pages?\\.$`))).toBeVisible();
  await page.getByRole("link", { name: /^Go to page \d+$/ }).click();
  await expect(table.locator("tbody tr")).toHaveCount(count);
});

test("the invoices view reconciles every invoice but the demo's one, re-ingests one, and the API agrees", async ({ adminPage: page, request }) => {
  test.setTimeout(120_000);
  await ensureInvoicesIngested(page);
  const table = page.getByRole("table", { name: "DigitalOcean invoices and their ingest state" });
  const first = table.locator("tbody tr").first();
  const reingest = first.getByRole("button", { name: /Re-ingest/ });
  await reingest.click();
  // The button follows the run it started, like the jobs page's Run now: its outcome, then a link to the run.
  await expect(first.getByRole("status")).toContainText(/^Done: .+Run details$/, { timeout: 60_000 });
  await expect(reingest).toBeEnabled();
  await expect(first.getByRole("link", { name: "Run details" })).toHaveAttribute("href", /^\/jobs\/runs\/[0-9a-f-]{36}$/);
  await expect(async () => {
    await page.reload();
    await expect(table.locator("tbody tr").first().getByText("ingested", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  const token = arcadiaToken({ sub: "e2e-admin", role: "platform_admin" });
  const res = await request.get("/api/v1/billing/invoices", { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const invoices = ((await res.json()) as { data: { status: string; amount: string; lines_total: string; period: string }[] }).data;
  expect(invoices.length).toBeGreaterThan(12);
  for (const invoice of invoices) {
    expect(invoice.status).toBe("ingested");
    expect(invoice.period).toMatch(/^\d{4}-\d{2}-01$/);
  }
  expect(invoices.filter((i) => i.lines_total !== i.amount)).toHaveLength(1);
  await expectAccessible(page, "/costs/invoices (populated)");

  // Two snapshots make a trend: the chart appears, with its figures as a table.
  await page.goto("/costs/balance");
  const trend = page.getByText(/\d+ snapshots?[).]/);
  for (const label of [/Take a snapshot|Snapshot now/, /Snapshot now/]) {
    const before = (await trend.count()) ? await trend.textContent() : "";
    await page.getByRole("button", { name: label }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("Usage this month")).toBeVisible({ timeout: 1000 });
      expect(await trend.textContent({ timeout: 1000 })).not.toBe(before);
    }).toPass({ timeout: 30_000 });
  }
  // Snapshot now follows its run without a reload: the outcome and its run's page.
  await page.getByRole("button", { name: /Snapshot now/ }).click();
  const snapshot = page.getByRole("status").filter({ hasText: /Run details/ });
  await expect(snapshot).toContainText(/^Done: .+Run details$/, { timeout: 30_000 });
  await snapshot.getByRole("link", { name: "Run details" }).click();
  await expect(page).toHaveURL(/\/jobs\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("main")).toContainText("snapshot-balance");
  await page.goto("/costs/balance");
  await expect(page.getByRole("img", { name: /Chart of month-to-date usage/ })).toBeVisible();
  await page.getByText("The same figures by day").click();
  await expect(page.getByRole("table", { name: /Month-to-date usage by day/ })).toBeVisible();
  await expectAccessible(page, "/costs/balance");
});

test("the CSV export checks the session itself: anonymous visitors are sent to sign in, tenants are refused", async ({ browser, request }) => {
  const anonymous = await request.get("/costs/export", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/login");

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithLink(page, { sub: "t-1", role: "tenant", tenant_id: "acme", email: "ops@acme.test" });
  const tenant = await page.request.get("/costs/export");
  expect(tenant.status()).toBe(403);
  expect(await tenant.text()).not.toContain("invoice_uuid");
  await context.close();
});

test("the explorer grouped by project over a range with the chart and a drill-down", async ({ adminPage: page }) => {
  test.setTimeout(180_000);
  await ensureInvoicesIngested(page);

  await page.goto("/costs/explore");
  await expect(page.getByRole("heading", { name: "Costs", level: 1 })).toBeVisible();
  await page.getByLabel("Group by").selectOption("project");
  await page.getByLabel("Then by").selectOption("");
  // Months are listed newest first: the latest six.
  const to = await page.getByLabel("To", { exact: true }).locator("option").first().getAttribute("value");
  const from = await page.getByLabel("From", { exact: true }).locator("option").nth(5).getAttribute("value");
  await page.getByLabel("From", { exact: true }).selectOption(from!);
  await page.getByLabel("To", { exact: true }).selectOption(to!);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`group_by=project.*from=${from}&to=${to}`));

  const table = page.getByRole("table", { name: /^Costs by project and month, / });
  await expect(table).toBeVisible();
  // Group, total, share, then the six months.
  await expect(table.locator("thead th")).toHaveCount(3 + 6);
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(table.locator("tfoot")).toContainText("100 %");

  // The chart: stacked bars, described for screen readers, loaded after the page.
  await expect(page.getByRole("img", { name: /^Stacked bars of the costs by project per month/ })).toBeVisible();
  const chart = page.getByTestId("cost-groups-chart");
  await expect(chart.locator(".recharts-bar-rectangle path").first()).toBeVisible();
  await expectAccessible(page, "/costs/explore (grouped by project)");

  // Drill down from the table: the largest project's latest month opens exactly its lines, which add up to the cell.
  const cell = rows.first().getByRole("link", { name: /: lines of .+ in / }).last();
  const amount = cents((await cell.textContent())!);
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`/costs\\?period=${to}-01&(project=|none=project)`));
  const lines = page.getByRole("table", { name: "Cost lines of the selected period and filters" });
  await expect(lines).toBeVisible();
  expect(cents((await lines.locator("tfoot td").first().textContent())!)).toBe(amount);

  // Drill down from the chart: a bar's segment opens that month's lines.
  await page.goBack();
  await chart.locator(".recharts-bar-rectangle path").first().click();
  await expect(page).toHaveURL(/\/costs\?period=\d{4}-\d{2}-01/);
  await expect(lines).toBeVisible();
});
