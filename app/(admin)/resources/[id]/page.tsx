import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResourceCostLines } from "@/components/costs/resource-cost-lines";
import { ResourceDriftPanel } from "@/components/drift/resource-drift-panel";
import { EventTimeline } from "@/components/inventory/event-timeline";
import { RawAttributesCard } from "@/components/inventory/raw-attributes-card";
import { ResourceDetailsCard } from "@/components/inventory/resource-details-card";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listResourceCostLines } from "@/lib/costs/list-resource-cost-lines";
import { listResourceDrift } from "@/lib/drift/list-drift";
import { getProvisioned } from "@/lib/drift/record-provisioned";
import { isApiError } from "@/lib/http/errors";
import { tenantOf } from "@/lib/billing/load-metered-resources";
import { getResourceOrThrow, listResourceEvents, type ResourceDetail } from "@/lib/inventory/get-resource";
import { env } from "@/lib/platform/env";
import { loadTenantNames } from "@/lib/tenants/list-tenants";

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
  const tenantId = tenantOf(resource.tags, env().TENANT_TAG_PREFIX);
  const [events, provisioned, drift, costLines, names] = await Promise.all([
    listResourceEvents(db, id),
    getProvisioned(db, id),
    listResourceDrift(db, id),
    listResourceCostLines(db, id, costLineLimit),
    loadTenantNames(db, tenantId ? [tenantId] : []),
  ]);
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
        <ResourceDetailsCard resource={resource} tenant={tenantId ? { id: tenantId, name: names.get(tenantId) ?? null } : null} className="lg:col-span-1" />
        <Card className="lg:col-span-2">
          <CardHeader title="Timeline" description="What the inventory sync and the drift sweep recorded, newest first." />
          <EventTimeline events={events} />
        </Card>
      </div>
      <ResourceDriftPanel resourceId={id} provisioned={provisioned} drift={drift} />
      <div className="mt-6">
        <ResourceCostLines {...costLines} limit={costLineLimit} />
      </div>
      <RawAttributesCard attrs={resource.attrs} className="mt-6" />
    </>
  );
}
