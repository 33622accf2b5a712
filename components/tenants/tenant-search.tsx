import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** A plain GET form: the search lives in the URL. */
export function TenantSearch({ q }: { q?: string }) {
  return (
    <form method="get" action="/tenants" aria-label="Search tenants" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3">
      <TextField compact id="tenants-q" name="q" type="search" label="Search" defaultValue={q} placeholder="Name or id" inputClassName="w-56 max-w-full" />
      <button type="submit" className={buttonClass("primary", "field")}>
        Search
      </button>
      {q ? (
        <Link href="/tenants" className={buttonClass("ghost", "field")}>
          Clear
        </Link>
      ) : null}
    </form>
  );
}
