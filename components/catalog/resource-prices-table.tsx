import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import type { ResourcePriceDto } from "@/lib/catalog/schemas";
import { formatMoney } from "@/lib/money/format-money";

/** Every resource price period, each marked in force, scheduled or past as of `now`. */
export function ResourcePricesTable({ history, now }: { history: ResourcePriceDto[]; now: number }) {
  const isCurrent = (p: ResourcePriceDto) => Date.parse(p.effective_from) <= now && (p.effective_to === null || Date.parse(p.effective_to) > now);
  return (
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
  );
}
