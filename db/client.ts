import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as pgliteDrizzle } from "drizzle-orm/pglite";
import { migrate as pgliteMigrate } from "drizzle-orm/pglite/migrator";
import { drizzle as postgresDrizzle } from "drizzle-orm/postgres-js";
import { migrate as postgresMigrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireDataDirLock, type DataDirLock, type LockOwnerInfo } from "./data-dir-lock";
import * as schema from "./schema";

/** Both drivers sit behind this one type; domain code never knows which it got. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; every domain function that takes `Db` accepts one of these too. */
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema>;
export type DbOrTx = Db | Tx;

export type DbDriver = "postgres" | "pglite";

export interface DbHandle {
  db: Db;
  driver: DbDriver;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(process.cwd(), "drizzle");

export interface DbConfig {
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; absent (with no databaseUrl) means in-memory. */
  dataDir?: string;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Seconds a new PostgreSQL connection may take (default 5): an unreachable server fails fast instead of hanging. */
  connectTimeoutSeconds?: number;
  /** PostgreSQL's statement_timeout for the pool's statements (absent or 0: none). Migrations never get it. */
  statementTimeoutMs?: number;
  /** Who is opening a PGlite data directory: recorded in its lock (see data-dir-lock.ts). */
  lockOwner?: LockOwnerInfo;
}

/**
 * postgres.js backs off reconnects by 3^n/100 s up to 20 s, n counting every failed connect since the last success:
 * after a few seconds of outage, queries wait up to 20 s for a reconnect after the server is back. Capped at half a
 * second, a request during an outage fails fast (503) and the pool is back within a second of the server.
 */
const reconnectBackoffSeconds = (retries: number) => Math.min(0.05 * 2 ** retries, 0.5) * (0.5 + Math.random() / 2);

export function createDbHandle(config: DbConfig): DbHandle {
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const connectTimeout = config.connectTimeoutSeconds ?? 5;
    const client = postgres(url, {
      max: config.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: connectTimeout,
      backoff: reconnectBackoffSeconds,
      ...(config.statementTimeoutMs ? { connection: { statement_timeout: config.statementTimeoutMs } } : {}),
      // bigint columns come back as JS numbers; cents never reach 2^53.
      types: { bigint: postgres.BigInt },
    });
    const db = postgresDrizzle(client, { schema }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      // On a connection of their own: a migration may rewrite a large table for longer than any statement timeout.
      async migrate() {
        const own = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: connectTimeout });
        try {
          await postgresMigrate(postgresDrizzle(own), { migrationsFolder });
        } finally {
          await own.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  let lock: DataDirLock | undefined;
  if (config.dataDir) {
    mkdirSync(config.dataDir, { recursive: true });
    lock = acquireDataDirLock(config.dataDir, config.lockOwner ?? { role: "process" });
  }
  let client: PGlite;
  try {
    client = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = pgliteDrizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => pgliteMigrate(db as never, { migrationsFolder }),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
