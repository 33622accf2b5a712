"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { ServerAction } from "@/lib/http/action-result";

/** Registers a webhook (or Slack incoming-webhook) endpoint: its URL and the event types it subscribes to; the secret appears once, on success. */
export function AddWebhookForm({
  action,
  idPrefix = "webhook",
  urlLabel = "Endpoint URL",
  submitLabel = "Add endpoint",
}: {
  action: ServerAction;
  idPrefix?: string;
  urlLabel?: string;
  submitLabel?: string;
}) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} pendingLabel="Adding…" className="p-4">
      {(values, errors) => (
        <>
          <TextField id={`${idPrefix}-url`} name="url" label={urlLabel} type="url" defaultValue={values.url} error={errors.url} className="w-full max-w-md" />
          <TextField
            id={`${idPrefix}-events`}
            name="events"
            label={idPrefix === "webhook" ? "Event types" : `Event types for ${idPrefix}`}
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
