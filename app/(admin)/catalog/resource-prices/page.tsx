import type { Metadata } from "next";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { ResourcePriceForm } from "@/components/catalog/resource-price-form";
import { ResourcePricesTable } from "@/components/catalog/resource-prices-table";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listResourcePriceHistory } from "@/lib/catalog/resource-prices";
import { createResourcePriceAction } from "../actions";

export const metadata: Metadata = { title: "Resource prices" };

export default async function ResourcePricesPage() {
  const history = await listResourcePriceHistory(getDb());
  return (
    <>
      <PageHeader title="Catalog" description="Per-unit fallback prices for usage a plan does not cover. Each kind has one price at any moment." />
      <CatalogTabs current="/catalog/resource-prices" />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader title="New price" description="A new price closes the open period of the same resource at the moment it starts; past periods are never rewritten." />
          <div className="p-5">
            <ResourcePriceForm action={createResourcePriceAction} />
          </div>
        </Card>
        <CardTable
          title="Price periods"
          description="Newest first within each resource. A period includes its start and excludes its end."
          isEmpty={history.length === 0}
          empty={<EmptyState title="No resource prices yet">Add one above: the per-unit price of a resource, charged for usage beyond a plan's allowance.</EmptyState>}
        >
          <ResourcePricesTable history={history} now={Date.now()} />
        </CardTable>
      </div>
    </>
  );
}
