import Link from "next/link";
import { cn } from "@/components/ui/cn";

const tabs = [
  { href: "/catalog", label: "Plans" },
  { href: "/catalog/addons", label: "Add-ons" },
  { href: "/catalog/resource-prices", label: "Resource prices" },
] as const;

/** The catalog editor's sections. */
export function CatalogTabs({ current }: { current: (typeof tabs)[number]["href"] }) {
  return (
    <nav aria-label="Catalog sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            t.href === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
