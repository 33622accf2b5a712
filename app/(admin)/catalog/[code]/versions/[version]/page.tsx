import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/catalog/back-link";
import { VersionCard } from "@/components/catalog/version-card";
import { VersionDiff } from "@/components/catalog/version-diff";
import { VersionForm } from "@/components/catalog/version-form";
import { Banner } from "@/components/ui/banner";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { countVersionSubscriptions } from "@/lib/catalog/count-version-subscriptions";
import { diffVersions } from "@/lib/catalog/diff-versions";
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

  if (v.status !== "draft") {
    return (
      <>
        <BackLink href={`/catalog/${plan.code}`}>{plan.name}</BackLink>
        <PageHeader
          title={`${plan.name}, version ${v.version}`}
          actions={!plan.draft ? <LinkButton href={`/catalog/${plan.code}/drafts/new`}>New draft</LinkButton> : null}
        />
        <div className="flex flex-col gap-4">
          <Banner tone="info">This version is {v.status}. Published versions never change, because subscriptions are bound to them; start a new draft to change the price or items.</Banner>
          <VersionCard planName={plan.name} version={v} previousVersion={previous?.version ?? null} changes={diffVersions(previous, v)} />
        </div>
      </>
    );
  }

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
          <>
            <ConfirmDialog
              trigger="Delete draft"
              triggerVariant="ghost"
              title={`Delete draft version ${v.version}?`}
              confirmLabel="Delete draft"
              pendingLabel="Deleting…"
              confirmVariant="danger"
              action={deleteDraftAction}
              fields={{ version_id: v.id }}
            >
              <p>The draft and its items are removed. Published versions are not affected.</p>
            </ConfirmDialog>
            <ConfirmDialog
              trigger="Publish…"
              triggerVariant="primary"
              title={`Publish version ${v.version} of ${plan.name}?`}
              confirmLabel={`Publish version ${v.version}`}
              pendingLabel="Publishing…"
              action={publishVersionAction}
              fields={{ version_id: v.id }}
            >
              <p>
                New signups will get {formatMoney(v.base_price_cents, v.currency)} a month.{" "}
                {active ? `Version ${active.version} (${formatMoney(active.base_price_cents, active.currency)}) will be retired.` : "This is the plan's first published version: it goes on sale."}
              </p>
              {active ? (
                <div>
                  <h3 className="mb-1 font-semibold text-slate-900">Changes against version {active.version}</h3>
                  <VersionDiff changes={diffVersions(active, v)} currency={v.currency} emptyText="No changes: the draft matches the active version." />
                </div>
              ) : null}
              {active ? (
                <p>
                  <strong className="font-semibold text-slate-900">
                    {staying} {staying === 1 ? "subscription stays" : "subscriptions stay"} on version {active.version}
                  </strong>{" "}
                  until migrated; only new signups get version {v.version}.
                </p>
              ) : null}
              <p className="text-xs text-slate-600">What is published is the saved draft; save any edits in the form first.</p>
            </ConfirmDialog>
          </>
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
