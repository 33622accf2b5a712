import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { doCurrency } from "@/lib/digitalocean/schemas";
import type { ResourceDetail } from "@/lib/inventory/get-resource";
import { formatMoney } from "@/lib/money/format-money";

/** A resource's columns as a definition list: kind, ids, size, status, project, tenant, price, dates and tags. */
export function ResourceDetailsCard({
  resource,
  tenant,
  className,
}: {
  resource: ResourceDetail;
  /** Whose it is by its tenant tag, linked to the tenant's page. */
  tenant: { id: string; name: string | null } | null;
  className?: string;
}) {
  const project = resource.attrs.project as { name?: string } | null | undefined;
  const fields: [string, ReactNode][] = [
    ["Kind", resource.kind.replace("_", " ")],
    ["DigitalOcean id", <code key="id">{resource.provider_id}</code>],
    ["Region", resource.region ?? "—"],
    ["Size", resource.size_slug ?? "—"],
    ["Status", resource.status ?? "—"],
    ["Project", project?.name ?? "—"],
    [
      "Tenant",
      tenant ? (
        <Link key="tenant" href={`/tenants/${encodeURIComponent(tenant.id)}`} className="text-brand-700 hover:underline">
          {tenant.name ?? tenant.id}
        </Link>
      ) : (
        "—"
      ),
    ],
    ["Monthly price", formatMoney(resource.monthly_price_cents, doCurrency)],
    ["Created at DO", formatDateTime(resource.provider_created_at)],
    ["First seen", formatDateTime(resource.first_seen_at)],
    ["Last changed", formatDateTime(resource.last_seen_at)],
  ];
  return (
    <Card className={className}>
      <CardHeader title="Details" />
      <dl className="divide-y divide-slate-100 text-sm">
        {fields.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-5 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 break-all text-right text-slate-900">{value}</dd>
          </div>
        ))}
        <div className="px-5 py-2">
          <dt className="text-slate-600">Tags</dt>
          <dd className="mt-1 flex flex-wrap gap-1">
            {resource.tags.length ? resource.tags.map((t) => <Badge key={t} tone="violet">{t}</Badge>) : <span className="text-slate-600">none</span>}
          </dd>
        </div>
      </dl>
    </Card>
  );
}
