"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { ServerAction } from "@/lib/http/action-result";

/** An admin's email subscription: the address, the event types, and whether they come one by one or in a daily digest. */
export function AddEmailForm({ action, email }: { action: ServerAction; email?: string }) {
  return (
    <ActionForm action={action} defaults={email ? { email } : {}} submitLabel="Add email subscription" pendingLabel="Adding…" className="p-4">
      {(values, errors) => (
        <>
          <TextField id="email-address" name="email" label="Email address" type="email" defaultValue={values.email} error={errors.email} className="w-full max-w-md" />
          <TextField
            id="email-events"
            name="events"
            label="Event types for email"
            hint="Comma-separated, e.g. budget.threshold, invoice.unreconciled"
            defaultValue={values.events}
            error={errors.events}
            className="w-full max-w-md"
          />
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" name="digest" defaultChecked={values.digest === "on"} />
            Daily digest instead of one mail per event
          </label>
        </>
      )}
    </ActionForm>
  );
}
