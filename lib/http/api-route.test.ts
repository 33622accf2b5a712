import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { captureLog } from "@/test/capture-log";
import { apiRoute } from "./api-route";

const getDb = setupAppTestDb();
const logged = captureLog();

describe("apiRoute", () => {
  it("logs a failed query by its SQL and error, never its bound values", async () => {
    const secret = "sk-live-7f3a9c1e5b2d4f6a8c0e";
    const handler = apiRoute("/test", async () => {
      await getDb().db.execute(sql`select ${secret}::uuid as id, ${`tenant ${secret}`}::text as name`);
      return new Response("unreachable");
    });
    const res = await handler(apiRequest("/api/v1/anything"));
    expect(res.status).toBe(500);
    expect(((await res.json()) as any).error.code).toBe("internal_error");
    const line = logged()
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === "unhandled error");
    expect(line, logged()).toBeTruthy();
    expect(JSON.stringify(line)).toContain("::uuid as id"); // names the query
    expect(JSON.stringify(line)).toMatch(/invalid input syntax for type uuid/); // and the error
    expect(logged()).not.toContain(secret);
  });
});
