import "server-only";
import { createDbHandle, type DbConfig, type DbHandle } from "./client";

export type { Db, DbOrTx, Tx } from "./client";

// Cached on globalThis so dev-mode hot reloads reuse one pool (or one PGlite instance, which must never be opened
// twice on the same directory; the directory's lock keeps other processes out). The configuration is kept there
// too: the instrumentation hook that hands it in and the routes that use the database are bundled apart.
const globalForDb = globalThis as unknown as { __arcadiaDb?: DbHandle; __arcadiaMigrated?: Promise<void>; __arcadiaDbConfig?: () => DbConfig };

/**
 * Says how to open the application's database, read when it is first opened (again after `setDbHandle(undefined)`).
 * The server's start-up hands in its settings (lib/platform/configure-server-db.ts): db/ reads neither the environment nor the
 * server's own state. `undefined` forgets it (tests).
 */
export function configureDb(config: (() => DbConfig) | undefined): void {
  globalForDb.__arcadiaDbConfig = config;
}

export function getDbHandle(): DbHandle {
  if (!globalForDb.__arcadiaDb) {
    const config = globalForDb.__arcadiaDbConfig;
    if (!config) throw new Error("The database is not configured: the server's start-up calls configureDb() before anything uses it");
    globalForDb.__arcadiaDb = createDbHandle(config());
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
