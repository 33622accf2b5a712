import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TenantRequests } from "@/components/operations/tenant-requests";
import { TenantCogsChartLazy } from "@/components/tenants/tenant-cogs-chart-lazy";
import { TenantHistory } from "@/components/tenants/tenant-history";
import { billingFlagLabels } from "@/components/tenants/tenant-labels";
import { TenantMonthsTable } from "@/components/tenants/tenant-months-table";
import { TenantResourcesTable } from "@/components/tenants/tenant-resources-table";
import { TenantSubscriptionCard } from "@/components/tenants/tenant-subscription-card";
import { TenantUsageTable } from "@/components/tenants/tenant-usage-table";
import { Banner } from "@/components/ui/banner";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMonth } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { externalIdSchema } from "@/lib/billing/schemas";
import { formatMoney } from "@/lib/money/format-money";
import { env } from "@/lib/platform/env";
import { listTenantRequests } from "@/lib/provisioning/load-operations-page";
import { getTenantOverview, tenantResourceLimit } from "@/lib/tenants/get-tenant-overview";

export const metadata: Metadata = { title: "Tenant" };

export default async function TenantPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = externalIdSchema.safeParse(safeDecode((await params).id));
  if (!parsed.success) notFound();
  const e = env();
  const t = await getTenantOverview(getDb(), parsed.data, { currency: e.REPORTING_CURRENCY, tagPrefix: e.TENANT_TAG_PREFIX });
  if (!t) notFound();
  const requests = await listTenantRequests(getDb(), t.id);
  const thisMonth = t.months.at(-1);
  const overage = t.usage.reduce((a, u) => a + u.projectedOverageCents, 0);
  const overageCurrency = t.usage.find((u) => u.currency)?.currency ?? t.currency;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tenants" className="text-brand-700 hover:underline">
          ← Tenants
        </Link>
      </p>
      <PageHeader
        title={t.name ?? t.id}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <code>{t.id}</code>
            {t.isKnown ? null : <Badge tone="amber">not sent by arcadia-app</Badge>}
            <Link href="/margin/tenants" className="text-brand-700 hover:underline">
              Margin by tenant
            </Link>
          </span>
        }
      />
      {t.billing.isBilled ? null : (
        <div className="mb-6">
          <Banner tone="warning">
            <strong className="font-semibold">Nobody bills this tenant</strong> — {t.billing.reason ? billingFlagLabels[t.billing.reason] : "no billed subscription"}. Its{" "}
            {Object.keys(t.resources.unbilled).length} live resources cost us and earn nothing.
          </Banner>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <TenantSubscriptionCard overview={t} />
        <CardTable
          className="lg:col-span-2"
          title={`Usage in ${formatMonth(t.usagePeriod)}`}
          description={`Against each allowance of the plan in force; projected overage by the month's end: ${formatMoney(overage, overageCurrency)}.`}
          isEmpty={t.usage.length === 0}
          empty={<EmptyState title="No usage or allowances this month">{t.current ? null : <p>Without a subscription there is no allowance to measure against.</p>}</EmptyState>}
        >
          <TenantUsageTable usage={t.usage} />
        </CardTable>
      </div>
      <Card className="mt-6">
        <CardHeader
          title="COGS and margin by month"
          description={
            thisMonth
              ? `What its resources cost us and what it paid, in ${t.currency}; the margin report's figures for this tenant alone.`
              : undefined
          }
        />
        <div className="grid gap-4 p-4 lg:grid-cols-2">
          <TenantCogsChartLazy months={t.months} currency={t.currency} />
          <TenantMonthsTable months={t.months} currency={t.currency} />
        </div>
      </Card>
      <CardTable
        className="mt-6"
        title="Resources"
        description={
          t.resources.total > tenantResourceLimit
            ? `The first ${tenantResourceLimit} of ${t.resources.total.toLocaleString("en")}, tagged ${e.TENANT_TAG_PREFIX}${t.id}.`
            : `Tagged ${e.TENANT_TAG_PREFIX}${t.id} in the inventory.`
        }
        isEmpty={t.resources.items.length === 0}
        empty={<EmptyState title="No resources carry this tenant's tag">{`A DigitalOcean resource tagged ${e.TENANT_TAG_PREFIX}${t.id} shows here after the next inventory sync.`}</EmptyState>}
      >
        <TenantResourcesTable resources={t.resources.items} unbilled={t.resources.unbilled} />
      </CardTable>
      <TenantRequests className="mt-6" tenantId={t.id} requests={requests} />
      <Card className="mt-6">
        <CardHeader title="History" description="Subscriptions, migrations between plan versions and status changes, newest first." />
        <TenantHistory events={t.history} />
      </Card>
    </>
  );
}

/** A malformed escape in the address is a page that does not exist, not a server error. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
