import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Scans the page with axe: no serious or critical violations (lists each rule and its elements when there are). */
export async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

/** Every admin page that exists without a parameter; pages with ids are reached through links in the populated scan. */
export const adminPages = ["/inventory", "/drift", "/costs", "/costs/explore", "/costs/invoices", "/costs/budgets", "/catalog", "/catalog/addons", "/catalog/resource-prices", "/margin", "/margin/tenants", "/margin/plans", "/margin/fx", "/tenants", "/jobs", "/operations"];
