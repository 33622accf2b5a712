// Pure lookup of effective-dated rates, so conversion rules are tested without a database.

export interface FxTable {
  /** 1 `base` in `quote` for the month `period` (`YYYY-MM-01`): the latest rate in effect on its first day, or null. */
  rateFor(base: string, quote: string, period: string): string | null;
}

/**
 * Only the pair as entered converts: a missing USD→AUD rate is reported as missing, never derived from another pair
 * or carried back from a later date, so a month without a rate says so instead of guessing.
 */
export function createFxTable(rows: readonly { base: string; quote: string; rate: string; effectiveFrom: string }[]): FxTable {
  const byPair = new Map<string, { from: string; rate: string }[]>();
  for (const r of rows) {
    const key = `${r.base}/${r.quote}`;
    const list = byPair.get(key) ?? [];
    list.push({ from: r.effectiveFrom, rate: r.rate });
    byPair.set(key, list);
  }
  for (const list of byPair.values()) list.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  return {
    rateFor(base, quote, period) {
      if (base === quote) return "1";
      return byPair.get(`${base}/${quote}`)?.find((r) => r.from <= period)?.rate ?? null;
    },
  };
}
