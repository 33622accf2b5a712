"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { ServerAction } from "@/lib/http/action-result";

/** The target gross margin plans and tenants are judged against; empty means none. */
export function MarginTargetForm({ action, target }: { action: ServerAction; target: number | null }) {
  return (
    <ActionForm action={action} defaults={{ target: target === null ? "" : String(target) }} submitLabel="Save target" pendingLabel="Saving…" className="p-4">
      {(values, errors) => (
        <TextField
          id="margin-target-pct"
          name="target"
          label="Target gross margin %"
          hint="e.g. 35; empty for no target"
          inputMode="decimal"
          defaultValue={values.target}
          error={errors.target}
          inputClassName="w-28"
        />
      )}
    </ActionForm>
  );
}
