import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDbHandle, type Db } from "@/db/client";
import { createTestDb } from "./db";

/**
 * A test database that a child process (`npm run job`, a crash child) uses too: the test's own PostgreSQL database, or,
 * with PGlite (no PostgreSQL configured), a data directory that the child and the test take turns on, since only one
 * process can hold it.
 */
export interface SharedTestDb {
  /** What points a child at it: DATABASE_URL, or DATA_DIR with PGlite. */
  childEnv: { DATABASE_URL: string } | { DATA_DIR: string };
  /** Runs `work` on it: the test's pool on PostgreSQL; with PGlite a handle opened (and migrated) around it, so no child may run meanwhile. */
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/** `dirPrefix` names the PGlite data directory, so a leftover one says which test made it. */
export async function createSharedTestDb(dirPrefix: string): Promise<SharedTestDb> {
  const t = await createTestDb();
  if (t.driver === "postgres" && t.url) return { childEnv: { DATABASE_URL: t.url }, withDb: (work) => work(t.db), drop: () => t.drop() };
  await t.drop();
  const dataDir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  return {
    childEnv: { DATA_DIR: dataDir },
    async withDb(work) {
      const handle = createDbHandle({ dataDir, lockOwner: { role: "test" } });
      try {
        await handle.migrate();
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
