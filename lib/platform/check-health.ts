import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { migrationsFolder } from "@/db/client";

export interface HealthReport {
  service: "arcadia-cloud";
  version: string;
  status: "ok" | "degraded";
  live: true;
  ready: boolean;
  database: { reachable: boolean; migrations_current: boolean; error?: string };
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How long the probe waits for the database: a hung or restarting server must not hang the probe too. */
export const healthTimeoutMs = 1_500;

const timedOut = Symbol("timed out");

/** Liveness is answering at all; readiness is a reachable database with every migration applied. */
export async function checkHealth(db: Db, timeoutMs = healthTimeoutMs): Promise<HealthReport> {
  const version = readVersion();
  const notReady = (error: string): HealthReport => ({
    service: "arcadia-cloud",
    version,
    status: "degraded",
    live: true,
    ready: false,
    database: { reachable: false, migrations_current: false, error },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    query.catch(() => {}); // still settles after a timeout; nobody is waiting for it then
    const result = await Promise.race([query, new Promise<typeof timedOut>((resolve) => (timer = setTimeout(resolve, timeoutMs, timedOut)))]);
    if (result === timedOut) return notReady(`database did not answer within ${timeoutMs} ms`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    const applied = rows[0]?.n ?? 0;
    const current = applied >= expectedMigrationCount();
    return {
      service: "arcadia-cloud",
      version,
      status: current ? "ok" : "degraded",
      live: true,
      ready: current,
      database: { reachable: true, migrations_current: current },
    };
  } catch {
    return notReady("database unreachable");
  } finally {
    clearTimeout(timer);
  }
}
