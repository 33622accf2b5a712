import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { createDbHandle, type DbHandle } from "@/db/client";
import { cliEnv } from "@/lib/env";

// Next loads .env.local and .env for the server; the scripts see the same configuration (variables already set win).
for (const file of [".env.local", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Shared by the command-line scripts: the configured database, migrated, closed when the work is done. */
export async function withCliDb<T>(work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const { DATABASE_URL, DATA_DIR } = cliEnv();
  const handle = createDbHandle({ databaseUrl: DATABASE_URL, dataDir: DATABASE_URL ? undefined : DATA_DIR, maxConnections: 4 });
  try {
    await handle.migrate();
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Runs a CLI entry point: prints the error's message (never a stack of secrets) and exits non-zero on failure. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}

export { parseArgs };
