"use client";

import { type ReactNode, useActionState } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/field";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";
import { cn } from "./cn";

/**
 * A form posting to a server action: the error summary or the success message on top, the fields (given what was
 * submitted and the errors per field), one submit button. Each outcome remounts the
 * fields, so a refused form shows what was typed and a saved one starts afresh from `defaults`.
 */
export function ActionForm({
  action,
  defaults = {},
  submitLabel,
  pendingLabel,
  className,
  children,
}: {
  action: ServerAction;
  defaults?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  /** The inputs; a one-button form (which a server page may render, as it passes no function) has none. */
  children?: (values: Record<string, string | undefined>, errors: Record<string, string>) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  const errors = state.fieldErrors ?? {};
  const fields = children?.(state.values ?? defaults, errors);
  return (
    <form key={state.status === "ok" ? `ok:${state.message}` : state.status} action={formAction} className={cn("flex flex-col gap-4", className)} noValidate>
      <FormOutcome state={state} />
      {fields == null ? null : <div className="flex flex-wrap items-start gap-4">{fields}</div>}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/**
 * What a server action said of the last submission: why it was refused (with the count of fields to fix), or its
 * success message. Nothing while the form is untouched.
 */
export function FormOutcome({ state }: { state: ActionResult }) {
  if (state.status === "error") return <FormErrorSummary message={state.message} count={Object.keys(state.fieldErrors).length} />;
  if (state.status === "ok" && state.message) return <Banner tone="success">{state.message}</Banner>;
  return null;
}
