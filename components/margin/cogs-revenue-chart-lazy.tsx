"use client";

import dynamic from "next/dynamic";

/**
 * The COGS-vs-revenue chart, loaded after the page: recharts would double the page's first-load JavaScript, and the
 * same figures are on the page as a table below it.
 */
export const CogsRevenueChartLazy = dynamic(() => import("./cogs-revenue-chart").then((m) => m.CogsRevenueChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-80 w-full animate-pulse rounded bg-slate-50" />,
});
