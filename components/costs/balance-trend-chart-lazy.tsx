"use client";

import dynamic from "next/dynamic";

/**
 * The trend chart, loaded after the page: recharts alone would more than double the page's first-load JavaScript, and
 * the figures are already on the page as a table.
 */
export const BalanceTrendChartLazy = dynamic(() => import("./balance-trend-chart").then((m) => m.BalanceTrendChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-72 w-full animate-pulse rounded bg-slate-50" />,
});
