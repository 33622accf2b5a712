import "server-only";
import { ensureMigrated, getDb, getDbHandle } from "@/db";
import { describeOpenFailure } from "@/db/connection-errors";
import { ensureBootstrapAdmin } from "@/lib/auth/admins";
import { configureServerDb } from "@/lib/platform/configure-server-db";
import { EnvError, env } from "@/lib/platform/env";
import { logger } from "@/lib/platform/log";

/**
 * Start-up, from the instrumentation hook, before the server answers anything: a bad environment or a database that
 * cannot be opened or migrated stops the process with one line saying why, rather than a server that answers every
 * request with a 500.
 */
export async function startServer(): Promise<void> {
  let e: ReturnType<typeof env>;
  try {
    e = env();
  } catch (err) {
    if (err instanceof EnvError) cannotStart(`${err.message}\nSee .env.example for every variable.`);
    throw err;
  }
  const log = logger();
  configureServerDb();
  try {
    await ensureMigrated();
    log.info({ driver: getDbHandle().driver }, "database migrated");
    if (await ensureBootstrapAdmin(getDb(), e.ADMIN_EMAIL, e.ADMIN_PASSWORD)) {
      log.info({ email: e.ADMIN_EMAIL }, "bootstrap admin created from ADMIN_EMAIL");
    }
  } catch (err) {
    cannotStart(describeOpenFailure(err, { databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR }));
  }
}

function cannotStart(reason: string): never {
  console.error(`arcadia-cloud cannot start: ${reason}`);
  process.exit(1);
}
