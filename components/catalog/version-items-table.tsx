import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import type { PlanItemDto } from "@/lib/catalog/schemas";
import { formatOverage } from "./catalog-format";

export function VersionItemsTable({ items, currency, caption }: { items: PlanItemDto[]; currency: string; caption: string }) {
  if (!items.length) return <p className="px-5 py-4 text-sm text-slate-600">Nothing is included in this version yet.</p>;
  return (
    <Table caption={caption}>
      <THead>
        <Th>Resource</Th>
        <Th align="right">Included each month</Th>
        <Th align="right">Overage</Th>
        <Th align="right">Hard cap</Th>
      </THead>
      <TBody>
        {items.map((i) => (
          <tr key={i.resource_kind}>
            <Th scope="row">{resourceKindLabel(i.resource_kind)}</Th>
            <Td align="right">{formatQuantity(i.resource_kind, i.included_qty)}</Td>
            <Td align="right">{formatOverage(i, currency)}</Td>
            <Td align="right">{i.hard_cap_qty === null ? "No cap" : formatQuantity(i.resource_kind, i.hard_cap_qty)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
