import "server-only";
import { count, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudProvisioned, cloudResources } from "@/db/schema";
import { type JobRunDto, listJobRuns } from "@/lib/jobs/list-job-runs";
import { countOpenDrift } from "./list-drift";

export interface DriftOverview {
  openCount: number;
  /** Resources with a recorded desired spec. */
  specCount: number;
  /** The latest drift sweep, running or finished. */
  lastSweep: JobRunDto | null;
  /** The latest sweep that finished successfully (the one the inbox reflects). */
  lastCompletedSweep: JobRunDto | null;
}

/** What the inbox says around its list: how much there is and when the sweep last ran. */
export async function getDriftOverview(db: DbOrTx): Promise<DriftOverview> {
  const [openCount, [specs], runs] = await Promise.all([
    countOpenDrift(db),
    db.select({ n: count() }).from(cloudProvisioned),
    listJobRuns(db, { job: "detect-drift", limit: 10 }),
  ]);
  return {
    openCount,
    specCount: specs?.n ?? 0,
    lastSweep: runs[0] ?? null,
    lastCompletedSweep: runs.find((r) => r.status === "succeeded") ?? null,
  };
}

export async function getResourceName(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ name: cloudResources.name }).from(cloudResources).where(eq(cloudResources.id, id));
  return row?.name ?? null;
}
