"use client";

import { type ReactNode, useActionState } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { FormErrorSummary } from "@/components/ui/field";
import { cn } from "./cn";
import type { FormState } from "@/lib/catalog/form-state";

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
  const [state, formAction, pending] = useActionState(action, { status: "idle", fieldErrors: {} } satisfies FormState);
  const errors = state.fieldErrors;
  return (
    <form key={state.status === "saved" ? `saved:${state.message}` : state.status} action={formAction} className={cn("flex flex-col gap-4", className)} noValidate>
      {state.status === "error" ? <FormErrorSummary message={state.message} count={Object.keys(errors).length} /> : null}
      {state.status === "saved" && state.message ? <Banner tone="success">{state.message}</Banner> : null}
      <div className="flex flex-wrap items-start gap-4">{children(state.values ?? defaults, errors)}</div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
