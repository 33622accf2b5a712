import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { configureDb, getDb, getDbHandle, setDbHandle } from ".";
import { rowsOf } from "./rows";

// The data layer reads no settings of its own: the server's start-up hands them in (lib/platform/configure-server-db.ts).
afterEach(async () => {
  // Nothing to close after the case that never configured one (getDbHandle throws).
  await Promise.resolve()
    .then(() => getDbHandle().close())
    .catch(() => {});
  setDbHandle(undefined);
  configureDb(undefined);
});

describe("the application's database (db/index.ts)", () => {
  it("opens what it is handed, once, when first used", async () => {
    let reads = 0;
    // The test server when there is one, else an in-memory PGlite.
    const databaseUrl = process.env.TEST_DATABASE_URL || undefined;
    configureDb(() => {
      reads++;
      return { databaseUrl, maxConnections: 1 };
    });
    expect(reads).toBe(0);
    const [row] = rowsOf<{ n: number }>(await getDb().execute(sql`select 41 + 1 as n`));
    expect(row?.n).toBe(42);
    expect(getDbHandle().driver).toBe(databaseUrl ? "postgres" : "pglite");
    getDb();
    expect(reads).toBe(1);
  });

  it("says what is missing when used before anything configured it", () => {
    expect(() => getDb()).toThrow(/database is not configured: .*configureDb\(\)/);
  });
});
