import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { diffVersions } from "@/lib/catalog/diff-versions";
import type { VersionDetail } from "@/lib/catalog/schemas";
import type { ServerAction } from "@/lib/http/action-result";
import { formatMoney } from "@/lib/money/format-money";
import { VersionDiff } from "./version-diff";

/**
 * A draft's Delete and Publish, each behind a confirmation; Publish says what changes against the active version and
 * how many subscriptions stay on it (`staying`).
 */
export function DraftActions({
  planName,
  draft: v,
  active,
  staying,
  publish,
  remove,
}: {
  planName: string;
  draft: VersionDetail;
  active: VersionDetail | null;
  staying: number;
  publish: ServerAction;
  remove: ServerAction;
}) {
  return (
    <>
      <ConfirmDialog
        trigger="Delete draft"
        triggerVariant="ghost"
        title={`Delete draft version ${v.version}?`}
        confirmLabel="Delete draft"
        pendingLabel="Deleting…"
        confirmVariant="danger"
        action={remove}
        fields={{ version_id: v.id }}
      >
        <p>The draft and its items are removed. Published versions are not affected.</p>
      </ConfirmDialog>
      <ConfirmDialog
        trigger="Publish…"
        triggerVariant="primary"
        title={`Publish version ${v.version} of ${planName}?`}
        confirmLabel={`Publish version ${v.version}`}
        pendingLabel="Publishing…"
        action={publish}
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
  );
}
