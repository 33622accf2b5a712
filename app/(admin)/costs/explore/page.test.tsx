import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { setupAppTestDb } from "@/test/app-db";
import { createCostLine, createInvoice } from "@/test/cost-factories";
import { createResource } from "@/test/factories";
import CostsExplorePage from "./page";

const getDb = setupAppTestDb();
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

async function render(params: Record<string, string>) {
  return renderToStaticMarkup(await CostsExplorePage({ searchParams: Promise.resolve(params) }));
}

/** Five months of two projects: arcadia's droplet jumps from about 110.00 to 400.00 in May, default stays at 20.00. */
beforeAll(async () => {
  const db = getDb().db;
  const web = await createResource(db, { kind: "droplet", name: "web-a" });
  const droplet = [10_000, 10_000, 12_000, 11_000, 40_000];
  for (let m = 0; m < 5; m++) {
    const invoice = await createInvoice(db, { period: `2026-0${m + 1}-01` });
    await createCostLine(db, invoice, { kind: "droplet", projectName: "arcadia", resourceId: web.id, amountCents: droplet[m]! });
    await createCostLine(db, invoice, { product: "Volumes", kind: "volume", projectName: "default", amountCents: 2_000 });
  }
});

describe("the grouped costs page", () => {
  it("groups by project over the range: totals, share, change, the anomaly and each month's drill-down", async () => {
    const html = await render({ group_by: "project", from: "2026-03", to: "2026-05" });
    expect(html).toContain("Costs by project and month, Mar 2026 to May 2026");
    const t = text(html);
    // arcadia: 120 + 110 + 400 = 630.00 of 690.00 (91.3 %); default 60.00 (8.7 %).
    expect(t).toContain("arcadia US$630.00 91.3 %");
    expect(t).toContain("default US$60.00 8.7 %");
    expect(t).toContain("+264 % on the month before");
    expect(t).toContain("Anomaly");
    expect(t).toContain("1 anomaly in this range.");
    expect(t).toContain("more than 50 % and more than US$100.00 above the median of its 3 months before");
    expect(html).toContain('href="/costs?period=2026-05-01&amp;project=arcadia"');
    expect(html).toContain('aria-label="US$400.00: lines of arcadia in May 2026"');
    expect(t).toContain("Total, 2 groups US$690.00 100 %");
  });

  it("by two dimensions, names both; a range without lines says so; a bad dimension is dropped with a banner", async () => {
    const two = text(await render({ group_by: "project", group_by2: "kind", from: "2026-05", to: "2026-05" }));
    expect(two).toContain("arcadia Droplets US$400.00");
    expect(two).toContain("default Volumes US$20.00");
    expect(text(await render({ from: "2025-01", to: "2025-03" }))).toContain("No cost lines in this range");
    const bad = text(await render({ group_by: "colour" }));
    expect(bad).toContain("were not valid and were ignored");
    // Without a range: the twelve months up to the latest with lines, from the first with lines.
    expect(bad).toContain("Costs by kind and month, Jan 2026 to May 2026");
  });
});
