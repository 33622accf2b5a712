"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";
import { useAutoRefresh } from "./auto-refresh";
import { JobProgressView } from "./job-progress";

/** How long to wait for a requested run to appear (a queue may be busy) before saying it has not started. */
const startTimeoutMs = 120_000;

/**
 * "Run now" for one job. Given the job's latest run (the page's data), it follows the run it asked for: the page
 * refreshes itself until that run appears and while it runs, drawing its own progress, then shows the outcome with a
 * link to the run. The button is disabled while the job runs. Without `run` (a button per invoice) it only says
 * whether the request was sent.
 */
export function RunJobButton({
  action,
  job,
  label = "Run now",
  args,
  ariaLabel,
  run,
}: {
  /** The jobs page's runJobNow, handed down by the page. */
  action: ServerAction;
  job: string;
  label?: string;
  args?: Record<string, unknown>;
  /** When several buttons run the same job (one per invoice), each needs its own accessible name. */
  ariaLabel?: string;
  /** The job's latest run, when the page follows it; null when it never ran. */
  run?: JobRunDto | null;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  // The latest run's id when the button was pressed: the run this press started is the next one after it.
  const [before, setBefore] = useState<{ id: string | null; at: number } | undefined>(undefined);
  const [isTimedOut, setTimedOut] = useState(false);
  const isFollowing = run !== undefined && before !== undefined && state.status === "ok";
  const started = isFollowing && run && run.id !== before.id ? run : undefined;
  const isWaiting = isFollowing && !started && !isTimedOut;
  const isRunning = run?.status === "running";

  useEffect(() => {
    if (!isWaiting || !before) return;
    const t = setTimeout(() => setTimedOut(true), Math.max(0, before.at + startTimeoutMs - Date.now()));
    return () => clearTimeout(t);
  }, [isWaiting, before]);
  // Refresh while waiting for the run to appear and while it (or one started elsewhere) runs; a refresh also shows
  // the outcome of a run that just ended, and a press that only sent a request (no `run` followed) is shown once.
  useAutoRefresh(isWaiting || isRunning);

  const shown = started ?? (isRunning ? run : undefined);
  return (
    <form
      action={(fd) => {
        setBefore({ id: run?.id ?? null, at: Date.now() });
        setTimedOut(false);
        formAction(fd);
      }}
      className="flex w-full min-w-0 flex-col items-end gap-1"
    >
      <input type="hidden" name="job" value={job} />
      {args ? <input type="hidden" name="args" value={JSON.stringify(args)} /> : null}
      <Button type="submit" size="sm" variant="secondary" disabled={pending || isRunning || isWaiting} aria-label={ariaLabel ?? `${label}: ${job}`}>
        {pending ? "Starting…" : isRunning ? "Running…" : label}
      </Button>
      {shown?.progress ? <JobProgressView progress={shown.progress} label={`${shown.job} progress`} /> : null}
      {/* The live region carries words only: a moving bar inside it would be read out on every refresh. */}
      <div role="status" className={state.status === "error" ? "max-w-xs text-right text-xs text-red-700" : "max-w-xs text-right text-xs text-slate-600"}>
        {shown?.status === "running" && started && state.message ? <p>{state.message}</p> : null}
        {shown ? <RunOutcome run={shown} /> : state.message ? <p>{state.message}</p> : null}
        {!shown && isFollowing && isTimedOut ? (
          <p>
            No run has started yet. See{" "}
            <Link href={`/jobs?job=${encodeURIComponent(job)}`} className="text-brand-700 hover:underline">
              the job&apos;s runs
            </Link>
            .
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** A followed run's state in words: running, or its outcome, with a link to the run. */
function RunOutcome({ run }: { run: JobRunDto }) {
  const detail = (
    <Link href={`/jobs/runs/${run.id}`} className="text-brand-700 hover:underline">
      Run details
    </Link>
  );
  if (run.status === "running") return <p>Running… {detail}</p>;
  const outcome =
    run.status === "succeeded" ? `Done: ${run.summary ?? "succeeded"}` : `${run.status === "abandoned" ? "Abandoned" : "Failed"}: ${run.error ?? "no reason recorded"}`;
  return (
    <p className={run.status === "succeeded" ? "text-emerald-800" : "text-red-700"}>
      {outcome.replace(/\.$/, "")}. {detail}
    </p>
  );
}
