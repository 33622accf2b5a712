import type { Metadata } from "next";
import { AddonForm } from "@/components/catalog/addon-form";
import { AddonsTable } from "@/components/catalog/addons-table";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listAllAddons } from "@/lib/catalog/addons";
import { createAddonAction, setAddonActiveAction } from "../actions";

export const metadata: Metadata = { title: "Add-ons" };

export default async function AddonsPage() {
  const addons = await listAllAddons(getDb());
  return (
    <>
      <PageHeader title="Catalog" description="À-la-carte upgrades tenants can add to any plan." />
      <CatalogTabs current="/catalog/addons" />
      <div className="flex flex-col gap-6">
        <CardTable
          title="Add-ons"
          description="An add-on's quantity and price never change once created; to reprice one, take it off sale and create another."
          isEmpty={addons.length === 0}
          empty={<EmptyState title="No add-ons yet">Create one below: a quantity of one resource at a monthly price, which tenants can add to any plan.</EmptyState>}
        >
          <AddonsTable addons={addons} setActive={setAddonActiveAction} />
        </CardTable>
        <Card>
          <CardHeader title="New add-on" />
          <div className="p-5">
            <AddonForm action={createAddonAction} />
          </div>
        </Card>
      </div>
    </>
  );
}
