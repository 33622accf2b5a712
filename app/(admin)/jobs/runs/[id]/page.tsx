import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { JobRunFacts, JobRunLog, JobRunResult } from "@/components/jobs/job-run-details";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/components/ui/format";
import { getDb } from "@/db";
import { findJob } from "@/jobs/registry";
import { getJobRun } from "@/lib/jobs/list-job-runs";

export const metadata: Metadata = { title: "Job run" };

export default async function JobRunPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const run = await getJobRun(getDb(), id.data);
  if (!run) notFound();
  return (
    <>
      <AutoRefresh active={run.status === "running"} />
      <p className="mb-2 text-sm">
        <Link href={`/jobs?job=${encodeURIComponent(run.job)}`} className="text-brand-700 hover:underline">
          ← Runs of {run.job}
        </Link>
      </p>
      <PageHeader title={`${findJob(run.job)?.title ?? run.job} run`} description={`${run.job}, started ${formatDateTime(run.started_at)}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <JobRunFacts run={run} />
        <JobRunResult run={run} />
      </div>
      <div className="mt-6">
        <JobRunLog run={run} />
      </div>
    </>
  );
}
