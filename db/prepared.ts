import type { DbOrTx } from "./client";

/**
 * Drizzle prepared queries, kept per database handle and query shape. A list request's SQL depends only on its shape
 * (which filters it has, its sort, whether it continues from a cursor); the values go in as placeholders. Reusing the
 * rendered query skips rebuilding it on every request, which was a fifth of the inventory API's CPU.
 */
const cache = new WeakMap<DbOrTx, Map<string, unknown>>();

/**
 * The prepared query for `shapeKey` on `db`, built the first time by `build` with a statement name of its own. Shapes
 * are few (a handful of optional filters, sorts and directions): the cache stays small.
 */
export function preparedFor<T>(db: DbOrTx, shapeKey: string, build: (name: string) => T): T {
  let byShape = cache.get(db);
  if (!byShape) {
    byShape = new Map();
    cache.set(db, byShape);
  }
  if (!byShape.has(shapeKey)) byShape.set(shapeKey, build(`q${byShape.size + 1}`));
  return byShape.get(shapeKey) as T;
}
