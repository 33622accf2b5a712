import type { Metadata } from "next";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { JobRunStatus } from "@/components/jobs/job-run-status";
import { RunJobButton } from "@/components/jobs/run-job-button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatAge, formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDb } from "@/db";
import { isInngestConfigured } from "@/jobs/job-queue";
import { jobDefinitions } from "@/jobs/registry";
import { env } from "@/lib/env";
import { latestRunPerJob, listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "./actions";

export const metadata: Metadata = { title: "Jobs" };

function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s`;
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ job?: string }> }) {
  const { job } = await searchParams;
  const db = getDb();
  const [runs, latest] = await Promise.all([listJobRuns(db, { job, limit: 50 }), latestRunPerJob(db)]);
  const inngest = isInngestConfigured(env());
  const anyRunning = runs.some((r) => r.status === "running");
  return (
    <>
      <AutoRefresh active={anyRunning} />
      <PageHeader
        title="Jobs"
        description={
          inngest
            ? "Scheduled by Inngest. Run now sends the job's event to Inngest."
            : "Inngest is not configured: schedules do not fire, and Run now runs the job inline in this server."
        }
      />
      <Card className="mb-6">
        <CardHeader title="Jobs" description="Every scheduled job, its schedule (UTC) and its last run." />
        {jobDefinitions.length === 0 ? (
          <EmptyState title="No jobs are defined" />
        ) : (
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
              {jobDefinitions.map((j) => {
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
                      <RunJobButton action={runJobNow} job={j.name} />
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader title={job ? `Recent runs of ${job}` : "Recent runs"} description="Newest first; the page refreshes itself while a run is in progress." />
        {runs.length === 0 ? (
          <EmptyState title="No job runs yet">
            <p>Runs appear here as schedules fire or when you press Run now.</p>
          </EmptyState>
        ) : (
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
        )}
      </Card>
    </>
  );
}
