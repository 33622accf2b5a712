import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Costs" };

export default function CostsPage() {
  return (
    <>
      <PageHeader title="Costs" description="DigitalOcean invoice lines as cost of goods sold, matched to resources." />
      <Card>
        <EmptyState title="No invoices ingested yet">
          <p>Invoice lines appear here once billing history has been discovered and the invoices ingested.</p>
        </EmptyState>
      </Card>
    </>
  );
}
