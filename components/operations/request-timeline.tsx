import { formatDuration } from "@/components/jobs/format-duration";
import { Badge } from "@/components/ui/badge";
import type { ProvisioningRequestItem } from "@/lib/provisioning/schemas";
import { statusTone } from "./request-labels";

type Step = ProvisioningRequestItem["steps"][number];

const time = (iso: string) => `${iso.slice(11, 19)} UTC`;

/** A step's output in a line: DO's ids, the action's outcome, why it was skipped. */
function describeOutput(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const parts = Object.entries(output as Record<string, unknown>)
    .filter(([, v]) => v !== null && typeof v !== "object")
    .slice(0, 5)
    .map(([k, v]) => `${k.replace(/_/g, " ")}: ${String(v)}`);
  return parts.length ? parts.join(" · ") : null;
}

function durationMs(s: Step): number | null {
  // The two times come from different clocks (the database's and this process's): never a negative duration.
  return s.finished_at ? Math.max(0, Date.parse(s.finished_at) - Date.parse(s.started_at)) : null;
}

/** The saga's steps in the order they started: when, how long, how many attempts, and what came of each. */
export function RequestTimeline({ steps }: { steps: Step[] }) {
  if (!steps.length) return <p className="px-5 py-4 text-sm text-slate-600">No step has started yet: the saga picks the request up shortly.</p>;
  return (
    <ol aria-label="Steps" className="px-5 py-4">
      {steps.map((s, i) => (
        <li key={s.name} className="relative flex gap-3 pb-5 last:pb-0">
          {i < steps.length - 1 ? <span aria-hidden className="absolute top-5 left-[0.4375rem] h-full w-px bg-slate-200" /> : null}
          <span aria-hidden className={`relative mt-1.5 size-4 shrink-0 rounded-full ring-4 ring-white ${dotClass[s.status] ?? "bg-slate-300"}`} />
          <div className="min-w-0 flex-1 text-sm">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span className="font-medium text-slate-900">{s.name}</span>
              <Badge tone={statusTone(s.status)}>{s.status}</Badge>
              {s.attempts > 1 ? <span className="text-xs text-slate-600">{s.attempts} attempts</span> : null}
            </p>
            <p className="text-xs text-slate-600">
              <time dateTime={s.started_at}>{time(s.started_at)}</time>
              {s.status === "skipped" ? "" : s.finished_at ? ` · took ${formatDuration(durationMs(s))}` : s.status === "running" ? " · in progress" : ""}
            </p>
            {s.error ? <p className="mt-1 break-words text-red-800">{s.error}</p> : null}
            {describeOutput(s.output) ? <p className="mt-1 break-words text-xs text-slate-700">{describeOutput(s.output)}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

const dotClass: Record<string, string> = {
  running: "bg-sky-500 motion-safe:animate-pulse",
  succeeded: "bg-emerald-500",
  failed: "bg-red-500",
  skipped: "bg-slate-300",
};
