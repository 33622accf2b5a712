import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BackLink } from "@/components/catalog/back-link";
import { VersionForm } from "@/components/catalog/version-form";
import { Banner } from "@/components/ui/banner";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { versionFormValues } from "@/lib/catalog/form-values";
import { draftPrefillQuery } from "@/lib/catalog/schemas";
import { formatMoney } from "@/lib/money/format-money";
import { createDraftAction } from "../../../actions";
import { loadPlan } from "../../../load-plan";

export const metadata: Metadata = { title: "New draft" };

/**
 * A new draft, starting as a copy of the active version. `?base_price_cents=NNNN` pre-fills the price (the margin view
 * links here); when the plan already has a draft, the link goes to that draft instead, pre-filled the same way.
 */
export default async function NewDraftPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { code } = await params;
  const prefill = draftPrefillQuery.safeParse(await searchParams);
  const price = prefill.success ? prefill.data.base_price_cents : undefined;
  const plan = await loadPlan(code);
  if (plan.draft) {
    redirect(`/catalog/${plan.code}/versions/${plan.draft.version}${price === undefined ? "" : `?base_price_cents=${price}`}`);
  }
  const source = plan.active ?? { base_price_cents: null, currency: "AUD", items: [] };
  const values = versionFormValues({ ...source, base_price_cents: price ?? source.base_price_cents });
  return (
    <>
      <BackLink href={`/catalog/${plan.code}`}>{plan.name}</BackLink>
      <PageHeader
        title={`New draft of ${plan.name}`}
        description={
          plan.active
            ? `Starts as a copy of version ${plan.active.version}, the active one. Nothing changes for tenants until you publish it.`
            : "The plan has no active version; enter its price and what it includes."
        }
      />
      <div className="flex flex-col gap-4">
        {!prefill.success ? <Banner tone="warning">The price in the link was not a whole number of cents, so it was ignored.</Banner> : null}
        {price !== undefined && plan.active ? (
          <Banner tone="info">
            Pre-filled with a monthly price of {formatMoney(price, plan.active.currency)} from the link; version {plan.active.version} charges{" "}
            {formatMoney(plan.active.base_price_cents, plan.active.currency)}.
          </Banner>
        ) : null}
        <Card className="p-5">
          <VersionForm action={createDraftAction} planCode={plan.code} initialValues={values} submitLabel="Create draft" pendingLabel="Creating…" />
        </Card>
      </div>
    </>
  );
}
