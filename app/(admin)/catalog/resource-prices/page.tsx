import type { Metadata } from "next";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { ResourcePriceForm } from "@/components/catalog/resource-price-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import { listResourcePriceHistory } from "@/lib/catalog/resource-prices";
import { formatMoney } from "@/lib/money/format-money";
import { createResourcePriceAction } from "../actions";

export const metadata: Metadata = { title: "Resource prices" };

export default async function ResourcePricesPage() {
  const history = await listResourcePriceHistory(getDb());
  const now = Date.now();
  const isCurrent = (p: (typeof history)[number]) => Date.parse(p.effective_from) <= now && (p.effective_to === null || Date.parse(p.effective_to) > now);
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
        <Card>
          <CardHeader title="Price periods" description="Newest first within each resource. A period includes its start and excludes its end." />
          {history.length === 0 ? (
            <EmptyState title="No resource prices yet" />
          ) : (
            <Table caption="Resource price periods">
              <THead>
                <Th>Resource</Th>
                <Th align="right">Price per unit</Th>
                <Th>From</Th>
                <Th>Until</Th>
                <Th>Status</Th>
              </THead>
              <TBody>
                {history.map((p) => (
                  <tr key={`${p.resource_kind}:${p.effective_from}`}>
                    <Th scope="row">{resourceKindLabel(p.resource_kind)}</Th>
                    <Td align="right">
                      {formatMoney(p.price_cents, p.currency)} per {p.unit}
                    </Td>
                    <Td>{formatDateTime(p.effective_from)}</Td>
                    <Td>{p.effective_to ? formatDateTime(p.effective_to) : "Open"}</Td>
                    <Td>
                      {isCurrent(p) ? (
                        <Badge tone="green">In force</Badge>
                      ) : Date.parse(p.effective_from) > now ? (
                        <Badge tone="blue">Scheduled</Badge>
                      ) : (
                        <Badge>Past</Badge>
                      )}
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
