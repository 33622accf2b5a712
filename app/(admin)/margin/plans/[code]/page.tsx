import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Banner } from "@/components/ui/banner";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { statusTone } from "@/components/catalog/catalog-format";
import { getDb } from "@/db";
import { countSubscriptionsByVersion, listPlanMigrations } from "@/lib/billing/migrate-subscriptions";
import { addMonths, currentPeriod } from "@/lib/billing/month";
import { monthName } from "@/lib/billing/chart-months";
import { getPlanOrThrow, listVersions } from "@/lib/catalog/versions";
import { isApiError } from "@/lib/http/errors";
import { formatMoney } from "@/lib/money/format-money";
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
          <Table caption={`Versions of ${plan.name} and their running subscriptions`}>
            <THead>
              <Th>Version</Th>
              <Th>Status</Th>
              <Th align="right">Base price</Th>
              <Th align="right">Running subscriptions</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </THead>
            <TBody>
              {versions.map((v) => {
                const n = counts.get(v.id) ?? 0;
                const canMove = active && v.status === "retired" && n > 0;
                return (
                  <tr key={v.id}>
                    <Th scope="row">Version {v.version}</Th>
                    <Td>
                      <Badge tone={statusTone[v.status]}>{v.status}</Badge>
                    </Td>
                    <Td align="right">
                      {formatMoney(v.base_price_cents, v.currency)}
                    </Td>
                    <Td align="right">{n}</Td>
                    <Td>
                      {canMove ? (
                        <ConfirmDialog
                          trigger={`Migrate ${n} to version ${active.version}…`}
                          title={`Move ${n} ${n === 1 ? "subscription" : "subscriptions"} from version ${v.version} to version ${active.version}?`}
                          confirmLabel="Move subscriptions"
                          pendingLabel="Moving…"
                          action={migrateSubscriptionsAction}
                          fields={{ version_id: v.id, plan_code: plan.code }}
                        >
                          <p>
                            They will be billed {formatMoney(active.base_price_cents, active.currency)} a month (now{" "}
                            {formatMoney(v.base_price_cents, v.currency)}) with version {active.version}&apos;s allowances. The move is recorded per subscription.
                          </p>
                          <fieldset className="flex flex-col gap-2">
                            <legend className="mb-1 font-semibold text-slate-900">When</legend>
                            <label className="flex items-center gap-2">
                              <input type="radio" name="timing" value="next_month" defaultChecked className="size-4" />
                              From the start of {nextMonth}
                            </label>
                            <label className="flex items-center gap-2">
                              <input type="radio" name="timing" value="now" className="size-4" />
                              Now (this month is pro-rated between the two versions)
                            </label>
                          </fieldset>
                        </ConfirmDialog>
                      ) : null}
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Migrations" description="Every move recorded for this plan, newest first." />
          {migrations.length ? (
            <Table caption={`Recorded migrations of ${plan.name}`}>
              <THead>
                <Th>Recorded</Th>
                <Th>Move</Th>
                <Th align="right">Subscriptions</Th>
                <Th>Takes effect</Th>
                <Th>By</Th>
              </THead>
              <TBody>
                {migrations.map((m) => (
                  <tr key={`${m.recordedAt}-${m.fromVersion}-${m.effectiveAt}`}>
                    <Td>{formatDateTime(m.recordedAt)}</Td>
                    <Td>
                      Version {m.fromVersion} → {m.toVersion}
                    </Td>
                    <Td align="right">{m.count}</Td>
                    <Td>{formatDateTime(m.effectiveAt)}</Td>
                    <Td>{m.migratedBy ?? "—"}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <p className="px-5 py-4 text-sm text-slate-600">No subscription of this plan has been migrated yet.</p>
          )}
        </Card>
      </div>
    </>
  );
}
