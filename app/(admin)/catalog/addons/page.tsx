import type { Metadata } from "next";
import { AddonForm } from "@/components/catalog/addon-form";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listAllAddons } from "@/lib/catalog/addons";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import { formatMoney } from "@/lib/money/format-money";
import { createAddonAction, setAddonActiveAction } from "../actions";

export const metadata: Metadata = { title: "Add-ons" };

export default async function AddonsPage() {
  const addons = await listAllAddons(getDb());
  return (
    <>
      <PageHeader title="Catalog" description="À-la-carte upgrades tenants can add to any plan." />
      <CatalogTabs current="/catalog/addons" />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader title="Add-ons" description="An add-on's quantity and price never change once created; to reprice one, take it off sale and create another." />
          {addons.length === 0 ? (
            <EmptyState title="No add-ons yet" />
          ) : (
            <Table caption="Add-ons">
              <THead>
                <Th>Add-on</Th>
                <Th>Code</Th>
                <Th>Adds</Th>
                <Th align="right">Monthly price</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </THead>
              <TBody>
                {addons.map((a) => (
                  <tr key={a.code}>
                    <Th scope="row">{a.name}</Th>
                    <Td className="font-mono text-xs">{a.code}</Td>
                    <Td>
                      {formatQuantity(a.resource_kind, a.qty)} <span className="text-slate-500">({resourceKindLabel(a.resource_kind)})</span>
                    </Td>
                    <Td align="right">{formatMoney(a.price_cents, a.currency)}</Td>
                    <Td>{a.is_active ? <Badge tone="green">On sale</Badge> : <Badge>Off sale</Badge>}</Td>
                    <Td align="right">
                      <ConfirmDialog
                        trigger={a.is_active ? "Take off sale" : "Put on sale"}
                        triggerVariant="ghost"
                        title={a.is_active ? `Take ${a.name} off sale?` : `Put ${a.name} back on sale?`}
                        confirmLabel={a.is_active ? "Take off sale" : "Put on sale"}
                        pendingLabel="Saving…"
                        confirmVariant={a.is_active ? "danger" : "primary"}
                        action={setAddonActiveAction}
                        fields={{ code: a.code, active: a.is_active ? "false" : "true" }}
                      >
                        <p>
                          {a.is_active
                            ? "Tenants will no longer see it on the plans page or in the API. Tenants who already bought it keep it."
                            : "Tenants will see it on the plans page and in the API again."}
                        </p>
                      </ConfirmDialog>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
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
