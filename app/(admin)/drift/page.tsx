import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Drift" };

export default function DriftPage() {
  return (
    <>
      <PageHeader title="Drift" description="Where a resource's live state differs from what we provisioned." />
      <Card>
        <EmptyState title="No drift detection yet">
          <p>Drift appears here once provisioned specs are recorded and the hourly drift sweep has run.</p>
        </EmptyState>
      </Card>
    </>
  );
}
