import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvoice } from "@/test/cost-factories";
import { hrefWith } from "@/lib/http/search-params";
import { createTestDb, type TestDb } from "@/test/db";
import { createResource } from "@/test/factories";
import { exploreCostLines, explorerFilter, listCostLineFacets, summarizeCostLines } from "./explore-cost-lines";
import { explorerQuery, explorerSortFields, explorerUrl, parseExplorerQuery } from "./explorer-query";
import { listResourceCostLines } from "./list-resource-cost-lines";
import { replaceInvoiceLines } from "./replace-invoice-lines";

const sample = readFileSync("/work/shared/do-api/samples/invoice-2026-04.csv", "utf8");
let t: TestDb;
let webId: string;

beforeAll(async () => {
  t = await createTestDb();
  webId = (await createResource(t.db, { kind: "droplet", name: "arcadia-web-01" })).id;
  await createResource(t.db, { kind: "droplet", name: "old-staging", deletedAt: new Date("2026-04-05Z") });
  const april = await createInvoice(t.db, { period: "2026-04-01", amountCents: 8692 });
  await replaceInvoiceLines(t.db, { invoiceId: april.id, csv: sample });
  const march = await createInvoice(t.db, { period: "2026-03-01", amountCents: 1200 });
  await replaceInvoiceLines(t.db, { invoiceId: march.id, csv: sample.split("\n").slice(0, 2).join("\n") });
});
afterAll(() => t.drop());

const query = (overrides: Record<string, string> = {}) => explorerQuery.parse({ period: "2026-04-01", ...overrides });

describe("the cost-line explorer", () => {
  it("sorts by any column, both ways, with the id as tie-breaker", async () => {
    const page = await exploreCostLines(t.db, query({ sort: "amount", dir: "desc" }), { limit: 100 });
    const amounts = page.rows.map((r) => Math.round(Number(r.amount) * 100));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(amounts[0]).toBe(1500);
    const zeros = page.rows.filter((r) => r.amount === "0.00").map((r) => Number(r.id));
    expect(zeros).toEqual([...zeros].sort((a, b) => b - a));
  });

  it("walks every sort, both ways, with the keyset the CSV export uses, exactly as one query orders it", async () => {
    for (const sort of explorerSortFields) {
      for (const dir of ["asc", "desc"] as const) {
        const q = query({ sort, dir });
        const all = (await exploreCostLines(t.db, q, { limit: 1000 })).rows.map((r) => r.id);
        const walked: string[] = [];
        let after: { value: string; id: number } | undefined;
        for (;;) {
          const page = await exploreCostLines(t.db, q, { limit: 4, after });
          walked.push(...page.rows.map((r) => r.id));
          if (page.rows.length < 4 || !page.after) break;
          after = page.after;
        }
        expect(walked, `${sort} ${dir}`).toEqual(all);
        expect(all).toHaveLength(33);
      }
    }
  });

  it("pages with an offset for the numbered pages", async () => {
    const first = await exploreCostLines(t.db, query(), { limit: 10, offset: 0 });
    const fourth = await exploreCostLines(t.db, query(), { limit: 10, offset: 30 });
    // Lines are numbered from 1: the CSV's header is not one of them.
    expect(first.rows.map((r) => r.line_no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fourth.rows.map((r) => r.line_no)).toEqual([31, 32, 33]);
  });

  it("filters by match state, kind, project, category and description, and totals the whole filter", async () => {
    const total = async (overrides: Record<string, string>) => summarizeCostLines(t.db, explorerFilter(query(overrides)));
    expect(await total({})).toEqual({ lineCount: 33, totalCents: 8692, matchedCount: 3, matchedCents: 1200 + 240 + 343 });
    expect(await total({ match: "tax" })).toMatchObject({ lineCount: 1, totalCents: 102 });
    expect(await total({ match: "matched" })).toMatchObject({ lineCount: 3 });
    expect(await total({ match: "unmatched" })).toMatchObject({ lineCount: 22, matchedCount: 0 });
    expect(await total({ match: "other" })).toMatchObject({ lineCount: 7 });
    expect(await total({ kind: "volume" })).toMatchObject({ lineCount: 3, totalCents: 100 + 200 + 8 });
    expect(await total({ project: "tenants", category: "iaas" })).toMatchObject({ lineCount: 9 });
    expect(await total({ q: "ACME" })).toMatchObject({ lineCount: 5 });
    // LIKE wildcards in the search are literal.
    expect(await total({ q: "%" })).toMatchObject({ lineCount: 0 });
    expect(await total({ q: "web_01" })).toMatchObject({ lineCount: 0 });
  });

  it("offers only the kinds, projects and categories the period has", async () => {
    const facets = await listCostLineFacets(t.db, "2026-03-01");
    expect(facets).toEqual({ kinds: ["droplet"], projects: ["arcadia"], categories: ["iaas"] });
    expect((await listCostLineFacets(t.db, "2026-04-01")).projects).toEqual(["arcadia", "default", "tenants"]);
  });

  it("lists the lines that paid for a resource, across periods", async () => {
    const { lines, lineCount, totalCents } = await listResourceCostLines(t.db, webId);
    expect(lineCount).toBe(3);
    expect(totalCents).toBe(1200 + 240 + 1200);
    expect(lines.map((l) => [l.period, l.product])).toEqual([
      ["2026-04-01", "Droplets"],
      ["2026-04-01", "Droplet Backups"],
      ["2026-03-01", "Droplets"],
    ]);
  });
});

describe("the explorer's URL", () => {
  it("drops invalid filters rather than failing, and writes only what differs from the defaults", () => {
    const { query: q, isValid } = parseExplorerQuery({ period: "2026-04", kind: "spaceship", match: "unmatched", sort: "amount", page: "2" });
    expect(isValid).toBe(false);
    expect(q).toMatchObject({ period: "2026-04-01", match: "unmatched", sort: "amount", dir: "asc", page: 2 });
    expect(q.kind).toBeUndefined();
    expect(hrefWith(explorerUrl(q))).toBe("/costs?period=2026-04-01&match=unmatched&sort=amount&page=2");
    const blank = parseExplorerQuery({ kind: "", q: "  " });
    expect(blank.isValid).toBe(true);
    expect([blank.query.kind, blank.query.q]).toEqual([undefined, undefined]);
  });
});
