"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { KeepTokensWhole } from "@/components/ui/code-value";
import type { DriftItem } from "@/lib/drift/schemas";
import { DriftValue } from "./drift-value";

/**
 * Asks before reverting a drift at DigitalOcean, saying exactly what DO will be asked to do. A native modal <dialog>
 * like ConfirmAcceptDialog: focus stays inside, Escape cancels, focus returns to the control that opened it.
 */
export function ConfirmRevertDialog({
  drift,
  description,
  isPending,
  error,
  isRefused = false,
  onConfirm,
  onCancel,
}: {
  drift: DriftItem | null;
  /** What DO will be asked to do, from the server's plan of the revert. */
  description: string;
  isPending: boolean;
  error: string | null;
  /** The server refused this revert (the drift closed, or a revert is under way): only Cancel is left. */
  isRefused?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const isOpen = drift !== null;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-revert-title"
      aria-describedby="confirm-revert-description"
      className="m-auto w-full max-w-2xl rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {drift ? (
        <div className="flex flex-col gap-4 p-6">
          <h2 id="confirm-revert-title" className="text-lg font-semibold text-slate-900">
            Revert {drift.field} on {drift.resource.name} to spec?
          </h2>
          <div id="confirm-revert-description" className="flex flex-col gap-3 text-sm text-slate-700">
            <p className="rounded-md bg-amber-50 px-4 py-3 font-medium text-amber-900 ring-1 ring-amber-200">
              <KeepTokensWhole text={description} />
            </p>
            <p>
              The spec stays as it is. The drift closes as reverted once the droplet, refreshed from DigitalOcean, matches it; if DO does not make the change,
              the drift stays open.
            </p>
          </div>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm ring-1 ring-slate-200">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">Field</th>
                  <th scope="col" className="px-2 py-2 font-semibold">Live now</th>
                  <th scope="col" className="px-2 py-2 font-semibold">After the revert (spec)</th>
                </tr>
              </thead>
              <tbody>
                <tr className="align-top">
                  <th scope="row" className="px-4 py-2 text-left font-mono text-xs font-semibold">
                    {drift.field}
                  </th>
                  <td className="px-2 py-2">
                    <DriftValue value={drift.actual} other={drift.expected} side="actual" />
                  </td>
                  <td className="px-2 py-2">
                    <DriftValue value={drift.expected} other={drift.actual} side="expected" />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <p role="alert" className="text-sm text-red-800 empty:hidden">
            {error ?? ""}
          </p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onCancel} disabled={isPending} autoFocus>
              Cancel
            </Button>
            <Button onClick={onConfirm} disabled={isPending || isRefused}>
              {isPending ? "Asking DigitalOcean…" : "Revert at DigitalOcean"}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
