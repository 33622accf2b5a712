import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDbHandle, type DbHandle } from "@/db/client";
import { describeOpenFailure } from "@/db/connection-errors";
import { describeErrorText } from "@/db/describe-error";
import { cliEnv } from "@/lib/platform/env";

// Next loads .env.local and .env for the server; the scripts see the same configuration (variables already set win).
for (const file of [".env.local", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Why the configured database could not be opened or migrated, said once with where and the database's words. */
export class CliDbError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "CliDbError";
  }
}

/**
 * Shared by the command-line scripts: the configured database, migrated, closed when the work is done. No statement
 * timeout: jobs run from here (ingests, full syncs) may legitimately run long statements.
 */
export async function withCliDb<T>(work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const e = cliEnv();
  const config = { databaseUrl: e.DATABASE_URL, dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR };
  let handle: DbHandle | undefined;
  try {
    handle = createDbHandle({
      ...config,
      maxConnections: 4,
      connectTimeoutSeconds: e.DB_CONNECT_TIMEOUT_SECONDS,
      lockOwner: { role: `scripts/${path.basename(process.argv[1] ?? "cli")}` },
    });
    await handle.migrate();
  } catch (err) {
    await handle?.close().catch(() => {});
    throw new CliDbError(describeOpenFailure(err, config), err);
  }
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Runs a CLI entry point: prints the error's message and cause (never a query's values) and exits non-zero on failure. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`error: ${err instanceof CliDbError ? err.message : describeErrorText(err)}`);
      process.exit(1);
    },
  );
}

export { parseArgs };
