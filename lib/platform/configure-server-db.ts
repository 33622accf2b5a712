import "server-only";
import { configureDb } from "@/db";
import { env } from "@/lib/platform/env";
import { handoverToken } from "@/lib/job-handover/handover-token";

/**
 * Hands the data layer this server's database settings, read from the environment when the database is first
 * opened: the pool's timeouts, and the data directory lock's owner (this server, its port and the per-start token
 * `npm run job` hands jobs over with).
 */
export function configureServerDb(): void {
  configureDb(() => {
    const e = env();
    return {
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR,
      connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      // Next has set PORT to the port it listens on by the time the instrumentation hook opens the database.
      lockOwner: { role: "server", port: e.PORT, token: handoverToken() },
    };
  });
}
