import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDbHandle } from "@/db/client";
import { runTsx, serverSecrets } from "@/test/run-tsx";
import { freePort } from "@/test/throwaway-postgres";

/**
 * The server's start-up (instrumentation's register(), as test/serve-app.ts runs it after listening, like Next) with a
 * database it cannot use: the process exits 1 with one line naming where and what PostgreSQL said, never the password.
 */
const server = (env: Record<string, string>) => runTsx("test/serve-app.ts", [], { ...serverSecrets, ...env }).done;
const password = "s3cret-Pa55word";
const shared = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");

function withPassword(host: string, port: string | number, database: string): string {
  return `postgres://postgres:${password}@${host}:${port}/${database}`;
}

describe("the server refuses to start on a database it cannot use", () => {
  it("a database that does not exist", async () => {
    const { code, output } = await server({ DATABASE_URL: withPassword(shared.hostname, shared.port || 5432, "arcadia_no_such_db") });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `arcadia-cloud cannot start: cannot use the database at ${shared.hostname}:${shared.port || 5432}/arcadia_no_such_db: database "arcadia_no_such_db" does not exist (3D000)`,
    );
    expect(output).not.toContain(password);
  }, 60_000);

  it("a port nothing listens on", async () => {
    const port = await freePort();
    const { code, output } = await server({ DATABASE_URL: withPassword("127.0.0.1", port, "arcadia") });
    expect(code).toBe(1);
    expect(output.trim()).toBe(`arcadia-cloud cannot start: cannot use the database at 127.0.0.1:${port}/arcadia: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(output).not.toContain(password);
  }, 60_000);

  it("an embedded data directory another process holds", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "arcadia-start-"));
    const holder = createDbHandle({ dataDir: dir });
    try {
      const { code, output } = await server({ DATA_DIR: dir });
      expect(code).toBe(1);
      expect(output.trim()).toMatch(new RegExp(`^arcadia-cloud cannot start: DATA_DIR ${dir} is locked by another process \\(process\\) \\(pid ${process.pid}\\)`));
    } finally {
      await holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
