import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Catalog" };

export default function CatalogPage() {
  return (
    <>
      <PageHeader title="Catalog" description="Plans, versioned prices, add-ons and per-unit prices." />
      <Card>
        <EmptyState title="No plans yet">
          <p>Run <code className="rounded bg-slate-100 px-1">npm run db:seed</code> to create the starter catalog.</p>
        </EmptyState>
      </Card>
    </>
  );
}
