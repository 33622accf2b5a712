// Pure lookup of effective-dated rates, so conversion rules are tested without a database.

export type FxSource = "manual" | "ecb";

/** A rate as a month used it: 1 `base` = `rate` `quote`, dated `effectiveFrom`, entered by an admin or fetched. */
export interface FxRateUsed {
  base: string;
  quote: string;
  rate: string;
  effectiveFrom: string;
  source: FxSource;
}

export interface FxTable {
  /** The rate of `base`→`quote` for the month `period` (`YYYY-MM-01`): the latest in effect on its first day, or null. */
  lookup(base: string, quote: string, period: string): FxRateUsed | null;
  /** The same as a decimal string; "1" for the same currency. */
  rateFor(base: string, quote: string, period: string): string | null;
}

/**
 * Only the pair as stored converts: a missing USD→AUD rate is reported as missing, never derived from another pair
 * or carried back from a later date, so a month without a rate says so instead of guessing. (The fetch job stores the
 * cross rates it derives through EUR as pairs of their own.) On the same date a manual rate wins over a fetched one.
 */
export function createFxTable(rows: readonly { base: string; quote: string; rate: string; effectiveFrom: string; source?: FxSource }[]): FxTable {
  const byPair = new Map<string, FxRateUsed[]>();
  for (const r of rows) {
    const key = `${r.base}/${r.quote}`;
    const list = byPair.get(key) ?? [];
    list.push({ base: r.base, quote: r.quote, rate: r.rate, effectiveFrom: r.effectiveFrom, source: r.source ?? "manual" });
    byPair.set(key, list);
  }
  const rank = (r: FxRateUsed) => (r.source === "manual" ? 0 : 1);
  for (const list of byPair.values()) {
    list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : rank(a) - rank(b)));
  }
  const lookup = (base: string, quote: string, period: string) =>
    base === quote ? null : (byPair.get(`${base}/${quote}`)?.find((r) => r.effectiveFrom <= period) ?? null);
  return {
    lookup,
    rateFor: (base, quote, period) => (base === quote ? "1" : (lookup(base, quote, period)?.rate ?? null)),
  };
}
