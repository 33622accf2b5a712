import type { FieldErrors, FormValues } from "./form-schemas";

/** What a form's server action hands back to the form (React's useActionState): catalog, add-ons, FX rates. */
export interface FormState {
  status: "idle" | "error" | "saved";
  /** A message for the whole form: the reason a save was refused, or "Draft saved". */
  message?: string;
  fieldErrors: FieldErrors;
  /** What was submitted, so a refused form shows what the person typed rather than the old values. */
  values?: FormValues;
}

export const idleFormState: FormState = { status: "idle", fieldErrors: {} };
