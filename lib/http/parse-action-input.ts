import { z } from "zod";
import type { FieldErrors, FormValues } from "./action-result";

export type ParsedActionInput<T> =
  | { success: true; data: T; values?: FormValues }
  | { success: false; message?: string; fieldErrors: FieldErrors; values?: FormValues };

/** A form's text entries by name; React's own (`$ACTION_ID_…`) are not the form's. */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  return values;
}

const formLevelMark = "arcadia.formLevel";

/**
 * An input no one typed (a hidden id, or a whole confirmation's fields): when it does not parse there is no field to
 * mark, so the form says `message` instead.
 */
export function formLevel<S extends z.ZodType>(schema: S, message: string): z.ZodType<z.output<S>, z.input<S>> {
  return z.custom<z.input<S>>(() => true).transform((value, ctx) => {
    const r = schema.safeParse(value);
    if (r.success) return r.data as z.output<S>;
    ctx.addIssue({ code: "custom", message, params: { [formLevelMark]: true } });
    return z.NEVER;
  });
}

function isFormLevel(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && issue.params?.[formLevelMark] === true;
}

/**
 * Parses a server action's input with zod: a FormData by its entries' names (so issues come back under the names of
 * the inputs), anything else as it is. Field errors keep the first message per input.
 */
export function parseActionInput<S extends z.ZodType>(schema: S, input: unknown): ParsedActionInput<z.output<S>> {
  const values = input instanceof FormData ? formValues(input) : undefined;
  const r = schema.safeParse(values ?? input);
  if (r.success) return { success: true, data: r.data, values };
  let message: string | undefined;
  const fieldErrors: FieldErrors = {};
  for (const issue of r.error.issues) {
    if (isFormLevel(issue)) message ??= issue.message;
    else fieldErrors[issue.path.map(String).join(".") || "form"] ??= issue.message;
  }
  return { success: false, message, fieldErrors, values };
}
