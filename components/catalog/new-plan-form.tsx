"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { type ActionResult, idleResult, type ServerAction } from "@/lib/http/action-result";

/** A plan's identity and its first price; it becomes a draft (version 1) to fill in and publish. */
export function NewPlanForm({ action }: { action: ServerAction }) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormOutcome state={state} />
      <TextField id="code" name="code" label="Code" hint="Permanent: arcadia-app stores it. Lowercase letters, digits and dashes." defaultValue={v.code} error={e.code} autoComplete="off" />
      <TextField id="name" name="name" label="Name" defaultValue={v.name} error={e.name} />
      <TextAreaField id="description" name="description" label="Description" rows={3} defaultValue={v.description} error={e.description} />
      <div className="flex gap-4">
        <TextField id="base_price" name="base_price" label="Monthly price" hint="In dollars" inputMode="decimal" defaultValue={v.base_price} error={e.base_price} inputClassName="w-36" />
        <TextField id="currency" name="currency" label="Currency" defaultValue={v.currency ?? "AUD"} error={e.currency} maxLength={3} inputClassName="w-20 uppercase" />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create plan as a draft"}
        </Button>
      </div>
    </form>
  );
}
