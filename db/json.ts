import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";

/**
 * API items built by PostgreSQL as JSON text. A list endpoint splices these strings into its response unparsed: no
 * per-row objects, Dates or JSON.stringify in the request path, which is most of what a page of 100 rows costs in JS.
 */

/** `ts` as JS's `toISOString()` writes it (UTC, millisecond precision, `Z`), or NULL. */
export function isoTimestamp(ts: SQLWrapper): SQL<string | null> {
  return sql<string | null>`to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

const jsonKey = /^[a-z][a-z0-9_]*$/;

const dialect = new PgDialect();

/**
 * `json_build_object(...)::text` of `fields`, in their order; keys are code constants, never input. Rendered to SQL
 * text once, when it has no parameters: drizzle would otherwise rebuild dozens of fragments on every request.
 */
export function jsonObjectText(fields: Record<string, SQLWrapper>): SQL<string> {
  const pairs = Object.entries(fields).map(([key, value]) => {
    if (!jsonKey.test(key)) throw new Error(`invalid JSON key ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  const expr = sql<string>`json_build_object(${sql.join(pairs, sql`, `)})::text`;
  const rendered = dialect.sqlToQuery(expr);
  return rendered.params.length ? expr : sql.raw(rendered.sql).mapWith(String);
}

/** `[a,b,...]` from JSON texts. */
export function jsonArrayText(items: readonly string[]): string {
  return `[${items.join(",")}]`;
}
