/**
 * The PostgreSQL error beneath a failed query, from either driver: drizzle wraps it (DrizzleQueryError.cause);
 * postgres.js names the constraint `constraint_name`, PGlite `constraint`.
 */
export function pgErrorOf(e: unknown): { code?: string; constraint?: string; message: string } | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const c = cur as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) {
      const constraint = typeof c.constraint_name === "string" ? c.constraint_name : typeof c.constraint === "string" ? c.constraint : undefined;
      return { code: c.code, constraint, message: String(c.message ?? "") };
    }
    cur = c.cause;
  }
  return undefined;
}

/** True when `e` is a violation of the named constraint (or unique index). */
export function isConstraintViolation(e: unknown, constraint: string): boolean {
  return pgErrorOf(e)?.constraint === constraint;
}
