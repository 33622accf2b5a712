"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { catalogResourceKindOptions } from "@/lib/catalog/resource-kind-labels";
import type { ServerAction } from "@/lib/http/action-result";

export function ResourcePriceForm({ action }: { action: ServerAction }) {
  return (
    <ActionForm action={action} submitLabel="Add price" pendingLabel="Saving…">
      {(v, e) => (
        <>
          <SelectField id="rp-kind" name="resource_kind" label="Resource" defaultValue={v.resource_kind ?? "droplet_hours"} error={e.resource_kind} options={catalogResourceKindOptions} />
          <TextField id="rp-unit" name="unit" label="Unit" hint="e.g. hour, GB-month, 1M tokens" defaultValue={v.unit} error={e.unit} inputClassName="w-32" />
          <TextField id="rp-price" name="price" label="Price per unit" hint="In dollars" inputMode="decimal" defaultValue={v.price} error={e.price} inputClassName="w-28" />
          <TextField id="rp-currency" name="currency" label="Currency" defaultValue={v.currency ?? "AUD"} error={e.currency} maxLength={3} inputClassName="w-20 uppercase" />
          <TextField
            id="rp-from"
            name="effective_from"
            label="Effective from"
            type="date"
            hint="00:00 UTC that day; empty means now"
            defaultValue={v.effective_from}
            error={e.effective_from}
          />
        </>
      )}
    </ActionForm>
  );
}
