import { LinkButton } from "@/components/ui/button";
import { Banner } from "@/components/ui/banner";
import { PageHeader } from "@/components/ui/page-header";
import { diffVersions } from "@/lib/catalog/diff-versions";
import type { PlanDetail } from "@/lib/catalog/plans";
import type { VersionDetail } from "@/lib/catalog/schemas";
import { BackLink } from "./back-link";
import { VersionCard } from "./version-card";

/** A published (active or retired) version, read-only: it never changes, because subscriptions are bound to it. */
export function PublishedVersion({ plan, version: v, previous }: { plan: Pick<PlanDetail, "code" | "name" | "draft">; version: VersionDetail; previous: VersionDetail | null }) {
  return (
    <>
      <BackLink href={`/catalog/${plan.code}`}>{plan.name}</BackLink>
      <PageHeader title={`${plan.name}, version ${v.version}`} actions={!plan.draft ? <LinkButton href={`/catalog/${plan.code}/drafts/new`}>New draft</LinkButton> : null} />
      <div className="flex flex-col gap-4">
        <Banner tone="info">This version is {v.status}. Published versions never change, because subscriptions are bound to them; start a new draft to change the price or items.</Banner>
        <VersionCard planName={plan.name} version={v} previousVersion={previous?.version ?? null} changes={diffVersions(previous, v)} />
      </div>
    </>
  );
}
