import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

/**
 * Form inputs with their label, hint and error wired together: the error is linked through aria-describedby and
 * announced (role=alert) when a server action sends it back, and aria-invalid marks the input.
 */

export const inputClass =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 aria-invalid:border-red-500 aria-invalid:ring-1 aria-invalid:ring-red-500 disabled:bg-slate-100 disabled:text-slate-500";

/** Forms label their fields at body size; filter bars above tables use `compact` labels. */
function labelClass(compact?: boolean): string {
  return compact ? "text-xs font-medium text-slate-700" : "text-sm font-medium text-slate-800";
}

export function describedBy(id: string, opts: { error?: string; hint?: ReactNode }): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
      {error}
    </p>
  );
}

export function TextField({
  id,
  label,
  error,
  hint,
  className,
  inputClassName,
  compact,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: ReactNode; error?: string; hint?: ReactNode; inputClassName?: string; compact?: boolean }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className={labelClass(compact)}>
        {label}
      </label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error, hint })} className={cn(inputClass, inputClassName)} {...input} />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  error,
  hint,
  className,
  selectClassName,
  compact,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  selectClassName?: string;
  compact?: boolean;
  options: { value: string; label: string }[];
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className={labelClass(compact)}>
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint })}
        className={cn(inputClass, selectClassName)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A summary at the top of a form that failed: says how many fields need attention, or the server's message. */
export function FormErrorSummary({ message, count }: { message?: string; count: number }) {
  if (!message && count === 0) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-inset ring-red-200">
      {message ?? `Check the ${count === 1 ? "highlighted field" : `${count} highlighted fields`} and try again.`}
    </div>
  );
}
