import type { Metadata } from "next";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { PlansTable } from "@/components/catalog/plans-table";
import { Banner } from "@/components/ui/banner";
import { ActionForm } from "@/components/ui/action-form";
import { LinkButton } from "@/components/ui/button";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listPlanSummaries } from "@/lib/catalog/plans";
import { seedStarterCatalogAction } from "./actions";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { seeded } = await searchParams;
  const plans = await listPlanSummaries(getDb());
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Plans, their versioned prices, add-ons and per-unit prices. Tenants see the active version of each plan."
        actions={
          <>
            <LinkButton href="/plans">Preview tenant page</LinkButton>
            <LinkButton href="/catalog/new" variant="primary">
              New plan
            </LinkButton>
          </>
        }
      />
      <CatalogTabs current="/catalog" />
      {seeded ? (
        <div className="mb-4">
          <Banner tone="success">The starter catalog is loaded.</Banner>
        </div>
      ) : null}
      <CardTable
        isEmpty={plans.length === 0}
        empty={
          <EmptyState
            title="No plans yet"
            action={
              <ActionForm action={seedStarterCatalogAction} submitLabel="Load the starter catalog" pendingLabel="Load the starter catalog" />
            }
          >
            <p>
              Load Starter, Studio and Pro (AUD) with their add-ons — the same as <code className="rounded bg-slate-100 px-1">npm run db:seed</code> — or
              create a plan of your own.
            </p>
          </EmptyState>
        }
      >
        <PlansTable plans={plans} />
      </CardTable>
    </>
  );
}
