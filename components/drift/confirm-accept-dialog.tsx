"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { DriftItem } from "@/lib/drift/schemas";
import { DriftValue } from "./drift-value";
import { groupByResource } from "./group-by-resource";

/**
 * Asks before adopting live values, saying exactly what each spec will become. A native modal <dialog>: the browser
 * traps focus inside it, Escape cancels, and focus returns to the control that opened it.
 */
export function ConfirmAcceptDialog({
  items,
  isPending,
  error,
  isRefused = false,
  onConfirm,
  onCancel,
}: {
  items: DriftItem[] | null;
  isPending: boolean;
  error: string | null;
  /** The server refused these drifts (one closed meanwhile): only Cancel is left. */
  isRefused?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const isOpen = items !== null && items.length > 0;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  const count = items?.length ?? 0;
  const noun = count === 1 ? "drift" : "drifts";
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-accept-title"
      aria-describedby="confirm-accept-description"
      className="m-auto w-full max-w-2xl rounded-lg bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {isOpen ? (
        <div className="flex flex-col gap-4 p-6">
          <h2 id="confirm-accept-title" className="text-lg font-semibold text-slate-900">
            Accept {count} {noun}?
          </h2>
          <p id="confirm-accept-description" className="text-sm text-slate-700">
            {count === 1
              ? "The live value becomes the desired state: the spec below takes it and its version goes up by one."
              : "The live values become the desired state: each spec below takes them and its version goes up by one."}{" "}
            Nothing changes on DigitalOcean.
          </p>
          <div className="max-h-80 overflow-y-auto rounded-md ring-1 ring-slate-200">
            {groupByResource(items).map((group) => (
              <section key={group.resourceId} className="border-b border-slate-200 last:border-b-0">
                <h3 className="bg-slate-50 px-4 py-2 text-sm font-semibold text-slate-900">Spec of {group.resource.name} becomes</h3>
                <table className="min-w-full text-sm">
                  <thead className="sr-only">
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Spec now</th>
                      <th scope="col">Spec after accepting</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {group.items.map((d) => (
                      <tr key={d.id} className="align-top">
                        <th scope="row" className="px-4 py-2 text-left font-mono text-xs font-semibold">
                          {d.field}
                        </th>
                        <td className="px-2 py-2">
                          <DriftValue value={d.expected} other={d.actual} side="expected" />
                        </td>
                        <td className="px-1 py-2 text-slate-500" aria-hidden="true">
                          →
                        </td>
                        <td className="px-2 py-2">
                          <DriftValue value={d.actual} other={d.expected} side="actual" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
          <p role="alert" className="text-sm text-red-800 empty:hidden">
            {error ?? ""}
          </p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onCancel} disabled={isPending} autoFocus>
              Cancel
            </Button>
            <Button onClick={onConfirm} disabled={isPending || isRefused}>
              {isPending ? "Accepting…" : `Accept ${count} ${noun}`}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
