import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as pgliteDrizzle } from "drizzle-orm/pglite";
import { migrate as pgliteMigrate } from "drizzle-orm/pglite/migrator";
import { drizzle as postgresDrizzle } from "drizzle-orm/postgres-js";
import { migrate as postgresMigrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
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
}

export function createDbHandle(config: DbConfig): DbHandle {
  if (config.databaseUrl) {
    const client = postgres(config.databaseUrl, {
      max: config.maxConnections ?? 10,
      onnotice: () => {},
      // bigint columns come back as JS numbers; cents never reach 2^53.
      types: { bigint: postgres.BigInt },
    });
    const db = postgresDrizzle(client, { schema }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      migrate: () => postgresMigrate(db as never, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const client = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  const db = pgliteDrizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => pgliteMigrate(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}
