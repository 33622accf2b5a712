"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useMemo, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { DriftRevertInfo } from "@/lib/drift/plan-revert";
import type { AcceptedDriftSummary, DriftItem, RevertRequestedSummary } from "@/lib/drift/schemas";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";
import { ConfirmAcceptDialog } from "./confirm-accept-dialog";
import { ConfirmRevertDialog } from "./confirm-revert-dialog";
import { DriftGroup } from "./drift-group";
import { groupByResource } from "./group-by-resource";
import { Toast } from "./toast";

/**
 * The open drift inbox: drift grouped by resource, accepted one at a time or several together after a confirmation
 * naming what each spec becomes. Accepted rows leave at once (the server action also refreshes the page's data and
 * the navigation badge) and a toast confirms. It stays mounted when the list empties (rendering `empty`), so the toast
 * for the last drift, or the error of a refused accept, is still shown after the page's data refreshes.
 */
export function DriftInbox({
  accept,
  revert,
  reverts,
  items,
  now,
  empty,
}: {
  /** The drift page's acceptDriftAction, handed down by the page. */
  accept: ServerAction<AcceptedDriftSummary[], string[]>;
  /** The drift page's revertDriftAction: one drift at a time, each its own request to DO. */
  revert: ServerAction<RevertRequestedSummary, string>;
  /** What reverting each drift shown would ask of DO, by drift id. */
  reverts: Readonly<Record<string, DriftRevertInfo>>;
  items: DriftItem[];
  now: number;
  empty: ReactNode;
}) {
  const router = useRouter();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<DriftItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The server refused what the dialog describes (a drift closed meanwhile): confirming again cannot succeed.
  const [isRefused, setRefused] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const [reverting, setReverting] = useState<{ drift: DriftItem; description: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLHeadingElement>(null);

  const visible = useMemo(() => items.filter((d) => !hidden.has(d.id)), [items, hidden]);
  const groups = useMemo(() => groupByResource(visible), [visible]);
  const selectedItems = visible.filter((d) => selected.has(d.id));

  const toggle = (ids: string[], isOn: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (isOn) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const confirm = () => {
    const batch = confirming ?? [];
    setError(null);
    startTransition(async () => {
      let result: ActionResult<AcceptedDriftSummary[]>;
      try {
        result = await accept(idleResult, batch.map((d) => d.id));
      } catch {
        result = { status: "error", message: "Nothing was accepted: the server could not be reached. Try again.", fieldErrors: {} };
      }
      if (result.status !== "ok") {
        setError(result.message ?? "Nothing was accepted. Try again.");
        setRefused(result.status === "error" && (result.code === "conflict" || result.code === "not_found"));
        router.refresh();
        return;
      }
      const accepted = result.data;
      const ids = new Set(accepted.map((a) => a.id));
      setHidden((prev) => new Set([...prev, ...ids]));
      setSelected((prev) => new Set([...prev].filter((id) => !ids.has(id))));
      setConfirming(null);
      setToast(acceptedMessage(accepted));
      // The focused control (the dialog's button, or the row's) is gone: put focus somewhere that still exists.
      summaryRef.current?.focus();
    });
  };

  const confirmRevert = () => {
    if (!reverting) return;
    setError(null);
    startTransition(async () => {
      let result: ActionResult<RevertRequestedSummary>;
      try {
        result = await revert(idleResult, reverting.drift.id);
      } catch {
        result = { status: "error", message: "Nothing was asked of DigitalOcean: the server could not be reached. Try again.", fieldErrors: {} };
      }
      if (result.status !== "ok") {
        setError(result.message ?? "Nothing was asked of DigitalOcean. Try again.");
        setRefused(result.status === "error" && result.code !== "internal_error");
        router.refresh();
        return;
      }
      setReverting(null);
      setToast(
        result.data.isDryRun
          ? `Dry run: every step of the revert ran but the DO calls, so ${reverting.drift.field} on ${reverting.drift.resource.name} stays open.`
          : `Asked DigitalOcean to revert ${reverting.drift.field} on ${reverting.drift.resource.name}; the drift closes once a sync sees DO match the spec.`,
      );
      summaryRef.current?.focus();
    });
  };

  return (
    <div className="flex flex-col gap-4">
      {visible.length === 0 ? empty : null}
      <div className={visible.length === 0 ? "hidden" : "flex flex-wrap items-center justify-between gap-3"}>
        <h2 ref={summaryRef} tabIndex={-1} className="text-sm font-medium text-slate-700">
          {visible.length.toLocaleString("en")} open {visible.length === 1 ? "drift" : "drifts"} on {groups.length.toLocaleString("en")}{" "}
          {groups.length === 1 ? "resource" : "resources"}
        </h2>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={visible.length > 0 && selectedItems.length === visible.length}
              onChange={(e) => toggle(visible.map((d) => d.id), e.target.checked)}
            />
            Select all shown
          </label>
          <Button
            disabled={selectedItems.length === 0 || isPending}
            onClick={() => {
              setError(null);
              setRefused(false);
              setConfirming(selectedItems);
            }}
          >
            Accept selected{selectedItems.length ? ` (${selectedItems.length})` : ""}
          </Button>
        </div>
      </div>
      {groups.map((group) => (
        <DriftGroup
          key={group.resourceId}
          group={group}
          now={now}
          selected={selected}
          onToggle={toggle}
          onAccept={(drift) => {
            setError(null);
            setRefused(false);
            setConfirming([drift]);
          }}
          onRevert={(drift, description) => {
            setError(null);
            setRefused(false);
            setReverting({ drift, description });
          }}
          reverts={reverts}
          isBusy={isPending}
        />
      ))}
      <ConfirmAcceptDialog
        items={confirming}
        isPending={isPending}
        error={error}
        isRefused={isRefused}
        onConfirm={confirm}
        onCancel={() => {
          if (!isPending) setConfirming(null);
        }}
      />
      <ConfirmRevertDialog
        drift={reverting?.drift ?? null}
        description={reverting?.description ?? ""}
        isPending={isPending}
        error={error}
        isRefused={isRefused}
        onConfirm={confirmRevert}
        onCancel={() => {
          if (!isPending) setReverting(null);
        }}
      />
      <Toast message={toast} onDismiss={() => setToast(null)} />
    </div>
  );
}

function acceptedMessage(accepted: AcceptedDriftSummary[]): string {
  if (accepted.length === 1) {
    const [a] = accepted;
    return `Accepted ${a!.field} on ${a!.resourceName}: its spec is now version ${a!.specVersion}.`;
  }
  const resources = new Set(accepted.map((a) => a.resourceName));
  return `Accepted ${accepted.length} drifts on ${resources.size} ${resources.size === 1 ? "resource" : "resources"}; their specs now hold the live values.`;
}
