import type { Metadata } from "next";
import Link from "next/link";
import { PlanCard } from "@/components/catalog/plan-card";
import { UserMenu } from "@/components/layout/user-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { requireUser } from "@/lib/auth/session";
import { listActiveAddons } from "@/lib/catalog/addons";
import { listCatalogPlans } from "@/lib/catalog/list-catalog-plans";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import { formatMoney } from "@/lib/money/format-money";
import { loadTenantHistory } from "@/lib/tenants/load-tenant-history";
import { loadTenantNames } from "@/lib/tenants/list-tenants";

export const metadata: Metadata = { title: "Plans" };
export const dynamic = "force-dynamic";

/**
 * The plans on sale, side by side, for signed-in tenants (and admins previewing). It renders the same lib functions
 * GET /api/v1/catalog/plans and /addons serve, so it shows exactly what arcadia-app reads.
 */
export default async function PlansPage() {
  const user = await requireUser("/plans");
  const db = getDb();
  const tenantId = user.role === "tenant" ? user.tenantId : null;
  const [plans, addons, names, history] = await Promise.all([
    listCatalogPlans(db),
    listActiveAddons(db),
    loadTenantNames(db, tenantId ? [tenantId] : []),
    tenantId ? loadTenantHistory(db, tenantId, new Date()) : Promise.resolve(null),
  ]);
  const tenantName = tenantId ? (names.get(tenantId) ?? null) : null;
  const currentPlan = history?.current?.planCode ?? null;
  // Never the session's internal subject ("arcadia:tenant-user-7"): people are named by address, name or tenant.
  const who = user.email ?? user.name ?? tenantName ?? (user.role === "tenant" ? "Tenant user" : "Admin");
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
        <p className="text-lg font-semibold text-slate-900">arcadia-cloud</p>
        <div className="flex min-w-0 items-center gap-4">
          {user.role === "platform_admin" ? (
            <Link href="/catalog" className="text-sm font-medium text-brand-700 hover:underline">
              Back to the catalog editor
            </Link>
          ) : null}
          <UserMenu email={who} role={user.role} detail={tenantName && tenantName !== who ? tenantName : undefined} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        <PageHeader
          title="Plans"
          description={`${tenantName ? `${tenantName}: ${currentPlan ? "your plan is marked. " : ""}` : ""}Each plan includes a monthly allowance of every resource listed; usage beyond it is charged per unit, up to the plan's cap.`}
        />
        {plans.length === 0 ? (
          <EmptyState title="No plans are on sale yet">Plans appear here once your provider publishes them.</EmptyState>
        ) : (
          <section aria-label="Plans on sale" className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {plans.map((p) => (
              <PlanCard key={p.code} plan={p} isCurrent={p.code === currentPlan} showVersion={user.role === "platform_admin"} />
            ))}
          </section>
        )}
        {addons.length ? (
          <section aria-labelledby="addons-heading" className="mt-10">
            <h2 id="addons-heading" className="mb-3 text-lg font-semibold text-slate-900">
              Add-ons
            </h2>
            <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <Table caption="Add-ons available with any plan">
                <THead>
                  <Th>Add-on</Th>
                  <Th>Resource</Th>
                  <Th>Adds each month</Th>
                  <Th align="right">Price per month</Th>
                </THead>
                <TBody>
                  {addons.map((a) => (
                    <tr key={a.code}>
                      <Th scope="row">{a.name}</Th>
                      <Td>{resourceKindLabel(a.resource_kind)}</Td>
                      <Td>{formatQuantity(a.resource_kind, a.qty)}</Td>
                      <Td align="right">{formatMoney(a.price_cents, a.currency)}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            </div>
          </section>
        ) : null}
      </main>
    </div>
  );
}
