import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A machine value (a DO slug, id, region, a field's raw value) in mono. It never wraps: browsers break at a hyphen,
 * and "s-4vcpu-" over "8gb" reads as two values. Too long for its cell, it scrolls there (max-w-full binds in a
 * fixed-layout table; an auto-layout table grows instead and scrolls in its card).
 */
export function CodeValue({ children, title, className }: { children: ReactNode; title?: string; className?: string }) {
  return (
    <span className={cn("inline-block max-w-full overflow-x-auto whitespace-nowrap align-top font-mono text-xs", className)} title={title}>
      {children}
    </span>
  );
}

/** A sentence that names machine values ("s-1vcpu-1gb has 25 GB"): it wraps between words, never inside a slug. */
export function KeepTokensWhole({ text }: { text: string }) {
  return text.split(/(\S+-\S+)/).map((part, i) =>
    i % 2 ? (
      <span key={i} className="whitespace-nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}
