import "server-only";
import { and, asc, desc, eq, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type CatalogResourceKind, resourcePrices } from "@/db/schema/catalog";
import { ApiError, parseOrThrow } from "@/lib/http/errors";
import { pgErrorOf } from "./db-errors";
import { type ResourcePriceDto, type ResourcePriceInput, resourcePriceInputSchema } from "./schemas";
import { sortItems, toResourcePriceDto } from "./to-dto";

// Periods are half-open, [effective_from, effective_to): at the instant one price ends the next applies.
const effectiveAt = (at: Date) =>
  and(lte(resourcePrices.effectiveFrom, at), or(isNull(resourcePrices.effectiveTo), gt(resourcePrices.effectiveTo, at)));

/** The per-unit price of `kind` in force at `at`, or null when none is. */
export async function currentResourcePrice(db: DbOrTx, kind: CatalogResourceKind, at: Date = new Date()): Promise<ResourcePriceDto | null> {
  const [row] = await db
    .select()
    .from(resourcePrices)
    .where(and(eq(resourcePrices.resourceKind, kind), effectiveAt(at)))
    .limit(1);
  return row ? toResourcePriceDto(row) : null;
}

/** Every kind's price in force at `at` (GET /api/v1/catalog/resource-prices). */
export async function listEffectiveResourcePrices(db: DbOrTx, at: Date = new Date()): Promise<ResourcePriceDto[]> {
  const rows = await db.select().from(resourcePrices).where(effectiveAt(at)).orderBy(asc(resourcePrices.resourceKind));
  return rows.map(toResourcePriceDto);
}

/** Every period of every kind, kinds in catalog order and newest first within a kind, for the catalog editor. */
export async function listResourcePriceHistory(db: DbOrTx): Promise<ResourcePriceDto[]> {
  const rows = await db.select().from(resourcePrices).orderBy(desc(resourcePrices.effectiveFrom));
  // sortItems is stable, so each kind's periods keep their newest-first order.
  return sortItems(rows.map(toResourcePriceDto));
}

const fmt = (d: Date) => d.toISOString();

/**
 * Adds a price for a kind from `effective_from`. The open period of that kind, when it started earlier, is closed at
 * that instant, so there is never a gap or an overlap. A price that would land inside a closed (historical) period or
 * before a later one is refused: past prices are not rewritten.
 */
export async function createResourcePrice(
  db: DbOrTx,
  input: ResourcePriceInput,
  actor: string | null = null,
): Promise<{ created: ResourcePriceDto; closed: ResourcePriceDto | null }> {
  const p = parseOrThrow(resourcePriceInputSchema, input, "resource price");
  const from = p.effective_from;
  try {
    return await db.transaction(async (tx) => {
      // The same lock the overlap trigger takes: writers of one kind queue here, so the rows read below stay true.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('arcadia.resource_prices'), hashtext(${p.resource_kind}))`);
      const rows = await tx.select().from(resourcePrices).where(eq(resourcePrices.resourceKind, p.resource_kind)).orderBy(asc(resourcePrices.effectiveFrom));
      const covering = rows.find((r) => r.effectiveFrom <= from && (r.effectiveTo === null || r.effectiveTo > from));
      const later = rows.find((r) => r.effectiveFrom > from);
      if (covering && covering.effectiveFrom.getTime() === from.getTime()) {
        throw conflict(`A ${p.resource_kind} price already starts at ${fmt(from)}`);
      }
      if (covering?.effectiveTo) {
        throw conflict(
          `${fmt(from)} falls in the closed ${p.resource_kind} period ${fmt(covering.effectiveFrom)} – ${fmt(covering.effectiveTo)}; past prices are not rewritten, so a new price must start after ${fmt(rows.at(-1)!.effectiveFrom)}`,
        );
      }
      if (later && (p.effective_to === null || p.effective_to > later.effectiveFrom)) {
        throw conflict(`A later ${p.resource_kind} price starts at ${fmt(later.effectiveFrom)}; a new price must start after it`);
      }
      let closed: ResourcePriceDto | null = null;
      if (covering) {
        const [row] = await tx.update(resourcePrices).set({ effectiveTo: from }).where(eq(resourcePrices.id, covering.id)).returning();
        closed = toResourcePriceDto(row!);
      }
      const [row] = await tx
        .insert(resourcePrices)
        .values({
          resourceKind: p.resource_kind,
          unit: p.unit,
          priceCents: p.price_cents,
          currency: p.currency,
          effectiveFrom: from,
          effectiveTo: p.effective_to,
          createdBy: actor,
        })
        .returning();
      return { created: toResourcePriceDto(row!), closed };
    });
  } catch (e) {
    const pg = pgErrorOf(e);
    // The trigger and the unique index are the backstop should two writers slip past the checks above.
    if (pg?.constraint === "resource_prices_no_overlap" || pg?.constraint === "resource_prices_kind_from_key") {
      throw conflict(`That ${p.resource_kind} price would overlap another period of the same kind`);
    }
    throw e;
  }
}

function conflict(message: string): ApiError {
  return new ApiError("conflict", message, [{ path: "effective_from", code: "custom", message }]);
}
