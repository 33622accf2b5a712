import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import type { PlanSummary } from "@/lib/catalog/plans";
import { formatMoney } from "@/lib/money/format-money";

/** Every plan: its active version and price, when that was published, and the pending draft if there is one. */
export function PlansTable({ plans }: { plans: PlanSummary[] }) {
  return (
    <Table caption="Plans">
      <THead>
        <Th>Plan</Th>
        <Th>Active version</Th>
        <Th align="right">Monthly price</Th>
        <Th>Published</Th>
        <Th>Pending draft</Th>
      </THead>
      <TBody>
        {plans.map((p) => (
          <tr key={p.code} className="hover:bg-slate-50">
            <Th scope="row">
              <Link href={`/catalog/${p.code}`} className="font-medium text-brand-700 hover:underline">
                {p.name}
              </Link>
              <span className="ml-2 font-mono text-xs text-slate-500">{p.code}</span>
            </Th>
            <Td>{p.active ? `Version ${p.active.version}` : <Badge tone="amber">Not on sale</Badge>}</Td>
            <Td align="right">{p.active ? formatMoney(p.active.base_price_cents, p.active.currency) : "—"}</Td>
            <Td>{formatDateTime(p.active?.published_at)}</Td>
            <Td>
              {p.draft ? (
                <Link href={`/catalog/${p.code}/versions/${p.draft.version}`} className="inline-flex items-center gap-2 hover:underline">
                  <Badge tone="amber">Draft</Badge>
                  <span>
                    Version {p.draft.version} at {formatMoney(p.draft.base_price_cents, p.draft.currency)}
                  </span>
                </Link>
              ) : (
                <span className="text-slate-500">None</span>
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
