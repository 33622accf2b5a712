"use client";

import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { ServerAction } from "@/lib/http/action-result";

/** Enter (or correct) the rate of a currency pair from a date. */
export function FxRateForm({ action, defaults }: { action: ServerAction; defaults: { base: string; quote: string; effective_from: string } }) {
  return (
    <ActionForm action={action} defaults={defaults} submitLabel="Save rate" pendingLabel="Saving…" className="px-5 py-4">
      {(v, e) => (
        <>
          <TextField id="fx-base" name="base" label="From currency" defaultValue={v.base} error={e.base} maxLength={3} inputClassName="w-24 uppercase" />
          <TextField id="fx-quote" name="quote" label="To currency" defaultValue={v.quote} error={e.quote} maxLength={3} inputClassName="w-24 uppercase" />
          <TextField
            id="fx-rate"
            name="rate"
            label="Rate"
            hint="1 unit of the first currency in the second, e.g. 1.5312"
            inputMode="decimal"
            defaultValue={v.rate}
            error={e.rate}
            inputClassName="w-36"
          />
          <TextField
            id="fx-from"
            name="effective_from"
            type="date"
            label="Effective from"
            hint="A month uses the rate in effect on its first day"
            defaultValue={v.effective_from}
            error={e.effective_from}
          />
        </>
      )}
    </ActionForm>
  );
}
