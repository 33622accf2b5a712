import Link from "next/link";
import { cn } from "./cn";
import { ScrollToCurrent } from "./scroll-to-current";

export interface SectionTab {
  href: string;
  label: string;
}

/** Tabs between the views of one section (costs, margin): links, with the current one marked for screen readers. */
export function SectionTabs({ label, tabs, current }: { label: string; tabs: readonly SectionTab[]; current: string }) {
  return (
    // On a phone the tabs scroll inside their bar rather than widening the page; pb-px keeps the active tab's
    // underline (pulled down 1px onto the bar's border) inside the scroll box, so there is no vertical scroll. The
    // current tab is scrolled into the bar's view, since it may be past the screen's edge (Budgets on /costs).
    <ScrollToCurrent label={label} current={current} className="relative mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 pb-px">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cn(
            "-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
            tab.href === current ? "border-brand-600 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </ScrollToCurrent>
  );
}
