/**
 * What a log line or a stored error text may say about a failure. A failed query (drizzle's DrizzleQueryError, whose
 * message and stack list every bound value: tenant names, user input) is told by its SQL and the database's error,
 * never by its parameters; the database's own message quotes offending values (`invalid input syntax for type uuid:
 * "…"`), so quoted text that is not part of the SQL is blanked too.
 */
export interface ErrorDescription {
  name: string;
  message: string;
  /** The failed statement's SQL, placeholders and all. */
  query?: string;
  /** PostgreSQL's SQLSTATE, e.g. 22P02. */
  code?: string;
  stack?: string;
}

interface QueryError extends Error {
  query: string;
  params: unknown[];
}

export function describeError(e: unknown): ErrorDescription {
  if (!(e instanceof Error)) return { name: typeof e, message: String(e) };
  const failed = findQueryError(e);
  if (!failed) return { name: e.name, message: e.message, stack: e.stack };
  const cause = failed.cause instanceof Error ? failed.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  return {
    name: cause?.name ?? "QueryError",
    message: redactValues(cause?.message ?? "query failed", failed.query, failed.params),
    query: failed.query,
    ...(typeof code === "string" ? { code } : {}),
    // The frames only: the first line of the stack repeats the message, parameters included.
    stack: failed.stack?.split("\n").filter((l) => /^\s+at /.test(l)).join("\n"),
  };
}

/** One line for an error column or a CLI: the failed query's SQL and error, or the error's message. */
export function describeErrorText(e: unknown): string {
  const d = describeError(e);
  return d.query ? `Failed query: ${d.query}: ${d.message}` : d.message;
}

function isQueryError(e: unknown): e is QueryError {
  return e instanceof Error && typeof (e as Partial<QueryError>).query === "string" && Array.isArray((e as Partial<QueryError>).params);
}

function findQueryError(e: Error): QueryError | undefined {
  for (let cur: unknown = e, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++) {
    if (isQueryError(cur)) return cur;
  }
  return undefined;
}

function redactValues(message: string, query: string, params: unknown[]): string {
  let out = message.replace(/"([^"]*)"/g, (quoted, inner: string) => (inner && query.includes(inner) ? quoted : '"[redacted]"'));
  for (const p of params) {
    const text = typeof p === "string" ? p : typeof p === "number" || typeof p === "bigint" ? String(p) : p instanceof Date ? p.toISOString() : undefined;
    if (text && text.length >= 3) out = out.split(text).join("[redacted]");
  }
  return out;
}
