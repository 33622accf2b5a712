import type { Metadata } from "next";
import { JobRunsFilters } from "@/components/jobs/job-runs-filters";
import { JobRunsTable } from "@/components/jobs/job-runs-table";
import { type JobSummary, JobsTable } from "@/components/jobs/jobs-table";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { jobStatuses } from "@/db/schema/jobs";
import { isInngestConfigured } from "@/jobs/job-queue";
import { jobDefinitions } from "@/jobs/registry";
import { latestRunPerJob, listJobRuns } from "@/lib/jobs/list-job-runs";
import { env } from "@/lib/platform/env";
import { runJobNow } from "./actions";
import { parseJobsPageQuery } from "./jobs-page-query";

export const metadata: Metadata = { title: "Jobs" };

/** Jobs that cannot run without arguments, and where the button that supplies them is. */
const runFrom: Record<string, JobSummary["runFrom"]> = {
  "ingest-invoice": { href: "/costs/invoices", label: "Re-ingest on an invoice's row" },
};

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, isValid } = parseJobsPageQuery(await searchParams);
  const db = getDb();
  const [runs, latest] = await Promise.all([listJobRuns(db, { job: query.job, status: query.status, limit: 50 }), latestRunPerJob(db)]);
  const inngest = isInngestConfigured(env());
  const anyRunning = Object.values(latest).some((r) => r.status === "running");
  const jobs: JobSummary[] = jobDefinitions.map((j) => ({
    name: j.name,
    title: j.title,
    description: j.description,
    cron: j.cron,
    schedules: j.schedules?.map((s) => ({ cron: s.cron, label: s.label })),
    // A job whose arguments have no defaults would fail "Run now" with "Invalid arguments": it points elsewhere.
    runFrom: j.args.safeParse({}).success ? undefined : (runFrom[j.name] ?? { label: `npm run job -- ${j.name} …` }),
  }));
  const now = Date.now();
  const filtered = Boolean(query.job || query.status);
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
      <InvalidFiltersBanner isShown={!isValid} />
      <CardTable
        className="mb-6"
        title="Jobs"
        description="Every scheduled job, its schedule (UTC) and its last run."
        isEmpty={jobs.length === 0}
        empty={<EmptyState title="No jobs are defined">Jobs are registered in jobs/registry.ts.</EmptyState>}
      >
        <JobsTable jobs={jobs} latest={latest} runJob={runJobNow} now={now} />
      </CardTable>
      <CardTable
        title={query.job ? `Recent runs of ${query.job}` : "Recent runs"}
        description="Newest first; open a run for its arguments and log. The page refreshes itself while a run is in progress."
        toolbar={<JobRunsFilters jobs={jobDefinitions.map((j) => j.name)} statuses={jobStatuses} values={query} />}
        isEmpty={runs.length === 0}
        empty={
          <EmptyState title={filtered ? "No runs match" : "No job runs yet"}>
            <p>{filtered ? "No run of the last ones has that job and outcome." : "Runs appear here as schedules fire or when you press Run now."}</p>
          </EmptyState>
        }
      >
        <JobRunsTable runs={runs} />
      </CardTable>
    </>
  );
}
