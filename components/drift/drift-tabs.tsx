import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { DriftTab } from "@/lib/drift/drift-page-query";

/** The inbox of open drift, with how much there is, and the history of what was resolved. */
export function DriftTabs({ current, openCount }: { current: DriftTab; openCount: number }) {
  return (
    <nav aria-label="Drift views" className="mb-4 flex gap-1 border-b border-slate-200">
      {(["open", "history"] as const).map((t) => (
        <Link
          key={t}
          href={t === "open" ? "/drift" : "/drift?tab=history"}
          aria-current={current === t ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-4 py-2 text-sm font-medium",
            current === t ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t === "open" ? (
            <>
              Open <span className="ml-1 rounded-full bg-slate-100 px-2 text-xs tabular-nums text-slate-700">{openCount.toLocaleString("en")}</span>
            </>
          ) : (
            "History"
          )}
        </Link>
      ))}
    </nav>
  );
}
