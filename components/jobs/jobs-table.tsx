import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ServerAction } from "@/lib/http/action-result";
import type { JobRunDto } from "@/lib/jobs/list-job-runs";
import { JobRunStatus } from "./job-run-status";
import { RunJobButton } from "./run-job-button";

/** What the Jobs page shows of a job's definition. */
export interface JobSummary {
  name: string;
  title: string;
  description: string;
  cron?: string;
  schedules?: { cron: string; label: string }[];
  /**
   * For a job that cannot run without arguments (which invoice to ingest): where its button is, on the thing it acts
   * on, instead of a "Run now" that could only fail.
   */
  runFrom?: { href?: string; label: string };
}

/** Every job with its schedules (UTC), its last run and Run now (which follows the run it starts). */
export function JobsTable({ jobs, latest, runJob, now }: { jobs: JobSummary[]; latest: Record<string, JobRunDto>; runJob: ServerAction; now: number }) {
  return (
    <Table caption="Jobs">
      <THead>
        <Th>Job</Th>
        <Th>Schedule</Th>
        <Th>Last run</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {jobs.map((j) => {
          const last = latest[j.name];
          return (
            <tr key={j.name} className="align-top">
              <Td className="min-w-56">
                <p className="font-medium text-slate-900">{j.title}</p>
                <p className="text-xs text-slate-600">
                  <code>{j.name}</code> · {j.description}
                </p>
              </Td>
              <Td className="text-xs text-slate-700">
                {j.schedules ? (
                  <ul className="space-y-0.5">
                    {j.schedules.map((s) => (
                      <li key={s.cron} className="whitespace-nowrap">
                        <code>{s.cron}</code> <span className="text-slate-600">{s.label}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <code>{j.cron ?? "on demand"}</code>
                )}
              </Td>
              <Td>
                {last ? (
                  <span className="flex flex-col gap-1">
                    <Link href={`/jobs/runs/${last.id}`} className="w-fit" aria-label={`Last run of ${j.name}: ${last.status}`}>
                      <JobRunStatus run={{ status: last.status, progress: null }} />
                    </Link>
                    <RelativeTime iso={last.started_at} now={now} className="text-xs text-slate-600" />
                  </span>
                ) : (
                  <span className="text-slate-600">never</span>
                )}
              </Td>
              <Td align="right" className="min-w-48">
                {j.runFrom ? (
                  <p className="text-xs text-slate-600">
                    Needs arguments:{" "}
                    {j.runFrom.href ? (
                      <Link href={j.runFrom.href} className="text-brand-700 hover:underline">
                        {j.runFrom.label}
                      </Link>
                    ) : (
                      <code>{j.runFrom.label}</code>
                    )}
                  </p>
                ) : (
                  <RunJobButton action={runJob} job={j.name} run={last ?? null} />
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
