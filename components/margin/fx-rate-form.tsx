"use client";

import { useActionState } from "react";
import { type FxFormState, saveFxRateAction } from "@/app/(admin)/margin/actions";
import { Button } from "@/components/ui/button";
import { FormErrorSummary, TextField } from "@/components/ui/field";

/** Enter (or correct) the rate of a currency pair from a date. */
export function FxRateForm({ defaults }: { defaults: { base: string; quote: string; effective_from: string } }) {
  const [state, action, pending] = useActionState<FxFormState, FormData>(saveFxRateAction, { status: "idle", fieldErrors: {} });
  const v = state.values ?? { ...defaults, rate: "" };
  const errors = state.fieldErrors;
  return (
    <form action={action} className="flex flex-col gap-4 px-5 py-4" noValidate>
      <FormErrorSummary count={Object.keys(errors).length} />
      {state.status === "saved" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200">
          {state.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-4">
        <TextField id="fx-base" name="base" label="From currency" defaultValue={v.base} error={errors.base} maxLength={3} inputClassName="w-24 uppercase" key={`b-${state.status}`} />
        <TextField id="fx-quote" name="quote" label="To currency" defaultValue={v.quote} error={errors.quote} maxLength={3} inputClassName="w-24 uppercase" key={`q-${state.status}`} />
        <TextField
          id="fx-rate"
          name="rate"
          label="Rate"
          hint="1 unit of the first currency in the second, e.g. 1.5312"
          inputMode="decimal"
          defaultValue={v.rate}
          error={errors.rate}
          inputClassName="w-36"
          key={`r-${state.status}`}
        />
        <TextField
          id="fx-from"
          name="effective_from"
          type="date"
          label="Effective from"
          hint="A month uses the rate in effect on its first day"
          defaultValue={v.effective_from}
          error={errors.effective_from}
          key={`f-${state.status}`}
        />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save rate"}
        </Button>
      </div>
    </form>
  );
}
