import { formatAge } from "@/components/ui/format";
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
}

/** Every job with its schedules (UTC), its last run and Run now. */
export function JobsTable({ jobs, latest, runJob }: { jobs: JobSummary[]; latest: Record<string, JobRunDto>; runJob: ServerAction }) {
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
              <Td>
                <p className="font-medium text-slate-900">{j.title}</p>
                <p className="text-xs text-slate-600">
                  <code>{j.name}</code> · {j.description}
                </p>
              </Td>
              <Td className="text-xs text-slate-700">
                {j.schedules ? (
                  <ul className="space-y-0.5">
                    {j.schedules.map((s) => (
                      <li key={s.cron}>
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
                    <JobRunStatus run={last} />
                    <span className="text-xs text-slate-600">{formatAge(last.started_at)}</span>
                  </span>
                ) : (
                  <span className="text-slate-600">never</span>
                )}
              </Td>
              <Td align="right">
                <RunJobButton action={runJob} job={j.name} />
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
