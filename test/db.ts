import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDbHandle, type Db, type DbDriver } from "@/db/client";

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server when TEST_DATABASE_URL or
 * DATABASE_URL is set, otherwise an in-memory PGlite. `drop()` removes it.
 */
export interface TestDb {
  db: Db;
  driver: DbDriver;
  /** Connection string of the test database (PostgreSQL only), for code that opens its own connections. */
  url?: string;
  drop(): Promise<void>;
}

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const handle = createDbHandle({});
    await handle.migrate();
    return { db: handle.db, driver: "pglite", drop: () => handle.close() };
  }
  const name = `arcadia_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDbHandle({ databaseUrl: url.toString(), maxConnections: 5 });
  await handle.migrate();
  return {
    db: handle.db,
    driver: "postgres",
    url: url.toString(),
    async drop() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
