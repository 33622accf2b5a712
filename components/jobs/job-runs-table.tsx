import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";
import { describeStarter, formatDuration } from "./format-duration";
import { JobRunStatus } from "./job-run-status";

/** Job runs, newest first: status, who started it, timing, and the summary, counts or error each recorded. */
export function JobRunsTable({ runs }: { runs: JobRunDto[] }) {
  return (
    <Table caption="Recent job runs">
      <THead>
        <Th>Job</Th>
        <Th>Status</Th>
        <Th>Started by</Th>
        <Th>Started</Th>
        <Th align="right">Duration</Th>
        <Th>Result</Th>
      </THead>
      <TBody>
        {runs.map((r) => (
          <tr key={r.id} className="align-top">
            <Td className="whitespace-nowrap font-mono text-xs">
              <Link href={`/jobs/runs/${r.id}`} className="text-brand-700 hover:underline" aria-label={`Run of ${r.job} at ${formatDateTime(r.started_at)}`}>
                {r.job}
              </Link>
            </Td>
            <Td>
              <JobRunStatus run={r} />
            </Td>
            <Td className="text-slate-700">
              <span className="block">{describeStarter(r)}</span>
              <span className="text-xs text-slate-600">{r.trigger}</span>
            </Td>
            <Td className="whitespace-nowrap text-slate-700">{formatDateTime(r.started_at)}</Td>
            <Td align="right" className="whitespace-nowrap text-slate-700">
              {formatDuration(r.duration_ms)}
            </Td>
            <Td className="min-w-48">
              {r.error ? <span className="break-words text-red-800">{r.error}</span> : (r.summary ?? "")}
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
