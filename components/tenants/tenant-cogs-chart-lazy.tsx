"use client";

import dynamic from "next/dynamic";

/** Loaded after the page, as the margin chart is: recharts is large, and the table beside it has the same figures. */
export const TenantCogsChartLazy = dynamic(() => import("./tenant-cogs-chart").then((m) => m.TenantCogsChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-72 w-full animate-pulse rounded bg-slate-50" />,
});
