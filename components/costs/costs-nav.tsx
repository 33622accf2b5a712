import Link from "next/link";
import { cn } from "@/components/ui/cn";

const tabs = [
  { href: "/costs", label: "Cost lines" },
  { href: "/costs/invoices", label: "Invoices" },
  { href: "/costs/balance", label: "Month to date" },
] as const;

/** The costs section's three views. */
export function CostsNav({ current }: { current: (typeof tabs)[number]["href"] }) {
  return (
    <nav aria-label="Costs views" className="mb-4 flex gap-1 border-b border-slate-200">
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
