import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ResourceItem } from "@/lib/inventory/schemas";
import type { ResourceBillingFlag } from "@/lib/tenants/get-tenant-overview";
import { billingFlagLabels } from "./tenant-labels";

/** The tenant's resources from the inventory, each linked, with the ones nobody bills flagged and why. */
export function TenantResourcesTable({ resources, unbilled }: { resources: ResourceItem[]; unbilled: Record<string, ResourceBillingFlag> }) {
  return (
    <Table caption="The tenant's resources">
      <THead>
        <Th>Name</Th>
        <Th>Kind</Th>
        <Th>Region</Th>
        <Th>Status</Th>
        <Th>Billing</Th>
      </THead>
      <TBody>
        {resources.map((r) => {
          const flag = unbilled[r.id];
          return (
            <tr key={r.id}>
              <Td>
                <Link href={`/resources/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{r.kind.replaceAll("_", " ")}</Td>
              <Td>{r.region ?? "—"}</Td>
              <Td>{r.deleted_at ? <Badge tone="red">deleted</Badge> : (r.status ?? "—")}</Td>
              <Td>
                {flag ? (
                  <Badge tone="amber">unbilled: {billingFlagLabels[flag]}</Badge>
                ) : r.deleted_at ? (
                  <span className="text-slate-600">—</span>
                ) : (
                  <span className="text-slate-700">billed</span>
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
