import "server-only";
import { ensureMigrated, getDb, getDbHandle } from "@/db";
import { ensureBootstrapAdmin } from "@/lib/auth/admins";
import { EnvError, env } from "@/lib/env";
import { logger } from "@/lib/log";

export async function startServer(): Promise<void> {
  let e: ReturnType<typeof env>;
  try {
    e = env();
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`arcadia-cloud cannot start. ${err.message}\nSee .env.example for every variable.`);
      process.exit(1);
    }
    throw err;
  }
  const log = logger();
  await ensureMigrated();
  log.info({ driver: getDbHandle().driver }, "database migrated");
  if (await ensureBootstrapAdmin(getDb(), e.ADMIN_EMAIL, e.ADMIN_PASSWORD)) {
    log.info({ email: e.ADMIN_EMAIL }, "bootstrap admin created from ADMIN_EMAIL");
  }
}
