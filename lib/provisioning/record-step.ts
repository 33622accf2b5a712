import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { type ProvisioningStep, provisioningSteps } from "@/db/schema";
import { describeFailure, PermanentStepError } from "./step-driver";

// The saga's memory in PostgreSQL: a step that succeeded (or was skipped) is never run again for its request, so a
// process killed mid-saga resumes after the last step it finished. A step that was running when the process died runs
// again, which is why every step that calls DO first looks for what an earlier attempt may have done.

async function readStep(db: DbOrTx, requestId: string, name: string): Promise<ProvisioningStep | undefined> {
  const [row] = await db.select().from(provisioningSteps).where(and(eq(provisioningSteps.requestId, requestId), eq(provisioningSteps.name, name)));
  return row;
}

/**
 * Marks the step running (first start, or one more attempt; its original start time stays) in one round trip, unless
 * it already succeeded or was skipped: then nothing is written and undefined says so (the caller reads its output).
 */
async function beginAttempt(db: DbOrTx, requestId: string, name: string): Promise<ProvisioningStep | undefined> {
  const [row] = await db
    .insert(provisioningSteps)
    .values({
      requestId,
      name,
      position: sql`(select coalesce(max(position), 0) + 1 from provisioning_steps where request_id = ${requestId})`,
      status: "running",
      attempts: 1,
    })
    .onConflictDoUpdate({
      target: [provisioningSteps.requestId, provisioningSteps.name],
      set: { status: "running", attempts: sql`${provisioningSteps.attempts} + 1`, error: null, finishedAt: null },
      setWhere: notInArray(provisioningSteps.status, ["succeeded", "skipped"]),
    })
    .returning();
  return row;
}

async function endAttempt(db: DbOrTx, requestId: string, name: string, outcome: { output: unknown } | { error: string }): Promise<void> {
  await db
    .update(provisioningSteps)
    .set("output" in outcome ? { status: "succeeded", output: outcome.output ?? null, error: null, finishedAt: new Date() } : { status: "failed", error: outcome.error, finishedAt: new Date() })
    .where(and(eq(provisioningSteps.requestId, requestId), eq(provisioningSteps.name, name)));
}

/**
 * Runs `fn` as the request's step `name` once: a step already succeeded returns its stored output instead. `fn` is
 * told which attempt this is: 1 the first time the step ever runs for its request, more after a retry or a resume.
 */
export async function recordStep<T>(db: DbOrTx, requestId: string, name: string, fn: (attempt: number) => Promise<T>): Promise<T> {
  const row = await beginAttempt(db, requestId, name);
  // Done already (a resumed run): its stored output, and the work is not done again.
  if (!row) return (await readStep(db, requestId, name))?.output as T;
  try {
    const output = await fn(row.attempts);
    await endAttempt(db, requestId, name, { output });
    return output;
  } catch (e) {
    await endAttempt(db, requestId, name, { error: describeFailure(e) });
    throw e;
  }
}

/** Records a step the saga does not need this time (its condition is false), so the timeline says so. */
export async function recordSkipped(db: DbOrTx, requestId: string, name: string, reason: string): Promise<{ skipped: string }> {
  const output = { skipped: reason };
  const [inserted] = await db
    .insert(provisioningSteps)
    .values({
      requestId,
      name,
      position: sql`(select coalesce(max(position), 0) + 1 from provisioning_steps where request_id = ${requestId})`,
      status: "skipped",
      output,
      finishedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ name: provisioningSteps.name });
  if (inserted) return output;
  // Recorded by an earlier run: what it said.
  return ((await readStep(db, requestId, name))?.output as { skipped: string } | null) ?? output;
}

export type PollOutcome<T> = { done: true; output: T } | { done: false; output?: undefined };

/**
 * One poll of a waiting step (`name`, e.g. wait-create): `poll` answers whether what it waits for has happened. The
 * step stays `running` (attempts counting polls) until it has; past `timeoutMs` since its first poll it fails.
 */
export async function recordPoll<T>(
  db: DbOrTx,
  requestId: string,
  name: string,
  timeoutMs: number,
  poll: (attempt: number) => Promise<PollOutcome<T>>,
): Promise<PollOutcome<T>> {
  const row = await beginAttempt(db, requestId, name);
  if (!row) return { done: true, output: (await readStep(db, requestId, name))?.output as T };
  try {
    const outcome = await poll(row.attempts);
    if (outcome.done) {
      await endAttempt(db, requestId, name, { output: outcome.output });
      return outcome;
    }
    if (Date.now() - row.startedAt.getTime() > timeoutMs) {
      throw new PermanentStepError(`${name} gave up after ${Math.round(timeoutMs / 1000)} s: DO had not finished`);
    }
    return outcome;
  } catch (e) {
    await endAttempt(db, requestId, name, { error: describeFailure(e) });
    throw e;
  }
}
