import { SelectField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { actionLabel, statusLabel } from "./request-labels";

/** A plain GET form over the requests: tenant, action and status live in the URL. */
export function OperationsFilters({
  values,
  tenants,
  actions,
  statuses,
}: {
  values: { tenant?: string; action?: string; status?: string };
  tenants: string[];
  actions: readonly string[];
  statuses: readonly string[];
}) {
  // A tenant named in the address stays selectable even when it has no request yet.
  const tenantOptions = values.tenant && !tenants.includes(values.tenant) ? [values.tenant, ...tenants] : tenants;
  return (
    <FilterForm action="/operations" label="Filter requests">
      <SelectField
        compact
        id="operations-tenant"
        name="tenant"
        label="Tenant"
        defaultValue={values.tenant ?? ""}
        options={[{ value: "", label: "Every tenant" }, ...tenantOptions.map((t) => ({ value: t, label: t }))]}
      />
      <SelectField
        compact
        id="operations-action"
        name="action"
        label="Action"
        defaultValue={values.action ?? ""}
        options={[{ value: "", label: "Any action" }, ...actions.map((a) => ({ value: a, label: actionLabel(a) }))]}
      />
      <SelectField
        compact
        id="operations-status"
        name="status"
        label="Status"
        defaultValue={values.status ?? ""}
        options={[{ value: "", label: "Any status" }, ...statuses.map((s) => ({ value: s, label: statusLabel(s) }))]}
      />
    </FilterForm>
  );
}
