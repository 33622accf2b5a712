import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fxRates, jobRuns } from "@/db/schema";
import { resetEnvCache } from "@/lib/platform/env";
import { setupAppTestDb } from "@/test/app-db";
import { jobRequestedEvent } from "@/lib/jobs/job-queue";
import { fetchFxRates } from "./fetch-fx-rates";

// The Inngest function runs the real job against FX_RATES_URL served by a local file server (ECB format).

const getDb = setupAppTestDb();
const daily = readFileSync(join(__dirname, "../../lib/billing/fixtures/ecb-daily.xml"), "utf8");
let server: Server;
let base: string;
const saved = { url: process.env.FX_RATES_URL, currency: process.env.REPORTING_CURRENCY };

beforeAll(async () => {
  server = createServer((req, res) => {
    const ok = req.url === "/eurofxref-daily.xml";
    res.writeHead(ok ? 200 : 404, { "content-type": "text/xml" }).end(ok ? daily : "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.REPORTING_CURRENCY = "AUD";
});
afterAll(async () => {
  process.env.FX_RATES_URL = saved.url;
  process.env.REPORTING_CURRENCY = saved.currency;
  if (saved.url === undefined) delete process.env.FX_RATES_URL;
  if (saved.currency === undefined) delete process.env.REPORTING_CURRENCY;
  resetEnvCache();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function useUrl(path: string) {
  process.env.FX_RATES_URL = `${base}${path}`;
  resetEnvCache();
}

describe("the fetch-fx-rates Inngest function", () => {
  it("runs the real job on its cron trigger and records the run", async () => {
    useUrl("/eurofxref-daily.xml");
    const { result } = await new InngestTestEngine({ function: fetchFxRates }).execute();
    expect((result as { summary: string }).summary).toBe(`USD→AUD: 1 rate, 2026-04-30 (ECB reference rates from ${base}/eurofxref-daily.xml)`);
    expect(await getDb().db.select({ rate: fxRates.rate, source: fxRates.source }).from(fxRates)).toEqual([{ rate: "1.53105619", source: "ecb" }]);
    expect((await getDb().db.select().from(jobRuns)).at(-1)).toMatchObject({ job: "fetch-fx-rates", trigger: "cron", status: "succeeded" });
  });

  it("a requested run that cannot read its source fails with the reason recorded", async () => {
    useUrl("/moved.xml");
    const { error } = await new InngestTestEngine({ function: fetchFxRates, events: [{ name: jobRequestedEvent("fetch-fx-rates"), data: {} }] }).execute();
    expect(String((error as Error | undefined)?.message)).toMatch(/Could not fetch FX rates from .*\/moved\.xml: it answered HTTP 404/);
    expect((await getDb().db.select().from(jobRuns)).at(-1)).toMatchObject({
      job: "fetch-fx-rates",
      trigger: "event",
      status: "failed",
      error: expect.stringMatching(/it answered HTTP 404/),
    });
  });
});
