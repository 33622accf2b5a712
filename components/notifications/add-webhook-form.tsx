"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { ServerAction } from "@/lib/http/action-result";

/** Registers a webhook endpoint: its URL and the event types it subscribes to; the secret appears once, on success. */
export function AddWebhookForm({ action }: { action: ServerAction }) {
  return (
    <ActionForm action={action} submitLabel="Add endpoint" pendingLabel="Adding…" className="p-4">
      {(values, errors) => (
        <>
          <TextField id="webhook-url" name="url" label="Endpoint URL" type="url" defaultValue={values.url} error={errors.url} className="w-full max-w-md" />
          <TextField
            id="webhook-events"
            name="events"
            label="Event types"
            hint="Comma-separated, e.g. drift.detected, sync.failed"
            defaultValue={values.events}
            error={errors.events}
            className="w-full max-w-md"
          />
        </>
      )}
    </ActionForm>
  );
}
