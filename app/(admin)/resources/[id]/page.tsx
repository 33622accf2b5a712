import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResourceCostLines } from "@/components/costs/resource-cost-lines";
import { ResourceDriftPanel } from "@/components/drift/resource-drift-panel";
import { EventTimeline } from "@/components/inventory/event-timeline";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listResourceCostLines } from "@/lib/costs/list-resource-cost-lines";
import { listResourceDrift } from "@/lib/drift/list-drift";
import { getProvisioned } from "@/lib/drift/record-provisioned";
import { doCurrency } from "@/lib/digitalocean/schemas";
import { isApiError } from "@/lib/http/errors";
import { getResourceOrThrow, listResourceEvents, type ResourceDetail } from "@/lib/inventory/get-resource";
import { formatMoney } from "@/lib/money/format-money";

export const metadata: Metadata = { title: "Resource" };

/** The newest cost lines the page shows; the card says when there are more. */
const costLineLimit = 240;

async function load(id: string): Promise<ResourceDetail> {
  try {
    return await getResourceOrThrow(getDb(), id);
  } catch (e) {
    if (isApiError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export default async function ResourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const resource = await load(id);
  const db = getDb();
  const [events, provisioned, drift, costLines] = await Promise.all([
    listResourceEvents(db, id),
    getProvisioned(db, id),
    listResourceDrift(db, id),
    listResourceCostLines(db, id, costLineLimit),
  ]);
  const project = resource.attrs.project as { name?: string } | null | undefined;
  const fields: [string, React.ReactNode][] = [
    ["Kind", resource.kind.replace("_", " ")],
    ["DigitalOcean id", <code key="id">{resource.provider_id}</code>],
    ["Region", resource.region ?? "—"],
    ["Size", resource.size_slug ?? "—"],
    ["Status", resource.status ?? "—"],
    ["Project", project?.name ?? "—"],
    ["Monthly price", formatMoney(resource.monthly_price_cents, doCurrency)],
    ["Created at DO", formatDateTime(resource.provider_created_at)],
    ["First seen", formatDateTime(resource.first_seen_at)],
    ["Last changed", formatDateTime(resource.last_seen_at)],
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/inventory" className="text-brand-700 hover:underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader
        title={resource.name}
        description={
          resource.deleted_at ? (
            <span className="inline-flex items-center gap-2">
              <Badge tone="red">deleted</Badge> Not seen by DigitalOcean since {formatDateTime(resource.deleted_at)}; kept for invoice matching.
            </span>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="Details" />
          <dl className="divide-y divide-slate-100 text-sm">
            {fields.map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4 px-5 py-2">
                <dt className="text-slate-600">{label}</dt>
                <dd className="text-right text-slate-900">{value}</dd>
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
        <Card className="lg:col-span-2">
          <CardHeader title="Timeline" description="What the inventory sync and the drift sweep recorded, newest first." />
          <EventTimeline events={events} />
        </Card>
      </div>
      <ResourceDriftPanel resourceId={id} provisioned={provisioned} drift={drift} />
      <div className="mt-6">
        <ResourceCostLines {...costLines} limit={costLineLimit} />
      </div>
      <Card className="mt-6">
        <CardHeader title="Raw attributes" description="What DigitalOcean returned for this resource at the last change, less its catalogue data (the sizes a region offers, the regions a size or image is offered in)." />
        <details className="px-5 py-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">Show JSON</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(resource.attrs, null, 2)}</pre>
        </details>
      </Card>
    </>
  );
}
