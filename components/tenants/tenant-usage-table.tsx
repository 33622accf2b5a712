import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import { formatMoney } from "@/lib/money/format-money";
import type { TenantUsageLine } from "@/lib/tenants/get-tenant-overview";

const qty = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 1 });

/** This month's usage per kind against its allowance, the overage so far and the overage projected to month end. */
export function TenantUsageTable({ usage }: { usage: TenantUsageLine[] }) {
  return (
    <Table caption="Usage this month against each allowance">
      <THead>
        <Th>Kind</Th>
        <Th align="right">Used</Th>
        <Th align="right">Included</Th>
        <Th align="right">Overage so far</Th>
        <Th align="right">By month end</Th>
        <Th align="right">Projected overage</Th>
      </THead>
      <TBody>
        {usage.map((u) => {
          const currency = u.currency ?? "USD";
          const pct = u.included > 0 ? Math.min(100, Math.round((u.used / u.included) * 100)) : null;
          return (
            <tr key={u.resourceKind} className="align-top">
              <Th scope="row">
                {resourceKindLabel(u.resourceKind)}
                {u.isCovered ? null : (
                  <Badge tone="amber" className="ml-2">
                    not in plan
                  </Badge>
                )}
              </Th>
              <Td align="right">
                {qty(u.used)}
                {pct !== null ? (
                  <progress max={100} value={pct} aria-label={`${resourceKindLabel(u.resourceKind)}: ${pct}% of the allowance used`} className="ml-2 h-2 w-16 align-middle" />
                ) : null}
              </Td>
              <Td align="right">{u.isCovered ? qty(u.included) : "—"}</Td>
              <Td align="right">{u.overageCents ? formatMoney(u.overageCents, currency) : "—"}</Td>
              <Td align="right">
                {qty(u.projectedUsed)}
                <span className="block whitespace-normal text-xs text-slate-600">{u.isProjected ? "projected" : "metered to month end"}</span>
              </Td>
              <Td align="right" className={u.projectedOverageCents > u.overageCents ? "font-medium text-amber-800" : undefined}>
                {u.projectedOverageCents ? formatMoney(u.projectedOverageCents, currency) : "—"}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
