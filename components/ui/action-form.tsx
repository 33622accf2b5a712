"use client";

import { type ReactNode, useActionState } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/field";
import { cn } from "./cn";
import { type FormState, idleFormState } from "@/lib/catalog/form-state";

/**
 * A form posting to a server action: the error summary or the success message on top, the fields (given what was
 * submitted and the errors per field), one submit button. Each outcome remounts the fields, so a refused form shows
 * what was typed and a saved one starts afresh from `defaults`.
 */
export function ActionForm({
  action,
  defaults = {},
  submitLabel,
  pendingLabel,
  className,
  children,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  defaults?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  className?: string;
  children: (values: Record<string, string | undefined>, errors: Record<string, string>) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const errors = state.fieldErrors;
  return (
    <form key={state.status === "saved" ? `saved:${state.message}` : state.status} action={formAction} className={cn("flex flex-col gap-4", className)} noValidate>
      <FormOutcome state={state} />
      <div className="flex flex-wrap items-start gap-4">{children(state.values ?? defaults, errors)}</div>
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
export function FormOutcome({ state }: { state: FormState }) {
  if (state.status === "error") return <FormErrorSummary message={state.message} count={Object.keys(state.fieldErrors).length} />;
  if (state.status === "saved" && state.message) return <Banner tone="success">{state.message}</Banner>;
  return null;
}
