import type { z } from "zod";
import { parseSearchParams, type UrlState } from "@/lib/http/search-params";
import { listDriftQuery } from "./schemas";

export const driftTabs = ["open", "history"] as const;
export type DriftTab = (typeof driftTabs)[number];

/** The drift page's URL: the API's filters and cursor (each tab has its own page size), plus the tab. */
export const driftPageQuery = listDriftQuery.omit({ limit: true });
export type DriftPageQuery = z.infer<typeof driftPageQuery>;

/**
 * Parses the drift page's search params, dropping what is invalid rather than failing the page. The inbox (the open
 * tab) lists open drift whatever the status says; history lists every outcome unless the address names one.
 */
export function parseDriftPageQuery(raw: Record<string, string | string[] | undefined>): { tab: DriftTab; query: DriftPageQuery; isValid: boolean } {
  const tab: DriftTab = raw.tab === "history" ? "history" : "open";
  const status = tab === "open" ? "open" : raw.status && raw.status !== "open" ? raw.status : "resolved";
  const { query, isValid } = parseSearchParams(driftPageQuery, { ...raw, status }, { fallback: { status: tab === "open" ? "open" : "resolved" } });
  return { tab, query, isValid };
}

/** The drift page's URL state; links leave out the inbox's defaults. */
export function driftUrl(tab: DriftTab, q: DriftPageQuery): UrlState {
  const params = { tab, status: q.status, kind: q.kind, field: q.field, resource: q.resource, cursor: q.cursor };
  return { path: "/drift", params, defaults: { tab: "open", status: "open" } };
}
