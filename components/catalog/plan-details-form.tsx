"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";

/** A plan's name and description: its code is its identity and stays. */
export function PlanDetailsForm({
  action,
  planCode,
  name,
  description,
}: {
  action: ServerAction;
  planCode: string;
  name: string;
  description: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  const v = state.values ?? { name, description };
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      <input type="hidden" name="plan_code" value={planCode} />
      <FormOutcome state={state} />
      <TextField id="plan-name" name="name" label="Name" defaultValue={v.name} error={e.name} />
      <TextAreaField id="plan-description" name="description" label="Description" rows={2} defaultValue={v.description} error={e.description} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}
