import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fxRates } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { createCatalogPlan } from "@/test/catalog-factories";
import { createInvoice } from "@/test/cost-factories";
import { fetchFxRates } from "./fetch-fx-rates";
import { loadFxTable, upsertFxRate } from "./fx-rates";

// A real local file server serving the ECB's format: the daily file (one day) and a history (30 April, 29 April and
// 31 March 2026). Hand-computed cross rates through EUR (AUD per EUR ÷ X per EUR, half up to 8 decimals):
//   USD→AUD 30 Apr 1.6540/1.0803 = 1.53105619   29 Apr 1.6612/1.0850 = 1.53105991   31 Mar 1.6498/1.0791 = 1.52886665
//   NZD→AUD 30 Apr 1.6540/1.8123 = 0.91265243   EUR→AUD 30 Apr = 1.65400000

const getDb = setupAppTestDb();
const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const daily = fixture("ecb-daily.xml");
const history = fixture("ecb-hist.xml");
const files: Record<string, { status: number; body: string; type?: string }> = {
  "/eurofxref-daily.xml": { status: 200, body: daily },
  "/eurofxref-hist-90d.xml": { status: 200, body: history },
  "/truncated.xml": { status: 200, body: history.slice(0, 2000) },
  "/maintenance.xml": { status: 200, body: "<html><body>Down for maintenance</body></html>", type: "text/html" },
  "/no-aud.xml": { status: 200, body: daily.replace(/\s*<Cube currency='AUD' rate='[\d.]+'\/>/, "") },
};
let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? "");
    const file = files[req.url ?? ""];
    res.writeHead(file?.status ?? 404, { "content-type": file?.type ?? "text/xml" });
    res.end(file?.body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const rates = async () =>
  (await getDb().db.select().from(fxRates).orderBy(asc(fxRates.base), asc(fxRates.effectiveFrom), asc(fxRates.source))).map((r) => [
    `${r.base}/${r.quote}`,
    r.effectiveFrom,
    r.rate,
    r.source,
  ]);
const fetchFrom = (path: string, now = new Date("2026-05-01T17:00:00Z")) => fetchFxRates(getDb().db, { url: `${base}${path}`, reportingCurrency: "AUD", now });

describe("fetchFxRates against a local ECB-format file server", () => {
  it("with no invoices or plans yet, loads USD→AUD (DO bills in USD) for every day of the history, with its source", async () => {
    const result = await fetchFrom("/eurofxref-hist-90d.xml");
    expect(result.summary).toBe(`USD→AUD: 3 rates, 2026-03-31 to 2026-04-30 (ECB reference rates from ${base}/eurofxref-hist-90d.xml)`);
    expect(await rates()).toEqual([
      ["USD/AUD", "2026-03-31", "1.52886665", "ecb"],
      ["USD/AUD", "2026-04-29", "1.53105991", "ecb"],
      ["USD/AUD", "2026-04-30", "1.53105619", "ecb"],
    ]);
    const [row] = await getDb().db.select().from(fxRates).limit(1);
    expect(row).toMatchObject({ sourceUrl: `${base}/eurofxref-hist-90d.xml`, fetchedAt: new Date("2026-05-01T17:00:00Z"), createdBy: null });
  });

  it("a month uses the rate in effect on its first day: April 31 March's, May 30 April's", async () => {
    const fx = await loadFxTable(getDb().db);
    expect(fx.lookup("USD", "AUD", "2026-04-01")).toMatchObject({ rate: "1.52886665", effectiveFrom: "2026-03-31", source: "ecb" });
    expect(fx.lookup("USD", "AUD", "2026-05-01")).toMatchObject({ rate: "1.53105619", effectiveFrom: "2026-04-30", source: "ecb" });
    expect(fx.lookup("USD", "AUD", "2026-03-01")).toBeNull();
  });

  it("derives every currency the margin converts (invoices, plans, add-ons) to the reporting currency; an unquoted one is named", async () => {
    const db = getDb().db;
    await createCatalogPlan(db, { currency: "NZD" });
    await createCatalogPlan(db, { currency: "EUR" });
    await createCatalogPlan(db, { currency: "AUD" });
    await createInvoice(db, { period: "2026-04-01", currency: "XTS" });
    const result = await fetchFrom("/eurofxref-daily.xml");
    expect(result.summary).toBe(
      `EUR→AUD, NZD→AUD, USD→AUD: 1 rate each, 2026-04-30 (ECB reference rates from ${base}/eurofxref-daily.xml); no ECB rate for XTS`,
    );
    expect((await rates()).filter(([, date]) => date === "2026-04-30")).toEqual([
      ["EUR/AUD", "2026-04-30", "1.65400000", "ecb"],
      ["NZD/AUD", "2026-04-30", "0.91265243", "ecb"],
      ["USD/AUD", "2026-04-30", "1.53105619", "ecb"],
    ]);
  });

  it("reruns are idempotent: the same rows, refreshed, never duplicated", async () => {
    const before = await rates();
    await fetchFrom("/eurofxref-hist-90d.xml", new Date("2026-05-02T17:00:00Z"));
    await fetchFrom("/eurofxref-hist-90d.xml", new Date("2026-05-02T17:00:00Z"));
    const after = await rates();
    // The history adds NZD and EUR for 29 April and 31 March; nothing else changes.
    expect(after.length).toBe(before.length + 4);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it("keeps a manual rate of the same pair and date as the override: the fetch neither changes nor hides it", async () => {
    const db = getDb().db;
    await upsertFxRate(db, { base: "USD", quote: "AUD", rate: "1.6", effective_from: "2026-04-30" }, "admin@example.com");
    await fetchFrom("/eurofxref-hist-90d.xml");
    expect((await rates()).filter(([pair, date]) => pair === "USD/AUD" && date === "2026-04-30")).toEqual([
      ["USD/AUD", "2026-04-30", "1.53105619", "ecb"],
      ["USD/AUD", "2026-04-30", "1.60000000", "manual"],
    ]);
    expect((await loadFxTable(db)).lookup("USD", "AUD", "2026-05-01")).toMatchObject({ rate: "1.60000000", source: "manual" });
  });

  describe("failures: a clear message and nothing written", () => {
    const cases: [string, string, RegExp][] = [
      ["a truncated file", "/truncated.xml", /^FX rates from http:\/\/127\.0\.0\.1:\d+\/truncated\.xml are not usable: not well-formed XML/],
      ["an HTML page", "/maintenance.xml", /are not usable: not the ECB reference-rate format/],
      ["a 404", "/gone.xml", /^Could not fetch FX rates from http:\/\/127\.0\.0\.1:\d+\/gone\.xml: it answered HTTP 404/],
      ["a file without the reporting currency", "/no-aud.xml", /are not usable: the file quotes no AUD rate/],
    ];
    for (const [what, path, message] of cases) {
      it(what, async () => {
        const before = await rates();
        await expect(fetchFrom(path)).rejects.toThrow(message);
        expect(await rates()).toEqual(before);
      });
    }

    it("a long history whose oldest day cannot be stored writes none of the days before it (one transaction)", async () => {
      // 1,200 days in two insert batches; the last row (oldest day) overflows numeric(18,8): 99999.0 / 0.0000001.
      const days = Array.from({ length: 1200 }, (_, i) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)).reverse();
      const cube = (date: string, usd: string, aud: string) => `<Cube time='${date}'><Cube currency='USD' rate='${usd}'/><Cube currency='AUD' rate='${aud}'/></Cube>`;
      const body = history.replace(/<Cube>[\s\S]*<\/Cube>\s*<\/gesmes:Envelope>/, () => {
        const cubes = days.map((d, i) => (i === days.length - 1 ? cube(d, "0.0000001", "99999.0") : cube(d, "1.0803", "1.6540")));
        return `<Cube>${cubes.join("")}</Cube></gesmes:Envelope>`;
      });
      files["/long-hist.xml"] = { status: 200, body };
      const before = await rates();
      await expect(fetchFrom("/long-hist.xml")).rejects.toThrow(/^FX rates from http:\/\/127\.0\.0\.1:\d+\/long-hist\.xml could not be stored: numeric field overflow/);
      expect(await rates()).toEqual(before);
    });

    it("an unreachable source", async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await expect(fetchFxRates(getDb().db, { url: `http://127.0.0.1:${port}/eurofxref-daily.xml`, reportingCurrency: "AUD" })).rejects.toThrow(
        new RegExp(`^Could not fetch FX rates from http://127\\.0\\.0\\.1:${port}/eurofxref-daily\\.xml: ECONNREFUSED`),
      );
    });

    it("a URL that is not http(s) is refused before any request; credentials in the URL never reach a message", async () => {
      const count = requested.length;
      for (const url of ["file:///etc/passwd", "ftp://127.0.0.1/eurofxref-daily.xml", "not a url"]) {
        await expect(fetchFxRates(getDb().db, { url, reportingCurrency: "AUD" })).rejects.toThrow(/FX_RATES_URL must be an http\(s\) URL/);
      }
      expect(requested.length).toBe(count);
      const secretUrl = `${base.replace("http://", "http://user:s3cret@")}/gone.xml?token=s3cret`;
      await expect(fetchFxRates(getDb().db, { url: secretUrl, reportingCurrency: "AUD" })).rejects.toThrow(/^((?!s3cret).)*$/);
    });
  });
});
