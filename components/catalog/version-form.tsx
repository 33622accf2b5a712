"use client";

import { useActionState, useState } from "react";
import { FormOutcome } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { describedBy, FieldError, inputClass, TextField } from "@/components/ui/field";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import { type ActionResult, type FormValues, idleResult, type ServerAction } from "@/lib/http/action-result";
import { catalogResourceKinds, resourceKindInfo } from "@/lib/catalog/resource-kind-labels";

type ItemInput = "included_qty" | "overage_unit" | "overage_price" | "hard_cap_qty";
const itemInputs: { field: ItemInput; label: string; className: string; inputMode?: "numeric" | "decimal" }[] = [
  { field: "included_qty", label: "included each month", className: "w-32", inputMode: "numeric" },
  { field: "overage_unit", label: "overage unit", className: "w-28" },
  { field: "overage_price", label: "overage price per unit", className: "w-24", inputMode: "decimal" },
  { field: "hard_cap_qty", label: "hard cap (empty for none)", className: "w-32", inputMode: "numeric" },
];

/**
 * The draft editor: base price, currency, and one row per resource kind, ticked when the version includes it. The
 * server action validates with zod and sends errors back under each input's name; `values` keeps what was typed.
 */
export function VersionForm({
  action,
  planCode,
  versionId,
  initialValues,
  submitLabel,
  pendingLabel,
}: {
  action: ServerAction;
  planCode: string;
  versionId?: string;
  initialValues: FormValues;
  submitLabel: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, idleResult);
  const values = state.values ?? initialValues;
  const errors = state.fieldErrors ?? {};
  const [enabled, setEnabled] = useState<Set<CatalogResourceKind>>(
    () => new Set(catalogResourceKinds.filter((k) => values[`items.${k}.enabled`] === "on")),
  );
  const toggle = (kind: CatalogResourceKind, on: boolean) =>
    setEnabled((prev) => {
      const next = new Set(prev);
      if (on) next.add(kind);
      else next.delete(kind);
      return next;
    });
  const currency = (values.currency ?? "AUD").toUpperCase();

  return (
    <form action={formAction} className="flex flex-col gap-5" noValidate>
      <input type="hidden" name="plan_code" value={planCode} />
      {versionId ? <input type="hidden" name="version_id" value={versionId} /> : null}
      <FormOutcome state={state} />

      <div className="flex flex-wrap items-start gap-4">
        <TextField
          id="base_price"
          name="base_price"
          label="Monthly price"
          hint="In dollars, e.g. 49.95"
          inputMode="decimal"
          defaultValue={values.base_price}
          error={errors.base_price}
          inputClassName="w-36"
        />
        <TextField
          id="currency"
          name="currency"
          label="Currency"
          hint="ISO 4217 code"
          defaultValue={values.currency ?? "AUD"}
          error={errors.currency}
          maxLength={3}
          inputClassName="w-20 uppercase"
        />
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium text-slate-800">Billed</span>
          <span className="py-1.5 text-sm text-slate-700">Monthly</span>
        </div>
      </div>

      <TextField
        id="allowed_sizes"
        name="allowed_sizes"
        label="Droplet sizes tenants may provision"
        hint="DO size slugs separated by commas, e.g. s-1vcpu-1gb, s-1vcpu-2gb; leave empty to allow any size"
        defaultValue={values.allowed_sizes}
        error={errors.allowed_sizes}
        inputClassName="w-full max-w-xl"
      />

      <fieldset className="rounded-lg border border-slate-200">
        <legend className="px-2 text-sm font-semibold text-slate-900">Included resources</legend>
        <p className="px-4 pb-2 text-xs text-slate-600">
          Tick each resource the plan includes. Overage is charged per unit beyond the allowance, in {currency}; usage stops at the hard cap.
        </p>
        <Table caption="Resources included in this version">
          <THead>
            <Th>Resource</Th>
            <Th>Included each month</Th>
            <Th>Overage unit</Th>
            <Th>Overage price ({currency})</Th>
            <Th>Hard cap (optional)</Th>
          </THead>
          <TBody>
              {catalogResourceKinds.map((kind) => {
                const info = resourceKindInfo[kind];
                const on = enabled.has(kind);
                return (
                  <tr key={kind} className={cn(!on && "bg-slate-50/60")}>
                    <Th scope="row">
                      <label className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          name={`items.${kind}.enabled`}
                          checked={on}
                          onChange={(e) => toggle(kind, e.target.checked)}
                          className="h-4 w-4"
                        />
                        {info.label}
                      </label>
                    </Th>
                    {itemInputs.map(({ field, label, className, inputMode }) => {
                      const name = `items.${kind}.${field}`;
                      const id = `item-${kind}-${field}`;
                      const error = on ? errors[name] : undefined;
                      const fallback = field === "overage_unit" ? info.defaultUnit : "";
                      return (
                        <Td key={field} className="align-top">
                          <label htmlFor={id} className="sr-only">
                            {info.label}: {label}
                          </label>
                          <input
                            id={id}
                            name={name}
                            inputMode={inputMode}
                            disabled={!on}
                            defaultValue={values[name] ?? fallback}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={describedBy(id, { error })}
                            className={cn(inputClass, className)}
                          />
                          <FieldError id={id} error={error} />
                        </Td>
                      );
                    })}
                  </tr>
                );
              })}
          </TBody>
        </Table>
      </fieldset>

      <div>
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}
