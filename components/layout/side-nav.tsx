"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavItem {
  href: string;
  label: string;
  badge?: number;
  /** What the badge counts, for screen readers ("open" drift, "unread" events). */
  badgeLabel?: string;
}

export function SideNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center justify-between rounded-md px-3 py-2 text-sm font-medium",
              active ? "bg-slate-800 text-white" : "text-slate-300 hover:bg-slate-800/60 hover:text-white",
            )}
          >
            {item.label}
            {item.badge ? (
              <span className="rounded-full bg-amber-400 px-2 text-xs font-semibold text-slate-900">
                {item.badge}
                <span className="sr-only"> {item.badgeLabel ?? "open"}</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
