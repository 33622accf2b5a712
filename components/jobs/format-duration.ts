/** A run's duration as people read it: "850 ms", "12.4 s", "3m 07s"; a dash while it has not finished. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)}m ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")}s`;
}

/** Who started a run, in words: the admin, the schedule or the event, else what the trigger says. */
export function describeStarter(run: { trigger: string; started_by: string | null }): string {
  if (run.started_by) return run.started_by;
  return { cron: "a schedule", manual: "an admin (Run now)", event: "an event", cli: "npm run job" }[run.trigger] ?? run.trigger;
}
