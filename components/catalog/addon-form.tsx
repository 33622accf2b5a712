"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { catalogResourceKindOptions } from "@/lib/catalog/resource-kind-labels";
import type { ServerAction } from "@/lib/http/action-result";

export function AddonForm({ action }: { action: ServerAction }) {
  return (
    <ActionForm action={action} submitLabel="Create add-on" pendingLabel="Creating…">
      {(v, e) => (
        <>
          <TextField id="addon-code" name="code" label="Code" hint="Permanent" defaultValue={v.code} error={e.code} autoComplete="off" inputClassName="w-40" />
          <TextField id="addon-name" name="name" label="Name" defaultValue={v.name} error={e.name} inputClassName="w-72" />
          <SelectField id="addon-kind" name="resource_kind" label="Adds" defaultValue={v.resource_kind ?? "spaces_gb_month"} error={e.resource_kind} options={catalogResourceKindOptions} />
          <TextField id="addon-qty" name="qty" label="Quantity" inputMode="numeric" defaultValue={v.qty} error={e.qty} inputClassName="w-32" />
          <TextField id="addon-price" name="price" label="Monthly price" hint="In dollars" inputMode="decimal" defaultValue={v.price} error={e.price} inputClassName="w-28" />
          <TextField id="addon-currency" name="currency" label="Currency" defaultValue={v.currency ?? "AUD"} error={e.currency} maxLength={3} inputClassName="w-20 uppercase" />
        </>
      )}
    </ActionForm>
  );
}
