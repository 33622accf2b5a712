import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crossRate, parseEcbRates } from "@/lib/billing/parse-ecb-rates";
import { type FakeDo, getMonthStart, startFakeDo } from "./index";

// The demo's reference rates: the fake DO also serves an ECB-format history for every month it has invoices for, so
// fetch-fx-rates fills the demo's whole margin history (FX_RATES_URL=<fake>/ecb/eurofxref-hist.xml).

const now = new Date("2026-05-15T12:00:00Z");
let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 3, droplets: 10, now, invoicesMonths: 30 });
});
afterAll(() => fake.close());

const get = async (path: string) => {
  const res = await fetch(`${fake.url}${path}`);
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};

describe("fake DO: ECB reference rates for the demo", () => {
  it("serves the history without a token, in the ECB's format, a rate in effect on the first day of every invoiced month", async () => {
    const res = await get("/ecb/eurofxref-hist.xml");
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/xml/);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gesmes:Envelope /);
    const days = parseEcbRates(res.text);
    // Newest first, up to the last business day before `now` (a Friday: 15 May's rates are not out at 12:00 UTC).
    expect(days[0]!.date).toBe("2026-05-14");
    // No weekends, and no TARGET holidays (1 May).
    for (const d of days) expect([0, 6]).not.toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
    expect(days.map((d) => d.date)).not.toContain("2026-05-01");
    for (let back = 0; back <= 30; back++) {
      const first = getMonthStart(now, back).toISOString().slice(0, 10);
      const inEffect = days.find((d) => d.date <= first);
      expect(inEffect, first).toBeDefined();
      const rate = Number(crossRate(inEffect!, "USD", "AUD"));
      expect(rate, first).toBeGreaterThan(1.3);
      expect(rate, first).toBeLessThan(1.8);
    }
  });

  it("is the same for the same seed and time, and the daily file is its newest day", async () => {
    const again = await startFakeDo({ seed: 3, droplets: 10, now, invoicesMonths: 30 });
    try {
      const [a, b] = await Promise.all([get("/ecb/eurofxref-hist.xml"), fetch(`${again.url}/ecb/eurofxref-hist.xml`).then((r) => r.text())]);
      expect(b).toBe(a.text);
    } finally {
      await again.close();
    }
    const daily = parseEcbRates((await get("/ecb/eurofxref-daily.xml")).text);
    expect(daily).toHaveLength(1);
    expect(daily[0]).toEqual(parseEcbRates((await get("/ecb/eurofxref-hist.xml")).text)[0]);
    // Any other path is DO's API again: a token is needed.
    expect((await get("/ecb/other.xml")).status).toBe(401);
  });
});
