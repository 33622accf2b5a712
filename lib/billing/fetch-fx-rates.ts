import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { fxRates } from "@/db/schema";
import { describeError } from "@/db/describe-error";
import { crossRate, type EcbDay, EcbFormatError, parseEcbRates } from "./parse-ecb-rates";

export class FxFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FxFetchError";
  }
}

export interface FetchFxRatesResult {
  summary: string;
  rates: number;
  days: number;
  /** Currencies the margin converts that the file does not quote. */
  unquoted: string[];
}

const timeoutMs = 30_000;
/** The ECB's whole history since 1999 is a few MB; anything far larger is not a rate file. */
const maxBytes = 64 * 1024 * 1024;
const insertBatch = 1000;

/**
 * The URL checked and split for use: only http(s); credentials move to a Basic header so they are never part of a
 * message or the stored source, which is the URL without credentials or query.
 */
function prepareUrl(raw: string): { url: URL; shown: string; headers: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FxFetchError("FX_RATES_URL must be an http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FxFetchError("FX_RATES_URL must be an http(s) URL");
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  return { url, shown: `${url.origin}${url.pathname}`, headers };
}

async function download(url: URL, shown: string, headers: Record<string, string>): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/xml, text/xml", ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new FxFetchError(`Could not fetch FX rates from ${shown}: ${networkReason(err)}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FxFetchError(`Could not fetch FX rates from ${shown}: it answered HTTP ${res.status}`);
  }
  if (Number(res.headers.get("content-length") ?? 0) > maxBytes) {
    await res.body?.cancel();
    throw new FxFetchError(`FX rates from ${shown} are not usable: larger than ${maxBytes / 1024 / 1024} MB`);
  }
  const text = await res.text();
  if (text.length > maxBytes) throw new FxFetchError(`FX rates from ${shown} are not usable: larger than ${maxBytes / 1024 / 1024} MB`);
  return text;
}

/** A short, value-free reason: the system error code, or that it timed out. */
function networkReason(err: unknown): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) return `no answer within ${timeoutMs / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : "network error";
}

/** Every currency the margin converts from: DO's invoices and snapshots (USD even before the first), plans and add-ons. */
async function listSourceCurrencies(db: DbOrTx): Promise<string[]> {
  const rows = rowsOf<{ currency: string }>(
    await db.execute(sql`
      select 'USD' as currency
      union select currency from cloud_invoices
      union select currency from cloud_balance_snapshots
      union select currency from plan_versions
      union select currency from addons`),
  );
  return rows.map((r) => r.currency).sort();
}

/**
 * Reads reference rates in the ECB's XML format from `url` and stores, for every day of the file, the rate from each
 * currency the margin converts to the reporting currency, derived through EUR, as source `ecb` with its URL. One
 * transaction: a failure writes nothing, and a rerun rewrites the same rows. Manual rates are separate rows (source
 * `manual`) the fetch never touches; on the same date they win (see createFxTable).
 */
export async function fetchFxRates(db: DbOrTx, opts: { url: string; reportingCurrency: string; now?: Date }): Promise<FetchFxRatesResult> {
  const { url, shown, headers } = prepareUrl(opts.url);
  const quote = opts.reportingCurrency;
  const xml = await download(url, shown, headers);
  let days: EcbDay[];
  try {
    days = parseEcbRates(xml);
  } catch (err) {
    if (err instanceof EcbFormatError) throw new FxFetchError(`FX rates from ${shown} are not usable: ${err.message}`);
    throw err;
  }
  if (quote !== "EUR" && !days.some((d) => d.perEur.has(quote))) {
    throw new FxFetchError(`FX rates from ${shown} are not usable: the file quotes no ${quote} rate, the reporting currency`);
  }

  const bases = (await listSourceCurrencies(db)).filter((c) => c !== quote);
  const fetchedAt = opts.now ?? new Date();
  const rows: (typeof fxRates.$inferInsert)[] = [];
  const perPair = new Map<string, number>();
  for (const base of bases) {
    for (const day of days) {
      const rate = crossRate(day, base, quote);
      if (rate === null) continue;
      rows.push({ base, quote, rate, effectiveFrom: day.date, source: "ecb", sourceUrl: shown, fetchedAt });
      perPair.set(base, (perPair.get(base) ?? 0) + 1);
    }
  }
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += insertBatch) {
        await tx
          .insert(fxRates)
          .values(rows.slice(i, i + insertBatch))
          .onConflictDoUpdate({
            target: [fxRates.base, fxRates.quote, fxRates.effectiveFrom, fxRates.source],
            set: { rate: sql`excluded.rate`, sourceUrl: sql`excluded.source_url`, fetchedAt: sql`excluded.fetched_at` },
          });
      }
    });
  } catch (err) {
    // The database's reason without the statement's values (see describeError).
    throw new FxFetchError(`FX rates from ${shown} could not be stored: ${describeError(err).message}`);
  }

  const unquoted = bases.filter((b) => !perPair.has(b));
  return { summary: summarize(perPair, quote, days, shown, unquoted), rates: rows.length, days: days.length, unquoted };
}

function summarize(perPair: Map<string, number>, quote: string, days: EcbDay[], shown: string, unquoted: string[]): string {
  const counts = [...perPair.values()];
  const plural = (n: number) => `${n} rate${n === 1 ? "" : "s"}`;
  const total = counts.reduce((a, n) => a + n, 0);
  const howMany = counts.length === 1 ? plural(total) : counts.every((n) => n === counts[0]) ? `${plural(counts[0]!)} each` : `${total} rates`;
  const first = days.at(-1)!.date;
  const last = days[0]!.date;
  const pairs = [...perPair.keys()].map((b) => `${b}→${quote}`).join(", ");
  const missing = unquoted.length ? `; no ECB rate for ${unquoted.join(", ")}` : "";
  if (!perPair.size) return `no rates stored (ECB reference rates from ${shown})${missing}`;
  return `${pairs}: ${howMany}, ${first === last ? last : `${first} to ${last}`} (ECB reference rates from ${shown})${missing}`;
}
