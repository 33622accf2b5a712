import "server-only";
import { createHash } from "node:crypto";
import { and, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { signInThrottles } from "@/db/schema";
import { logger } from "@/lib/platform/log";
import { metrics } from "@/lib/platform/metrics";
import { type AdminDto, verifyAdminCredentials } from "./admins";

/** Failures of one account or one client address within `windowMinutes` that lock it. */
export const maxFailures = 10;
const windowMinutes = 15;
/** The first lockout lasts this long; each further one within a day doubles it, up to `maxCooldownMinutes`. */
const baseCooldownMinutes = 5;
const maxCooldownMinutes = 60;
/** A key quiet for this long starts again from the shortest cool-down. */
const lockoutMemoryHours = 24;

export type SignInResult = { outcome: "ok"; admin: AdminDto } | { outcome: "invalid" } | { outcome: "locked"; retryAfterSeconds: number };

type Scope = "account" | "ip";

/**
 * A password sign-in, throttled per account and per client address: after `maxFailures` failures in 15 minutes the
 * key is locked, and while it is locked even the right password is refused (a guesser learns nothing from the answer).
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; clientAddress?: string },
  now = new Date(),
): Promise<SignInResult> {
  const keys = throttleKeys(input.email, input.clientAddress);
  const locked = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(and(inArray(signInThrottles.key, keys.map((k) => k.key)), gt(signInThrottles.lockedUntil, now)));
  if (locked.length > 0) {
    const until = Math.max(...locked.map((r) => r.lockedUntil!.getTime()));
    return { outcome: "locked", retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  }
  const admin = await verifyAdminCredentials(db, input.email, input.password);
  if (admin) {
    // The account's count starts again; its lockout history (which grows the next cool-down) decays by itself.
    await db
      .update(signInThrottles)
      .set({ failures: 0, updatedAt: now })
      .where(inArray(signInThrottles.key, [keys[0]!.key]));
    return { outcome: "ok", admin };
  }
  metrics().signInFailures.inc();
  for (const { key, scope } of keys) await recordFailure(db, key, scope, now);
  return { outcome: "invalid" };
}

function throttleKeys(email: string, clientAddress?: string): { key: string; scope: Scope }[] {
  const keys: { key: string; scope: Scope }[] = [{ key: `account:${email.trim().toLowerCase()}`, scope: "account" }];
  if (clientAddress) keys.push({ key: `ip:${clientAddress}`, scope: "ip" });
  return keys;
}

async function recordFailure(db: Db, key: string, scope: Scope, now: Date): Promise<void> {
  // Raw SQL parameters are sent as text: ISO strings, cast where they are compared.
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const memoryStart = new Date(now.getTime() - lockoutMemoryHours * 3_600_000).toISOString();
  const nowText = now.toISOString();
  const t = signInThrottles;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(t)
      .values({ key, failures: 1, windowStartedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures: sql`case when ${t.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${t.failures} + 1 end`,
          windowStartedAt: sql`case when ${t.windowStartedAt} < ${windowStart}::timestamptz then ${nowText}::timestamptz else ${t.windowStartedAt} end`,
          lockouts: sql`case when ${t.updatedAt} < ${memoryStart}::timestamptz then 0 else ${t.lockouts} end`,
          updatedAt: now,
        },
      })
      .returning({ failures: t.failures, lockouts: t.lockouts });
    if (!row || row.failures < maxFailures) return;
    const minutes = Math.min(baseCooldownMinutes * 2 ** row.lockouts, maxCooldownMinutes);
    await tx
      .update(t)
      .set({ failures: 0, windowStartedAt: now, lockouts: row.lockouts + 1, lockedUntil: new Date(now.getTime() + minutes * 60_000) })
      .where(inArray(t.key, [key]));
    metrics().signInLockouts.labels({ scope }).inc();
    // Never the password, nor the email typed: an account is named by a digest an operator can correlate.
    const subject = scope === "ip" ? key : `account#${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
    logger().warn({ scope, subject, lockedForMinutes: minutes, lockout: row.lockouts + 1 }, "sign-in locked after repeated failures");
  });
}
