import type { DataDirLockOwner } from "@/db/data-dir-lock";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";

/**
 * The CLI's half of a handover: `npm run job` found the embedded database locked by a running server, so instead of
 * opening it too it asks that server (on loopback, with the token from the lock file) to run the job, then follows
 * the run until it has finished.
 */
export function canHandOver(owner: DataDirLockOwner): owner is DataDirLockOwner & { port: number; token: string } {
  return owner.role === "server" && typeof owner.port === "number" && typeof owner.token === "string";
}

type Server = DataDirLockOwner & { port: number; token: string };

async function call<T>(server: Server, method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new Error(`the server (pid ${server.pid}) does not answer on port ${server.port}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const json = (await res.json().catch(() => ({}))) as { data?: T; error?: { message: string } };
  if (!res.ok || json.data === undefined) throw new Error(`the server (pid ${server.pid}) refused the job: ${json.error?.message ?? `HTTP ${res.status}`}`);
  return json.data;
}

export async function sendJobToServer(server: Server, job: string, args: unknown): Promise<string> {
  return (await call<{ id: string }>(server, "POST", "/api/internal/job-runs", { job, args })).id;
}

/** Polls the run until it is no longer running; the server's run is the outcome (succeeded, failed or abandoned). */
export async function waitForHandedOverRun(server: Server, runId: string, pollMs = 1_000): Promise<JobRunDto> {
  for (;;) {
    const run = await call<JobRunDto>(server, "GET", `/api/internal/job-runs/${runId}`);
    if (run.status !== "running") return run;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
