import Link from "next/link";
import { Button } from "@/components/ui/button";
import { KeepTokensWhole } from "@/components/ui/code-value";
import type { DriftRevertInfo } from "@/lib/drift/plan-revert";
import type { DriftItem } from "@/lib/drift/schemas";

const underWay = new Set(["queued", "awaiting_approval", "running"]);

/**
 * A drift row's actions: Accept live, and Revert to spec where DO can do it in place (disabled, with DO's reason,
 * where it cannot). A revert under way replaces the button with its status, linked to its request's timeline.
 */
export function DriftActionsCell({
  drift,
  revert,
  isBusy,
  onAccept,
  onRevert,
}: {
  drift: DriftItem;
  revert: DriftRevertInfo | undefined;
  isBusy: boolean;
  onAccept: (drift: DriftItem) => void;
  onRevert: (drift: DriftItem, description: string) => void;
}) {
  const name = drift.resource.name;
  const reasonId = `revert-reason-${drift.id}`;
  const request = revert?.request ?? null;
  const isUnderWay = request !== null && underWay.has(request.status);
  const plan = revert?.plan;
  return (
    <td className="px-4 py-3">
      <div className="flex flex-wrap justify-end gap-2">
        <Button size="sm" variant="secondary" disabled={isBusy} onClick={() => onAccept(drift)} aria-label={`Accept live ${drift.field} on ${name}`}>
          Accept live
        </Button>
        {plan && !isUnderWay ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={isBusy || !plan.isRevertible}
            onClick={() => plan.isRevertible && onRevert(drift, plan.description)}
            aria-label={`Revert ${drift.field} on ${name} to spec`}
            aria-describedby={plan.isRevertible ? undefined : reasonId}
          >
            Revert to spec
          </Button>
        ) : null}
      </div>
      {plan && !plan.isRevertible ? (
        <p id={reasonId} className="mt-2 text-right text-xs text-slate-600">
          Can’t revert: <KeepTokensWhole text={plan.reason} />.
        </p>
      ) : null}
      {request ? (
        <p className="mt-2 text-right text-xs text-slate-700">
          {isUnderWay ? "Revert under way" : `Last revert ${request.status.replaceAll("_", " ")}`}:{" "}
          <Link href={`/operations/${request.id}`} className="text-brand-700 hover:underline">
            view request<span className="sr-only"> for {drift.field} on {name}</span>
          </Link>
        </p>
      ) : null}
    </td>
  );
}
