import { describe, expect, it } from "vitest";
import { runTsx } from "@/test/run-tsx";
import { freePort } from "@/test/throwaway-postgres";

/** The command-line scripts on a database they cannot use: the cause, where, and never the password. */
describe("CLI scripts on a bad DATABASE_URL", () => {
  const shared = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");

  it("say PostgreSQL's own reason, not only the query that failed", async () => {
    const port = await freePort();
    const refused = await runTsx("scripts/db-migrate.ts", [], { DATABASE_URL: `postgres://postgres:pw-123456@127.0.0.1:${port}/arcadia` }).done;
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toBe(`error: cannot use the database at 127.0.0.1:${port}/arcadia: connect ECONNREFUSED 127.0.0.1:${port}`);

    const missing = `postgres://postgres:pw-123456@${shared.hostname}:${shared.port || 5432}/arcadia_no_such_db`;
    const job = await runTsx("scripts/job.ts", ["meter-usage"], { DATABASE_URL: missing }).done;
    expect(job.code).toBe(1);
    expect(job.output.trim()).toBe(`error: cannot use the database at ${shared.hostname}:${shared.port || 5432}/arcadia_no_such_db: database "arcadia_no_such_db" does not exist (3D000)`);
    expect(refused.output + job.output).not.toContain("pw-123456");
  }, 60_000);
});
