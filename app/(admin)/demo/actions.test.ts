import { afterEach, describe, expect, it } from "vitest";
import { subscriptions } from "@/db/schema";
import { idleResult } from "@/lib/http/action-result";
import { resetEnvCache } from "@/lib/platform/env";
import { adminUser as admin, formData as form, setupAdminActionRuntime } from "@/test/admin-actions";
import { setupAppTestDb } from "@/test/app-db";
import { loadDemoAccountAction } from "./actions";

// The real action against a real database: only the demo account gets the demo's customers.
const getDb = setupAppTestDb();
const { signInAs } = setupAdminActionRuntime();
const demo = process.env.ARCADIA_DEMO;
afterEach(() => {
  if (demo === undefined) delete process.env.ARCADIA_DEMO;
  else process.env.ARCADIA_DEMO = demo;
  resetEnvCache();
});

describe("loadDemoAccountAction", () => {
  it("is refused outside the demo, and loads the demo's catalog and customers once inside it", async () => {
    signInAs(admin);
    process.env.ARCADIA_DEMO = "0";
    resetEnvCache();
    expect(await loadDemoAccountAction(idleResult, form({}))).toMatchObject({ status: "error", code: "forbidden" });
    expect(await getDb().db.select().from(subscriptions)).toEqual([]);

    process.env.ARCADIA_DEMO = "1";
    resetEnvCache();
    expect(await loadDemoAccountAction(idleResult, form({}))).toMatchObject({ status: "ok", message: expect.stringContaining("demo billing: 6 subscriptions created") });
    expect(await loadDemoAccountAction(idleResult, form({}))).toMatchObject({ status: "ok", message: expect.stringContaining("demo billing: 0 subscriptions created") });
    expect(await getDb().db.select().from(subscriptions)).toHaveLength(6);
  });
});
