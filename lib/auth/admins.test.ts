import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admins } from "@/db/schema";
import { createTestDb, type TestDb } from "@/test/db";
import { createAdmin, ensureBootstrapAdmin, verifyAdminCredentials } from "./admins";

describe("admins", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  it("stores a bcrypt hash, never the password, and verifies it", async () => {
    await createAdmin(t.db, { email: "Ops@Example.com", password: "a-long-enough-password" });
    const [row] = await t.db.select().from(admins);
    expect(row?.email).toBe("ops@example.com");
    expect(row?.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row?.passwordHash).not.toContain("a-long-enough-password");
    expect(await verifyAdminCredentials(t.db, "OPS@example.com", "a-long-enough-password")).toMatchObject({ email: "ops@example.com" });
    expect(await verifyAdminCredentials(t.db, "ops@example.com", "wrong-password-123")).toBeNull();
    expect(await verifyAdminCredentials(t.db, "nobody@example.com", "a-long-enough-password")).toBeNull();
  });

  it("refuses a duplicate email and a short password with clear errors", async () => {
    await expect(createAdmin(t.db, { email: "ops@example.com", password: "another-long-password" })).rejects.toThrow(/already exists/);
    await expect(createAdmin(t.db, { email: "new@example.com", password: "short" })).rejects.toThrow(/at least 12 characters/);
    await expect(createAdmin(t.db, { email: "not-an-email", password: "a-long-enough-password" })).rejects.toThrow(/valid email/);
  });

  it("bootstraps the configured admin once", async () => {
    expect(await ensureBootstrapAdmin(t.db, "boot@example.com", "bootstrap-password-1")).toBe(true);
    expect(await ensureBootstrapAdmin(t.db, "boot@example.com", "bootstrap-password-1")).toBe(false);
    expect(await ensureBootstrapAdmin(t.db, undefined, undefined)).toBe(false);
  });
});
