import "server-only";
import { env } from "@/lib/env";
import { handoverToken } from "@/lib/job-handover/handover-token";
import { createDbHandle, type DbHandle } from "./client";

export type { Db, DbOrTx, Tx } from "./client";

// Cached on globalThis so dev-mode hot reloads reuse one pool (or one PGlite instance, which must never be opened
// twice on the same directory; the directory's lock keeps other processes out).
const globalForDb = globalThis as unknown as { __arcadiaDb?: DbHandle; __arcadiaMigrated?: Promise<void> };

export function getDbHandle(): DbHandle {
  if (!globalForDb.__arcadiaDb) {
    const e = env();
    globalForDb.__arcadiaDb = createDbHandle({
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR,
      connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      // Next has set PORT to the port it listens on by the time the instrumentation hook opens the database.
      lockOwner: { role: "server", port: e.PORT, token: handoverToken() },
    });
  }
  return globalForDb.__arcadiaDb;
}

/** The application's database. */
export function getDb() {
  return getDbHandle().db;
}

/** Applies pending migrations once per process. */
export function ensureMigrated(): Promise<void> {
  globalForDb.__arcadiaMigrated ??= getDbHandle().migrate();
  return globalForDb.__arcadiaMigrated;
}

/** Tests point the app at their own database. */
export function setDbHandle(handle: DbHandle | undefined): void {
  globalForDb.__arcadiaDb = handle;
  globalForDb.__arcadiaMigrated = handle ? Promise.resolve() : undefined;
}
