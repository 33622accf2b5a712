import { cliEnv } from "@/lib/platform/env";

/** How long a `running` run may go without a heartbeat before it counts as abandoned (JOB_HEARTBEAT_TIMEOUT_SECONDS). */
export function jobHeartbeatTimeoutSeconds(): number {
  return cliEnv().JOB_HEARTBEAT_TIMEOUT_SECONDS;
}

/** Beats often enough that a few missed ones (a slow database, a long GC) never look like a dead process. */
export function heartbeatIntervalMs(timeoutSeconds: number): number {
  return Math.min(30_000, Math.max(100, (timeoutSeconds * 1000) / 5));
}

/** A `running` row whose last heartbeat is older than the bound: its process died without recording an outcome. */
export function isHeartbeatStale(run: { status: string; heartbeatAt: Date }, timeoutSeconds: number, now = Date.now()): boolean {
  return run.status === "running" && run.heartbeatAt.getTime() < now - timeoutSeconds * 1000;
}

export function describeAbandoned(heartbeatAt: Date, timeoutSeconds: number): string {
  return `abandoned: no heartbeat since ${heartbeatAt.toISOString()} (over ${timeoutSeconds}s); its process stopped (killed, crashed or redeployed) before recording an outcome`;
}

/**
 * Calls `beat` every `intervalMs` until the returned stop function is called; one beat at a time, failures ignored
 * (a missed beat only matters if they keep failing past the bound). The timer never keeps the process alive.
 */
export function keepAlive(beat: () => Promise<unknown>, intervalMs: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(async () => {
      await beat().catch(() => {});
      if (!stopped) schedule();
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
