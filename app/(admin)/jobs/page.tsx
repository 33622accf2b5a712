import type { Metadata } from "next";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { JobRunsTable } from "@/components/jobs/job-runs-table";
import { JobsTable } from "@/components/jobs/jobs-table";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { isInngestConfigured } from "@/jobs/job-queue";
import { jobDefinitions } from "@/jobs/registry";
import { env } from "@/lib/platform/env";
import { latestRunPerJob, listJobRuns } from "@/lib/jobs/list-job-runs";
import { runJobNow } from "./actions";
import { parseJobsPageQuery } from "./jobs-page-query";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { job } = parseJobsPageQuery(await searchParams).query;
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
      <CardTable
        className="mb-6"
        title="Jobs"
        description="Every scheduled job, its schedule (UTC) and its last run."
        isEmpty={jobDefinitions.length === 0}
        empty={<EmptyState title="No jobs are defined" />}
      >
        <JobsTable jobs={jobDefinitions} latest={latest} runJob={runJobNow} />
      </CardTable>
      <CardTable
        title={job ? `Recent runs of ${job}` : "Recent runs"}
        description="Newest first; the page refreshes itself while a run is in progress."
        isEmpty={runs.length === 0}
        empty={
          <EmptyState title="No job runs yet">
            <p>Runs appear here as schedules fire or when you press Run now.</p>
          </EmptyState>
        }
      >
        <JobRunsTable runs={runs} />
      </CardTable>
    </>
  );
}
