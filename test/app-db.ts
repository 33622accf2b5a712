import { NextRequest } from "next/server";
import { afterAll, beforeAll } from "vitest";
import { setDbHandle } from "@/db";
import { createTestDb, type TestDb } from "./db";

/**
 * Gives a test file its own database and makes it the one the app's route handlers and pages use.
 * Returns a getter because the database exists only once beforeAll has run.
 */
export function setupAppTestDb(): () => TestDb {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    setDbHandle({ db: t.db, driver: t.driver, migrate: async () => {}, close: async () => {} });
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await t?.drop();
  });
  return () => {
    if (!t) throw new Error("test database not ready: call inside a test or hook");
    return t;
  };
}

/** A Request as Next hands it to a route handler. */
export function apiRequest(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  return new NextRequest(new URL(path, "http://localhost"), { ...init, headers } as never);
}

export function routeParams<P>(params: P) {
  return { params: Promise.resolve(params) };
}
