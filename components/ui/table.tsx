import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/** A plain, server-rendered table for small lists (the catalog's): a caption for screen readers and scoped headers. */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    // relative: an sr-only (absolutely placed) label inside a scrolled table is clipped here, not left to widen the page.
    <div className={cn("relative overflow-x-auto", className)}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="bg-slate-50">
      <tr>{children}</tr>
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-100 bg-white">{children}</tbody>;
}

export function Th({ align, className, scope = "col", ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { align?: "right" }) {
  return (
    <th
      scope={scope}
      className={cn(
        "px-3 py-2 font-semibold text-slate-700",
        scope === "row" && "bg-transparent font-medium text-slate-900",
        align === "right" ? "text-right" : "text-left",
        className,
      )}
      {...rest}
    />
  );
}

/** A cell; right-aligned ones hold figures, which never wrap (a minus or a % sign alone on a line reads as noise). */
export function Td({ align, className, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { align?: "right" }) {
  return <td className={cn("px-3 py-2 text-slate-800", align === "right" && "whitespace-nowrap text-right tabular-nums", className)} {...rest} />;
}
