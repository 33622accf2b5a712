import { describeError } from "@/db/describe-error";
import { DataDirLockedError } from "./data-dir-lock";

/**
 * Failures of the connection rather than of the statement: the database is down, restarting, refusing or too slow,
 * so the request may well succeed when retried. Node's socket errors, postgres.js's own connection codes, and
 * PostgreSQL's SQLSTATEs for shutdown (57P01-57P03), connection exceptions (class 08), too many connections (53300)
 * and a statement cancelled by statement_timeout (57014).
 */
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01",
  "57P02",
  "57P03",
  "57014",
  "53300",
]);

function isConnectionCode(code: unknown): boolean {
  return typeof code === "string" && (connectionCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

/** True for a connection-level failure, also when drizzle wrapped it (DrizzleQueryError.cause) or Node aggregated it. */
export function isConnectionError(e: unknown, depth = 0): boolean {
  if (!(e instanceof Error) || depth > 5) return false;
  if (isConnectionCode((e as { code?: unknown }).code)) return true;
  if (e instanceof AggregateError && e.errors.some((x) => isConnectionError(x, depth + 1))) return true;
  return isConnectionError(e.cause, depth + 1);
}

/** host:port/database of a connection string: what a message may name, never the password. */
export function databaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname || "/"}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * The driver's or PostgreSQL's own message on one line, with its code. For logs of failed requests, quoted values are
 * redacted as describeError does; `verbatim` keeps them, for start-up and migrations, whose queries carry no user data.
 */
export function dbErrorMessage(e: unknown, opts: { verbatim?: boolean } = {}): string {
  const chain = causeChain(e);
  const root = chain.at(-1);
  const aggregate = chain.find((x): x is AggregateError => x instanceof AggregateError);
  const message = opts.verbatim ? root?.message : describeError(e).message;
  const text = message || aggregate?.errors.map((x: unknown) => (x instanceof Error ? x.message : String(x))).join("; ") || String(e);
  const code = chain.map((x) => (x as { code?: unknown }).code).findLast((c): c is string => typeof c === "string");
  return (code && !text.includes(code) ? `${text} (${code})` : text).replace(/\s*\n\s*/g, " ");
}

function causeChain(e: unknown): Error[] {
  const out: Error[] = [];
  for (let cur: unknown = e; cur instanceof Error && out.length < 6; cur = cur.cause) out.push(cur);
  return out;
}

/** One line on why the configured database could not be opened: where (never the password) and the database's words. */
export function describeOpenFailure(e: unknown, config: { databaseUrl?: string; dataDir?: string }): string {
  if (e instanceof DataDirLockedError) return e.message;
  if (!config.databaseUrl) return `cannot open the embedded database in DATA_DIR ${config.dataDir ?? "(in memory)"}: ${dbErrorMessage(e, { verbatim: true })}`;
  const line = `cannot use the database at ${databaseTarget(config.databaseUrl)}: ${dbErrorMessage(e, { verbatim: true })}`;
  const password = passwordOf(config.databaseUrl);
  return password ? line.split(password).join("[redacted]") : line;
}

function passwordOf(databaseUrl: string): string | undefined {
  try {
    const p = new URL(databaseUrl).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}
