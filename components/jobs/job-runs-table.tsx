import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";
import { JobRunStatus } from "./job-run-status";

function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

/** Job runs, newest first: status, trigger, timing, and the summary, counts or error each recorded. */
export function JobRunsTable({ runs }: { runs: JobRunDto[] }) {
  return (
    <Table caption="Recent job runs">
      <THead>
        <Th>Job</Th>
        <Th>Status</Th>
        <Th>Trigger</Th>
        <Th>Started</Th>
        <Th align="right">Duration</Th>
        <Th>Result</Th>
      </THead>
      <TBody>
        {runs.map((r) => (
          <tr key={r.id} className="align-top">
            <Td className="whitespace-nowrap font-mono text-xs">{r.job}</Td>
            <Td>
              <JobRunStatus run={r} />
            </Td>
            <Td className="text-slate-700">{r.trigger}</Td>
            <Td className="whitespace-nowrap text-slate-700">{formatDateTime(r.started_at)}</Td>
            <Td align="right" className="whitespace-nowrap text-slate-700">
              {formatDuration(r.duration_ms)}
            </Td>
            <Td>
              {r.error ? <span className="text-red-800">{r.error}</span> : (r.summary ?? "")}
              {Object.keys(r.counts).length ? (
                <span className="mt-0.5 block text-xs text-slate-600">
                  {Object.entries(r.counts)
                    .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
                    .join(" · ")}
                </span>
              ) : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
