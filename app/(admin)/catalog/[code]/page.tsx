import type { Metadata } from "next";
import { BackLink } from "@/components/catalog/back-link";
import { PlanDetailsForm } from "@/components/catalog/plan-details-form";
import { PlanVersionList } from "@/components/catalog/plan-version-list";
import { Banner } from "@/components/ui/banner";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { updatePlanDetailsAction } from "../actions";
import { loadPlan } from "../load-plan";

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  return { title: `Plan ${(await params).code}` };
}

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { code } = await params;
  const { published, deleted } = await searchParams;
  const plan = await loadPlan(code);
  const retired = published ? plan.versions.find((v) => v.status === "retired" && v.version < Number(published)) : undefined;
  return (
    <>
      <BackLink href="/catalog">Catalog</BackLink>
      <PageHeader
        title={plan.name}
        description={
          <>
            <span className="font-mono text-xs text-slate-500">{plan.code}</span>
            {plan.description ? ` · ${plan.description}` : null}
          </>
        }
        actions={
          <>
            {/* Subscriptions move between versions only through a recorded migration, on the plan's margin page. */}
            <LinkButton href={`/margin/plans/${plan.code}`}>Subscriptions</LinkButton>
            {plan.draft ? (
              <LinkButton href={`/catalog/${plan.code}/versions/${plan.draft.version}`} variant="primary">
                Edit draft (version {plan.draft.version})
              </LinkButton>
            ) : (
              <LinkButton href={`/catalog/${plan.code}/drafts/new`} variant="primary">
                New draft
              </LinkButton>
            )}
          </>
        }
      />
      <div className="flex flex-col gap-4">
        {published ? (
          <Banner tone="success">
            Version {published} is now active{retired ? `; version ${retired.version} is retired` : ""}. Subscriptions on earlier versions stay on them until migrated.
          </Banner>
        ) : null}
        {deleted ? <Banner tone="success">Draft version {deleted} was deleted.</Banner> : null}
        <PlanVersionList plan={plan} />
        <Card>
          <CardHeader title="Plan details" description="What tenants see above the price. Renaming changes every version, past ones included; the code never changes." />
          <div className="p-5">
            <PlanDetailsForm action={updatePlanDetailsAction} planCode={plan.code} name={plan.name} description={plan.description} />
          </div>
        </Card>
      </div>
    </>
  );
}
