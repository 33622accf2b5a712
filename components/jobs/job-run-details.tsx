import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { JobRunDetail } from "@/lib/jobs/list-job-runs";
import { describeStarter, formatDuration } from "./format-duration";
import { JobProgressView } from "./job-progress";
import { JobRunStatus } from "./job-run-status";

/** A run's facts as a definition list: status, who started it, when, how long, its counts and its error. */
export function JobRunFacts({ run }: { run: JobRunDetail }) {
  const fields: [string, ReactNode][] = [
    ["Status", <JobRunStatus key="s" run={{ status: run.status, progress: null }} />],
    ["Started by", describeStarter(run)],
    ["Trigger", run.trigger],
    ["Started", formatDateTime(run.started_at)],
    ["Finished", run.finished_at ? formatDateTime(run.finished_at) : run.status === "running" ? "still running" : "—"],
    ["Duration", formatDuration(run.duration_ms)],
  ];
  return (
    <Card>
      <CardHeader title="Run" />
      <dl className="divide-y divide-slate-100 text-sm">
        {fields.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-5 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 break-words text-right text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {run.progress && run.status === "running" ? (
        <div className="border-t border-slate-100 px-5 py-3">
          <JobProgressView progress={run.progress} label={`${run.job} progress`} />
        </div>
      ) : null}
    </Card>
  );
}

/** What the run was asked to do and what it reported: arguments, summary, counts, error. */
export function JobRunResult({ run }: { run: JobRunDetail }) {
  const counts = Object.entries(run.counts);
  return (
    <Card>
      <CardHeader title="Arguments and result" />
      <div className="space-y-4 px-5 py-4 text-sm">
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Arguments</h3>
          <pre className="mt-1 max-w-full overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-800">{JSON.stringify(run.args, null, 2)}</pre>
        </div>
        {run.summary ? (
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Summary</h3>
            <p className="mt-1 break-words text-slate-900">{run.summary}</p>
          </div>
        ) : null}
        {counts.length ? (
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Counts</h3>
            <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
              {counts.map(([k, v]) => (
                <div key={k} className="flex gap-2">
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="tabular-nums text-slate-900">{v.toLocaleString("en")}</dd>
                </div>
              ))}
            </dl>
          </div>
        ) : null}
        {run.error ? (
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Error</h3>
            <p className="mt-1 break-words text-red-800">{run.error}</p>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

const levelClass = { info: "text-slate-600", warn: "text-amber-800", error: "text-red-800" } as const;

/** The run's own log lines, oldest first (the newest few hundred; older ones are dropped as it writes). */
export function JobRunLog({ run }: { run: JobRunDetail }) {
  return (
    <Card>
      <CardHeader title="Log" description="The run's progress messages and outcome, oldest first, in UTC." />
      {run.log.length ? (
        <ol aria-label="Run log" className="max-h-[32rem] overflow-auto px-5 py-3 font-mono text-xs">
          {run.log.map((line, i) => (
            // Lines have no id of their own; the log only ever appends (and drops its oldest), so time and place do.
            <li key={`${line.at}-${i}`} className="flex flex-wrap gap-x-3 py-0.5">
              <time dateTime={line.at} className="whitespace-nowrap text-slate-500">
                {line.at.slice(11, 19)}
              </time>
              <span className={levelClass[line.level]}>{line.level}</span>
              <span className="min-w-0 break-words text-slate-900">{line.message}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-600">This run recorded no log lines (runs from before the log was kept have none).</p>
      )}
    </Card>
  );
}
