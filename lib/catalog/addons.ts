import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type Addon, addons } from "@/db/schema/catalog";
import { ApiError, parseOrThrow } from "@/lib/http/errors";
import { isConstraintViolation } from "./db-errors";
import { type AddonInput, addonInputSchema, type CatalogAddon } from "./schemas";
import { toCatalogAddon } from "./to-dto";

export interface AdminAddon extends CatalogAddon {
  is_active: boolean;
  created_at: string;
}

function toAdminAddon(row: Addon): AdminAddon {
  return { ...toCatalogAddon(row), is_active: row.isActive, created_at: row.createdAt.toISOString() };
}

/** Add-ons on sale, for GET /api/v1/catalog/addons and the tenant plans page. */
export async function listActiveAddons(db: DbOrTx): Promise<CatalogAddon[]> {
  const rows = await db.select().from(addons).where(eq(addons.isActive, true)).orderBy(asc(addons.resourceKind), asc(addons.priceCents), asc(addons.code));
  return rows.map(toCatalogAddon);
}

/** Every add-on, retired ones included, for the catalog editor. */
export async function listAllAddons(db: DbOrTx): Promise<AdminAddon[]> {
  const rows = await db.select().from(addons).orderBy(asc(addons.resourceKind), asc(addons.priceCents), asc(addons.code));
  return rows.map(toAdminAddon);
}

export async function createAddon(db: DbOrTx, input: AddonInput): Promise<AdminAddon> {
  const a = parseOrThrow(addonInputSchema, input, "add-on");
  try {
    const [row] = await db
      .insert(addons)
      .values({ code: a.code, name: a.name, resourceKind: a.resource_kind, qty: a.qty, priceCents: a.price_cents, currency: a.currency })
      .returning();
    return toAdminAddon(row!);
  } catch (e) {
    if (isConstraintViolation(e, "addons_code_key")) {
      throw new ApiError("conflict", `An add-on with the code "${a.code}" already exists`, [
        { path: "code", code: "custom", message: "This code is taken" },
      ]);
    }
    throw e;
  }
}

/**
 * Takes an add-on off sale or puts it back. Its quantity and price never change (a subscription may have bought it at
 * that price); to change them, deactivate it and create another.
 */
export async function setAddonActive(db: DbOrTx, code: string, isActive: boolean): Promise<AdminAddon> {
  const [row] = await db.update(addons).set({ isActive, updatedAt: sql`now()` }).where(eq(addons.code, code)).returning();
  if (!row) throw new ApiError("not_found", `There is no add-on with the code "${code}"`);
  return toAdminAddon(row);
}
