"use client";

import dynamic from "next/dynamic";

/** The grouped costs chart, loaded after the page: recharts would double its first-load JavaScript. */
export const CostGroupsChartLazy = dynamic(() => import("./cost-groups-chart").then((m) => m.CostGroupsChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-80 w-full animate-pulse rounded bg-slate-50" />,
});
