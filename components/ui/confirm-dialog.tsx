"use client";

import { type ReactNode, useActionState, useEffect, useId, useRef } from "react";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";
import { Button } from "./button";

/**
 * A button that opens a modal confirmation (native <dialog>: focus moves in and is trapped, Escape closes it, focus
 * returns to the button). Confirming submits `action`, a server action; an error it returns is shown in the dialog,
 * and success closes it (actions that redirect answer neither).
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "secondary",
  title,
  children,
  confirmLabel,
  pendingLabel,
  confirmVariant = "primary",
  action,
  fields,
}: {
  trigger: string;
  triggerVariant?: "primary" | "secondary" | "danger" | "ghost";
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  confirmVariant?: "primary" | "danger";
  action: ServerAction;
  fields: Record<string, string>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  // A confirmation's inputs are hidden or few: its error is one message.
  const error = state.status === "error" ? (state.message ?? Object.values(state.fieldErrors)[0]) : undefined;
  useEffect(() => {
    if (state.status === "error" && !ref.current?.open) ref.current?.showModal();
    if (state.status === "ok") ref.current?.close();
  }, [state]);
  return (
    <>
      <Button variant={triggerVariant} onClick={() => ref.current?.showModal()} aria-haspopup="dialog">
        {trigger}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-xl rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <form action={formAction}>
          <div className="border-b border-slate-200 px-5 py-4">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              {title}
            </h2>
          </div>
          <div className="flex max-h-[60vh] flex-col gap-3 overflow-y-auto px-5 py-4 text-sm text-slate-700">
            {children}
            {error ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-900 ring-1 ring-inset ring-red-200">
                {error}
              </p>
            ) : null}
          </div>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">
            {/* Cancel gets the initial focus: the safe choice when Enter is pressed without reading. */}
            <Button variant="secondary" autoFocus onClick={() => ref.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant={confirmVariant} disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
