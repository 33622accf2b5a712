import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
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

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  compact?: boolean;
}

/** The label above, the hint and the error below: what every field shares around its control. */
function FieldShell({ id, label, error, hint, className, compact, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className={labelClass(compact)}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** What the control itself carries: its id, and the invalid state and descriptions a screen reader announces. */
function controlProps({ id, error, hint }: Pick<FieldProps, "id" | "error" | "hint">) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, { error, hint }) };
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
}: InputHTMLAttributes<HTMLInputElement> & FieldProps & { inputClassName?: string }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className} compact={compact}>
      <input {...controlProps({ id, error, hint })} className={cn(inputClass, inputClassName)} {...input} />
    </FieldShell>
  );
}

export function TextAreaField({ id, label, error, hint, className, compact, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className} compact={compact}>
      <textarea {...controlProps({ id, error, hint })} className={inputClass} {...textarea} />
    </FieldShell>
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
}: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { selectClassName?: string; options: { value: string; label: string }[] }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className} compact={compact}>
      <select {...controlProps({ id, error, hint })} className={cn(inputClass, selectClassName)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
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
