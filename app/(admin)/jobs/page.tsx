import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <>
      <PageHeader title="Jobs" description="Scheduled syncs, billing ingestion and drift sweeps, with their recent runs." />
      <Card>
        <EmptyState title="No job runs yet">
          <p>Runs of every scheduled job are listed here with their status, duration and counts.</p>
        </EmptyState>
      </Card>
    </>
  );
}
