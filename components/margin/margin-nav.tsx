import Link from "next/link";
import { cn } from "@/components/ui/cn";

const tabs = [
  { href: "/margin", label: "By month" },
  { href: "/margin/tenants", label: "Tenants" },
  { href: "/margin/plans", label: "Plans" },
  { href: "/margin/fx", label: "FX rates" },
] as const;

/** The margin section's views. */
export function MarginNav({ current }: { current: (typeof tabs)[number]["href"] }) {
  return (
    <nav aria-label="Margin views" className="mb-4 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current ? "border-brand-600 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
