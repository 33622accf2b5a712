import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TenantListItem } from "@/lib/tenants/list-tenants";

/** Every tenant with the plan in force and its live resources; each opens its page. */
export function TenantsTable({ tenants }: { tenants: TenantListItem[] }) {
  return (
    <Table caption="Tenants">
      <THead>
        <Th>Tenant</Th>
        <Th>Plan</Th>
        <Th>Subscription</Th>
        <Th align="right">Resources</Th>
      </THead>
      <TBody>
        {tenants.map((t) => (
          <tr key={t.id} className="align-top">
            <Td>
              <Link href={`/tenants/${encodeURIComponent(t.id)}`} className="font-medium text-brand-700 hover:underline">
                {t.name ?? t.id}
              </Link>
              <span className="block text-xs text-slate-600">
                <code>{t.id}</code>
                {t.isKnown ? null : (
                  <Badge tone="amber" className="ml-2">
                    not sent by arcadia-app
                  </Badge>
                )}
              </span>
            </Td>
            <Td>{t.planName ? `${t.planName} (${t.planCode})` : <span className="text-slate-600">—</span>}</Td>
            <Td>
              {t.subscriptionStatus ? (
                <Badge tone={t.subscriptionStatus === "active" ? "green" : t.subscriptionStatus === "trialing" ? "blue" : "neutral"}>{t.subscriptionStatus}</Badge>
              ) : (
                <span className="text-slate-600">none in force</span>
              )}
            </Td>
            <Td align="right">{t.resources.toLocaleString("en")}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
