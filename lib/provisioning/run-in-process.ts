import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { provisioningRequests } from "@/db/schema";
import type { ProvisioningDeps } from "./config";
import { runSaga, type SagaOutcome } from "./run-saga";
import { inProcessDriver } from "./step-driver";

/** Who holds a lease: this process, recognisably (host and pid), and this run. */
const leaseOwner = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

async function takeLease(deps: ProvisioningDeps, requestId: string, owner: string): Promise<boolean> {
  const rows = await deps.db
    .update(provisioningRequests)
    .set({ leaseOwner: owner, leaseUntil: sql`now() + make_interval(secs => ${deps.config.leaseMs / 1000})` })
    .where(
      and(
        eq(provisioningRequests.id, requestId),
        inArray(provisioningRequests.status, ["queued", "running", "awaiting_approval"]),
        or(isNull(provisioningRequests.leaseUntil), lt(provisioningRequests.leaseUntil, sql`now()`)),
      ),
    )
    .returning({ id: provisioningRequests.id });
  return rows.length > 0;
}

async function renewLease(deps: ProvisioningDeps, requestId: string, owner: string): Promise<void> {
  await deps.db
    .update(provisioningRequests)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${deps.config.leaseMs / 1000})` })
    .where(and(eq(provisioningRequests.id, requestId), eq(provisioningRequests.leaseOwner, owner)));
}

async function dropLease(deps: ProvisioningDeps, requestId: string, owner: string): Promise<void> {
  await deps.db
    .update(provisioningRequests)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(provisioningRequests.id, requestId), eq(provisioningRequests.leaseOwner, owner)));
}

/**
 * Runs the request's saga in this process (no Inngest), its step state in PostgreSQL. A lease, renewed while it runs,
 * keeps any other process off the request; one whose holder died (a restart, kill -9) is free once it expires, and the
 * next run resumes after the last step that finished. `busy` when another live runner holds it.
 */
export async function runRequestInProcess(deps: ProvisioningDeps, requestId: string): Promise<SagaOutcome | "busy"> {
  const owner = leaseOwner();
  if (!(await takeLease(deps, requestId, owner))) return "busy";
  const beat = setInterval(() => void renewLease(deps, requestId, owner).catch(() => {}), Math.max(100, deps.config.leaseMs / 3));
  try {
    return await runSaga(deps, requestId, inProcessDriver({ retries: deps.config.stepRetries, retryBaseMs: deps.config.retryBaseMs }));
  } finally {
    clearInterval(beat);
    await dropLease(deps, requestId, owner).catch(() => {});
  }
}

/**
 * The requests a restart should carry on with: queued or running ones nobody holds (their runner died with its
 * process), and approved ones whose run had suspended. Waiting for approval stays waiting.
 */
export async function listResumableRequests(deps: ProvisioningDeps): Promise<string[]> {
  const rows = await deps.db
    .select({ id: provisioningRequests.id })
    .from(provisioningRequests)
    .where(
      and(
        or(
          inArray(provisioningRequests.status, ["queued", "running"]),
          and(eq(provisioningRequests.status, "awaiting_approval"), isNotNull(provisioningRequests.decision)),
        ),
        or(isNull(provisioningRequests.leaseUntil), lt(provisioningRequests.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(provisioningRequests.createdAt);
  return rows.map((r) => r.id);
}

/** Resumes every resumable request, one after another (DO's rate budget is shared); returns how each ended. */
export async function resumeRequests(deps: ProvisioningDeps): Promise<Record<string, SagaOutcome | "busy">> {
  const outcomes: Record<string, SagaOutcome | "busy"> = {};
  for (const id of await listResumableRequests(deps)) outcomes[id] = await runRequestInProcess(deps, id);
  return outcomes;
}
