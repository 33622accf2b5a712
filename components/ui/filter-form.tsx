import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/**
 * A list's filter bar: a plain GET form, so filters live in the URL (shareable, kept on reload), ending in Apply and a
 * Reset link back to the unfiltered list. The fields are its children.
 */
export function FilterForm({ action, label, resetHref = action, children }: { action: string; label: string; resetHref?: string; children: ReactNode }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3" aria-label={label}>
      {children}
      <button type="submit" className={buttonClass("primary", "field")}>
        Apply
      </button>
      <Link href={resetHref} className={buttonClass("ghost", "field")}>
        Reset
      </Link>
    </form>
  );
}
