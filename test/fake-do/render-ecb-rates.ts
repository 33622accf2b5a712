import { createRng } from "./create-rng";
import { getMonthStart } from "./generate-account";

// ECB-format reference rates for the demo (not DO's API: the ECB publishes them, FX_RATES_URL reads them). A seeded
// random walk per currency around a plausible level, one quote per TARGET business day, so the same seed and `now`
// always give the same file and the demo's margin history converts with rates that look like real ones.

const currencies: { code: string; level: number; decimals: number }[] = [
  { code: "USD", level: 1.08, decimals: 4 },
  { code: "JPY", level: 162, decimals: 2 },
  { code: "GBP", level: 0.855, decimals: 5 },
  { code: "CHF", level: 0.95, decimals: 4 },
  { code: "AUD", level: 1.64, decimals: 4 },
  { code: "CAD", level: 1.47, decimals: 4 },
  { code: "NZD", level: 1.79, decimals: 4 },
  { code: "SGD", level: 1.45, decimals: 4 },
];

/** TARGET closing days that fall on weekdays, fixed-date ones only (Easter's are left out: a fake need not be exact). */
const holidays = new Set(["01-01", "05-01", "12-25", "12-26"]);
const dayMs = 86_400_000;
/** The ECB publishes around 16:00 CET; before 15:00 UTC today's rates are not out yet. */
const publishedHourUtc = 15;

/** Where every walk starts: a day's rate depends on the seed and the date only, whatever `now` is. */
const anchorMs = Date.UTC(2015, 0, 1);

/** Business days from the anchor to the last day published by `now`, oldest first. */
function listDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const end = now.getUTCHours() >= publishedHourUtc ? today : today - dayMs;
  const days: string[] = [];
  for (let t = anchorMs; t <= end; t += dayMs) {
    const date = new Date(t);
    const iso = date.toISOString().slice(0, 10);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && !holidays.has(iso.slice(5))) days.push(iso);
  }
  return days;
}

/**
 * The history from a week before the first of `months` invoiced months (so that month's first day has a rate in
 * effect) to the latest published day, newest first as the ECB writes it; `latestOnly` gives the daily file.
 */
export function renderEcbRates(options: { seed: number; now: Date; months: number; latestOnly?: boolean }): string {
  const all = listDays(options.now);
  const from = new Date(getMonthStart(options.now, options.months).getTime() - 7 * dayMs).toISOString().slice(0, 10);
  const walks = currencies.map((c) => {
    const rng = createRng(`${options.seed}:ecb:${c.code}`);
    let factor = 1;
    const byDay = new Map<string, string>();
    for (const day of all) {
      factor = Math.min(1.08, Math.max(0.92, factor * (1 + (rng.next() - 0.5) * 0.008)));
      if (day >= from) byDay.set(day, (c.level * factor).toFixed(c.decimals));
    }
    return { code: c.code, byDay };
  });
  const days = all.filter((d) => d >= from).reverse();
  const shown = options.latestOnly ? days.slice(0, 1) : days;
  const cubes = shown.map(
    (day) => `\t\t<Cube time='${day}'>\n${walks.map((w) => `\t\t\t<Cube currency='${w.code}' rate='${w.byDay.get(day)}'/>\n`).join("")}\t\t</Cube>\n`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n` +
    `\t<gesmes:subject>Reference rates</gesmes:subject>\n\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n` +
    `\t<Cube>\n${cubes.join("")}\t</Cube>\n</gesmes:Envelope>\n`
  );
}
