import { describe, expect, it } from "vitest";
import { fxRates } from "@/db/schema";
import { setupAppTestDb } from "@/test/app-db";
import { deleteFxRate, listFetchedFxRates, listFxRates, upsertFxRate } from "./fx-rates";

const getDb = setupAppTestDb();
const url = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml";

describe("the FX page's two lists", () => {
  it("manual rates one by one; fetched ones summed up per pair (count, first and last date, latest rate, source)", async () => {
    const db = getDb().db;
    const fetched = (base: string, effectiveFrom: string, rate: string, at: string) =>
      ({ base, quote: "AUD", rate, effectiveFrom, source: "ecb", sourceUrl: url, fetchedAt: new Date(at) }) as const;
    await db.insert(fxRates).values([
      fetched("USD", "2026-04-28", "1.52000000", "2026-04-28T17:30:00Z"),
      fetched("USD", "2026-04-29", "1.53105991", "2026-04-29T17:30:00Z"),
      fetched("USD", "2026-04-30", "1.53105619", "2026-04-30T17:30:00Z"),
      fetched("NZD", "2026-04-30", "0.91265243", "2026-04-30T17:30:00Z"),
    ]);
    await upsertFxRate(db, { base: "USD", quote: "AUD", rate: "1.6", effective_from: "2026-04-30" }, "admin@example.com");

    expect((await listFxRates(db)).map((r) => [`${r.base}/${r.quote}`, r.rate, r.effective_from, r.created_by])).toEqual([
      ["USD/AUD", "1.60000000", "2026-04-30", "admin@example.com"],
    ]);
    expect(await listFetchedFxRates(db)).toEqual([
      { base: "NZD", quote: "AUD", rates: 1, first_date: "2026-04-30", last_date: "2026-04-30", latest_rate: "0.91265243", source_url: url, fetched_at: "2026-04-30T17:30:00.000Z" },
      { base: "USD", quote: "AUD", rates: 3, first_date: "2026-04-28", last_date: "2026-04-30", latest_rate: "1.53105619", source_url: url, fetched_at: "2026-04-30T17:30:00.000Z" },
    ]);
  });

  it("only a manual rate can be deleted (a fetched one comes back with the next fetch)", async () => {
    const db = getDb().db;
    const [ecb] = await db.select({ id: fxRates.id }).from(fxRates).limit(1);
    await expect(deleteFxRate(db, ecb!.id)).rejects.toThrow("That exchange rate no longer exists");
    const [manual] = await listFxRates(db);
    await deleteFxRate(db, manual!.id);
    expect(await listFxRates(db)).toEqual([]);
  });
});
