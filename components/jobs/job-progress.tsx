import type { JobRunDto } from "@/lib/jobs/list-job-runs";

type JobProgress = NonNullable<JobRunDto["progress"]>;

const percentOf = (p: JobProgress) => (p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : undefined);

/**
 * A run's own progress: a bar (of parts done, when the job knows how many there are) and, per part (a sync's kinds),
 * pages read and items listed so far. Drawn from job_runs.progress, so it is the same wherever the run is shown.
 */
export function JobProgressView({ progress, label = "Job progress" }: { progress: JobProgress; label?: string }) {
  const pct = percentOf(progress);
  const parts = Object.entries(progress.parts ?? {});
  return (
    <div className="flex w-full min-w-0 flex-col gap-1 text-xs text-slate-700">
      <div className="flex items-center gap-2">
        <progress
          max={progress.total ?? undefined}
          value={progress.total ? progress.done : undefined}
          aria-label={pct === undefined ? label : `${label}: ${pct}% done`}
          className="h-2 w-full min-w-16 max-w-48 accent-brand-600"
        />
        <span className="whitespace-nowrap tabular-nums">{progress.total ? `${progress.done} / ${progress.total}` : progress.done.toLocaleString("en")}</span>
      </div>
      {progress.message ? <p className="break-words text-slate-600">{progress.message}</p> : null}
      {parts.length ? (
        <ul aria-label={`${label} by part`} className="flex flex-wrap gap-x-4 gap-y-0.5 text-slate-600">
          {parts.map(([name, part]) => (
            <li key={name} className={part.isDone ? "text-slate-900" : undefined}>
              {part.isDone ? "✓ " : ""}
              {name.replaceAll("_", " ")}: <span className="tabular-nums">{part.pages.toLocaleString("en")}</span> {part.pages === 1 ? "page" : "pages"},{" "}
              <span className="tabular-nums">{part.items.toLocaleString("en")}</span> items
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
