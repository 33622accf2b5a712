import type { Metadata } from "next";
import Link from "next/link";
import { PlanMigrationsTable } from "@/components/margin/plan-migrations-table";
import { PlanVersionsTable } from "@/components/margin/plan-versions-table";
import { Banner } from "@/components/ui/banner";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { countSubscriptionsByVersion, listPlanMigrations } from "@/lib/billing/migrate-subscriptions";
import { addMonths, currentPeriod } from "@/lib/billing/month";
import { monthName } from "@/lib/billing/chart-months";
import { getPlanOrThrow, listVersions } from "@/lib/catalog/versions";
import { isApiError } from "@/lib/http/errors";
import { notFound } from "next/navigation";
import { migrateSubscriptionsAction } from "../../actions";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  return { title: `Subscriptions of ${(await params).code}` };
}

/** A plan's versions with the subscriptions running on each, and the one way to move them: a recorded migration. */
export default async function PlanSubscriptionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { code } = await params;
  const { moved, to, timing } = await searchParams;
  const db = getDb();
  const plan = await getPlanOrThrow(db, code).catch((e) => {
    if (isApiError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const [versions, counts, migrations] = await Promise.all([listVersions(db, plan.id), countSubscriptionsByVersion(db, code), listPlanMigrations(db, code)]);
  const active = versions.find((v) => v.status === "active");
  const nextMonth = monthName(addMonths(currentPeriod(), 1));

  return (
    <>
      <Link href="/margin/plans" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← Margin by plan
      </Link>
      <PageHeader
        title={`${plan.name}: subscriptions`}
        description="A subscription stays on the version it was bound to until it is migrated here; each migration is recorded and revenue follows it from the day it takes effect."
        actions={
          <Link href={`/catalog/${plan.code}`} className="text-sm font-medium text-brand-700 hover:underline">
            Catalog page
          </Link>
        }
      />
      <div className="flex flex-col gap-4">
        {moved !== undefined ? (
          <Banner tone="success">
            Moved {moved} {moved === "1" ? "subscription" : "subscriptions"} to version {to}
            {timing === "next_month" ? `, from the start of ${nextMonth}` : ", effective now"}.
          </Banner>
        ) : null}
        <Card>
          <CardHeader title="Versions" description={active ? `New signups get version ${active.version}.` : "No version is on sale."} />
          <PlanVersionsTable plan={plan} versions={versions} counts={counts} nextMonth={nextMonth} migrate={migrateSubscriptionsAction} />
        </Card>
        <CardTable
          title="Migrations"
          description="Every move recorded for this plan, newest first."
          isEmpty={migrations.length === 0}
          empty={<p className="px-5 py-4 text-sm text-slate-600">No subscription of this plan has been migrated yet.</p>}
        >
          <PlanMigrationsTable planName={plan.name} migrations={migrations} />
        </CardTable>
      </div>
    </>
  );
}
