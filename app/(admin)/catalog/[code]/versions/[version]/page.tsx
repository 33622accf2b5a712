import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/catalog/back-link";
import { DraftActions } from "@/components/catalog/draft-actions";
import { PublishedVersion } from "@/components/catalog/published-version";
import { VersionForm } from "@/components/catalog/version-form";
import { Banner } from "@/components/ui/banner";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { countVersionSubscriptions } from "@/lib/catalog/count-version-subscriptions";
import { versionFormValues } from "@/lib/catalog/form-values";
import { draftPrefillQuery } from "@/lib/catalog/schemas";
import { formatMoney } from "@/lib/money/format-money";
import { deleteDraftAction, publishVersionAction, saveDraftAction } from "../../../actions";
import { loadPlan } from "../../../load-plan";

export async function generateMetadata({ params }: { params: Promise<{ code: string; version: string }> }): Promise<Metadata> {
  const { code, version } = await params;
  return { title: `${code} version ${version}` };
}

/** A draft's editor, with Publish and Delete; a published version is shown read-only. */
export default async function VersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; version: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { code, version: versionParam } = await params;
  const plan = await loadPlan(code);
  const index = plan.versions.findIndex((v) => String(v.version) === versionParam);
  const v = plan.versions[index];
  if (!v) notFound();
  const previous = plan.versions[index + 1] ?? null;

  if (v.status !== "draft") return <PublishedVersion plan={plan} version={v} previous={previous} />;

  const prefill = draftPrefillQuery.safeParse(await searchParams);
  const price = prefill.success ? prefill.data.base_price_cents : undefined;
  const values = versionFormValues({ ...v, base_price_cents: price ?? v.base_price_cents });
  const active = plan.active;
  const staying = active ? await countVersionSubscriptions(getDb(), active.id) : 0;
  return (
    <>
      <BackLink href={`/catalog/${plan.code}`}>{plan.name}</BackLink>
      <PageHeader
        title={`${plan.name}: draft version ${v.version}`}
        description="Only drafts can be edited. Save your changes, then publish to make this what new signups get."
        actions={
          <DraftActions planName={plan.name} draft={v} active={active} staying={staying} publish={publishVersionAction} remove={deleteDraftAction} />
        }
      />
      <div className="flex flex-col gap-4">
        {!prefill.success ? <Banner tone="warning">The price in the link was not a whole number of cents, so it was ignored.</Banner> : null}
        {price !== undefined && price !== v.base_price_cents ? (
          <Banner tone="info">
            The monthly price is pre-filled with {formatMoney(price, v.currency)} from the link (saved draft: {formatMoney(v.base_price_cents, v.currency)}). Save to keep it.
          </Banner>
        ) : null}
        <Card>
          <CardHeader title="Price and included resources" description="Edit freely until you publish; tenants see none of it before then." />
          <div className="p-5">
            <VersionForm action={saveDraftAction} planCode={plan.code} versionId={v.id} initialValues={values} submitLabel="Save draft" pendingLabel="Saving…" />
          </div>
        </Card>
      </div>
    </>
  );
}
