import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInThrottles } from "@/db/schema";
import { metrics } from "@/lib/platform/metrics";
import { createTestDb, type TestDb } from "@/test/db";
import { createAdmin } from "./admins";
import { maxFailures, signInWithPassword } from "./sign-in-with-password";

const password = "the-right-password-123";
let t: TestDb;
let n = 0;
const uniqueEmail = () => `throttle-${++n}-${Date.now()}@example.com`;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

async function failTimes(email: string, times: number, now: Date, clientAddress = "203.0.113.7") {
  for (let i = 0; i < times; i++) await signInWithPassword(t.db, { email, password: `wrong-${i}-password`, clientAddress }, now);
}

describe("signInWithPassword", () => {
  it("signs in with the right password and refuses a wrong one", async () => {
    const email = uniqueEmail();
    await createAdmin(t.db, { email, password });
    expect(await signInWithPassword(t.db, { email, password, clientAddress: "198.51.100.1" })).toMatchObject({ outcome: "ok" });
    expect(await signInWithPassword(t.db, { email, password: "nope-nope-nope", clientAddress: "198.51.100.1" })).toEqual({ outcome: "invalid" });
  });

  // Each wrong password costs a bcrypt comparison: give the long sequences room on a busy machine.
  it("locks an account after repeated failures, refusing even the right password, for a cool-down that grows", { timeout: 120_000 }, async () => {
    const email = uniqueEmail();
    await createAdmin(t.db, { email, password });
    const lockoutsBefore = (await metrics().signInLockouts.get()).values.reduce((s, v) => s + v.value, 0);
    const start = new Date("2026-12-01T10:00:00Z");
    // 25 wrong passwords from rotating addresses, as a guesser would send them.
    for (let i = 0; i < 25; i++) {
      await signInWithPassword(t.db, { email, password: `guess-${i}-password`, clientAddress: `192.0.2.${i}` }, at(start, i / 60));
    }
    const locked = await signInWithPassword(t.db, { email, password, clientAddress: "192.0.2.200" }, at(start, 1));
    expect(locked).toMatchObject({ outcome: "locked" });
    const first = (locked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(first).toBeGreaterThan(0);
    // After the cool-down the right password works, and resets the account's count.
    expect(await signInWithPassword(t.db, { email, password, clientAddress: "192.0.2.200" }, at(start, 60 * 3))).toMatchObject({ outcome: "ok" });
    // A second round of guessing locks for longer.
    const later = at(start, 60 * 4);
    await failTimes(email, maxFailures, later, "192.0.2.201");
    // The first lockout's cool-down has passed, but the account is locked again, for longer than before.
    const again = await signInWithPassword(t.db, { email, password, clientAddress: "192.0.2.202" }, at(later, 1));
    expect(again).toMatchObject({ outcome: "locked" });
    expect((again as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(first);
    const lockoutsAfter = (await metrics().signInLockouts.get()).values.reduce((s, v) => s + v.value, 0);
    expect(lockoutsAfter).toBeGreaterThan(lockoutsBefore);
  });

  it("locks a client address that guesses across many accounts", { timeout: 120_000 }, async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    for (let i = 0; i < maxFailures; i++) {
      await signInWithPassword(t.db, { email: uniqueEmail(), password: "spray-password-1", clientAddress: "203.0.113.99" }, now);
    }
    const email = uniqueEmail();
    await createAdmin(t.db, { email, password });
    expect(await signInWithPassword(t.db, { email, password, clientAddress: "203.0.113.99" }, at(now, 1))).toMatchObject({ outcome: "locked" });
    expect(await signInWithPassword(t.db, { email, password, clientAddress: "203.0.113.100" }, at(now, 1))).toMatchObject({ outcome: "ok" });
  });

  it("forgets failures older than the window", { timeout: 120_000 }, async () => {
    const email = uniqueEmail();
    await createAdmin(t.db, { email, password });
    const now = new Date("2026-12-01T14:00:00Z");
    await failTimes(email, maxFailures - 1, now);
    await failTimes(email, maxFailures - 1, at(now, 20));
    expect(await signInWithPassword(t.db, { email, password, clientAddress: "203.0.113.7" }, at(now, 21))).toMatchObject({ outcome: "ok" });
  });

  it("keeps its state in the database, never the password", async () => {
    const email = uniqueEmail();
    await failTimes(email, 3, new Date());
    const rows = await t.db.select().from(signInThrottles);
    expect(rows.some((r) => r.key === `account:${email}` && r.failures === 3)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("wrong-");
  });

  it("refuses a disabled admin", async () => {
    const email = uniqueEmail();
    const admin = await createAdmin(t.db, { email, password });
    const { disableAdmin } = await import("./admins");
    await disableAdmin(t.db, admin.email);
    expect(await signInWithPassword(t.db, { email, password, clientAddress: "198.51.100.9" })).toEqual({ outcome: "invalid" });
  });
});
