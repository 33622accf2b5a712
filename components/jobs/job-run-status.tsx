import { Badge } from "@/components/ui/badge";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";

export function JobRunStatus({ run }: { run: Pick<JobRunDto, "status" | "progress"> }) {
  if (run.status === "running") {
    const p = run.progress;
    const pct = p?.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : undefined;
    return (
      <span className="inline-flex items-center gap-2">
        <Badge tone="blue">running</Badge>
        {p ? (
          <span className="text-xs text-slate-600">
            {pct !== undefined ? (
              <progress max={100} value={pct} className="mr-1 h-2 w-20 align-middle" aria-label={`${pct}% done`} />
            ) : null}
            {p.message ?? `${p.done}${p.total ? ` / ${p.total}` : ""}`}
          </span>
        ) : null}
      </span>
    );
  }
  // Abandoned: its process died before recording an outcome (the error says when); not a failure of the job's work.
  const tone = run.status === "succeeded" ? "green" : run.status === "abandoned" ? "amber" : "red";
  return <Badge tone={tone}>{run.status}</Badge>;
}
