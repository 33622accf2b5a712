import { LinkButton } from "@/components/ui/button";
import { diffVersions } from "@/lib/catalog/diff-versions";
import type { PlanDetail } from "@/lib/catalog/plans";
import { VersionCard } from "./version-card";

/** A plan's versions, newest first, each with what changed from the one before; a draft links to its editor. */
export function PlanVersionList({ plan }: { plan: Pick<PlanDetail, "code" | "name" | "versions"> }) {
  return plan.versions.map((v, i) => {
    const previous = plan.versions[i + 1] ?? null;
    return (
      <VersionCard
        key={v.id}
        planName={plan.name}
        version={v}
        previousVersion={previous?.version ?? null}
        changes={diffVersions(previous, v)}
        actions={
          v.status === "draft" ? (
            <LinkButton href={`/catalog/${plan.code}/versions/${v.version}`} size="sm" aria-label={`Edit draft version ${v.version}`}>
              Edit
            </LinkButton>
          ) : null
        }
      />
    );
  });
}
