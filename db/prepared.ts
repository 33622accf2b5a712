import type { DbOrTx } from "./client";

/**
 * Drizzle prepared queries, kept per database handle and query shape. A list request's SQL depends only on its shape
 * (which filters it has, its sort, whether it continues from a cursor); the values go in as placeholders. Reusing the
 * rendered query skips rebuilding it on every request, which was a fifth of the inventory API's CPU.
 */
const cache = new WeakMap<DbOrTx, Map<string, unknown>>();

/** The prepared query for `shapeKey` on `db`, built by `build` the first time. Shapes are few: the cache is bounded. */
export function preparedFor<T>(db: DbOrTx, shapeKey: string, build: () => T): T {
  let byShape = cache.get(db);
  if (!byShape) {
    byShape = new Map();
    cache.set(db, byShape);
  }
  if (!byShape.has(shapeKey)) byShape.set(shapeKey, build());
  return byShape.get(shapeKey) as T;
}
