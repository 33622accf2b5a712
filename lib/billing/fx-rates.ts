import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db/rows";
import { type FxRate, fxRates } from "@/db/schema";
import { currencySchema } from "@/lib/catalog/schemas";
import { ApiError } from "@/lib/http/errors";
import { type FxTable, createFxTable } from "./fx-table";

export const fxRateInput = z
  .object({
    base: currencySchema,
    quote: currencySchema,
    rate: z
      .string()
      .trim()
      .regex(/^\d{1,9}(\.\d{1,8})?$/, "Enter a positive rate with up to 8 decimals, e.g. 1.5312")
      .refine((v) => /[1-9]/.test(v), "The rate must be above zero"),
    effective_from: z
      .string()
      .trim()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Use a date as YYYY-MM-DD"),
  })
  .refine((v) => v.base !== v.quote, { message: "Pick two different currencies", path: ["quote"] });
export type FxRateInput = z.infer<typeof fxRateInput>;

export interface FxRateDto {
  id: string;
  base: string;
  quote: string;
  rate: string;
  effective_from: string;
  created_by: string | null;
  created_at: string;
}

const toDto = (r: FxRate): FxRateDto => ({
  id: r.id,
  base: r.base,
  quote: r.quote,
  rate: r.rate,
  effective_from: r.effectiveFrom,
  created_by: r.createdBy,
  created_at: r.createdAt.toISOString(),
});

/** The rates admins entered (fetched ones are many a pair: listFetchedFxRates sums them up). */
export async function listFxRates(db: DbOrTx): Promise<FxRateDto[]> {
  const rows = await db
    .select()
    .from(fxRates)
    .where(eq(fxRates.source, "manual"))
    .orderBy(asc(fxRates.base), asc(fxRates.quote), desc(fxRates.effectiveFrom));
  return rows.map(toDto);
}

export interface FetchedFxPairDto {
  base: string;
  quote: string;
  rates: number;
  first_date: string;
  last_date: string;
  latest_rate: string;
  source_url: string | null;
  fetched_at: string | null;
}

/** Fetched reference rates per pair: how many days, from when to when, the latest rate and where it came from. */
export async function listFetchedFxRates(db: DbOrTx): Promise<FetchedFxPairDto[]> {
  const rows = rowsOf<{
    base: string;
    quote: string;
    rates: number;
    first_date: string;
    last_date: string;
    latest_rate: string;
    source_url: string | null;
    fetched_at: string | Date | null;
  }>(
    await db.execute(sql`
      select distinct on (base, quote) base, quote,
             count(*) over w::int as rates, min(effective_from) over w::text as first_date, effective_from::text as last_date,
             rate::text as latest_rate, source_url, max(fetched_at) over w as fetched_at
      from fx_rates
      where source = 'ecb'
      window w as (partition by base, quote)
      order by base, quote, effective_from desc`),
  );
  return rows.map((r) => ({ ...r, rates: Number(r.rates), fetched_at: r.fetched_at === null ? null : new Date(r.fetched_at).toISOString() }));
}

/** Sets the rate of a pair from a date; entering the same pair and date again corrects that rate. */
export async function upsertFxRate(db: DbOrTx, input: FxRateInput, actor: string | null): Promise<FxRateDto> {
  const [row] = await db
    .insert(fxRates)
    .values({ base: input.base, quote: input.quote, rate: input.rate, effectiveFrom: input.effective_from, source: "manual", createdBy: actor })
    .onConflictDoUpdate({ target: [fxRates.base, fxRates.quote, fxRates.effectiveFrom, fxRates.source], set: { rate: input.rate, createdBy: actor } })
    .returning();
  return toDto(row!);
}

export async function deleteFxRate(db: DbOrTx, id: string): Promise<void> {
  // Fetched rates are the source's: the next fetch would bring one back, so only an admin's own rate goes.
  const deleted = await db
    .delete(fxRates)
    .where(and(eq(fxRates.id, id), eq(fxRates.source, "manual")))
    .returning({ id: fxRates.id });
  if (!deleted.length) throw new ApiError("not_found", "That exchange rate no longer exists");
}

/** Every rate, for converting a report (a handful of rows per pair: one query, looked up in memory). */
export async function loadFxTable(db: DbOrTx): Promise<FxTable> {
  const rows = await db
    .select({ base: fxRates.base, quote: fxRates.quote, rate: fxRates.rate, effectiveFrom: fxRates.effectiveFrom, source: fxRates.source })
    .from(fxRates);
  return createFxTable(rows);
}
