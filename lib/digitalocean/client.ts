import "server-only";
import type { z } from "zod";
import { DoIncompleteListingError, DoPaginationError, DoSchemaError } from "./errors";
import { bandwidthQueryPath, type DropletBandwidthQuery, metricsResponseSchema } from "./metrics-schema";
import { getPageKey, toRequestPath, setDefaultPerPage } from "./page-url";
import { provisioningMethods } from "./provisioning-methods";
import {
  accountResponseSchema,
  appSchema,
  balanceSchema,
  billingHistoryEntrySchema,
  databasesResponseSchema,
  domainSchema,
  dropletSchema,
  invoiceItemSchema,
  invoicePreviewSchema,
  invoicesResponseSchema,
  invoiceSummarySchema,
  kubernetesClusterSchema,
  loadBalancerSchema,
  type pageLinksSchema,
  type pageMetaSchema,
  paginatedSchema,
  projectResourceSchema,
  projectSchema,
  reservedIpSchema,
  snapshotSchema,
  volumeSchema,
} from "./schemas";
import { type DoRequestEvent, type DoWrite, type SendRequestConfig, sendRequest } from "./send-request";

export type { DoRequestEvent } from "./send-request";

export type DoClientOptions = {
  token: string;
  /** API origin, e.g. `https://api.digitalocean.com` or a local fake's `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Per attempt, covering headers and body. Default 30s. */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx and network errors. Default 4 (five attempts in all). */
  maxRetries?: number;
  /** Backoff ceiling for the first retry, doubled each time. Default 500ms. */
  retryBaseMs?: number;
  /** Largest backoff ceiling. Default 30s. */
  retryMaxMs?: number;
  /** Longest a 429 may make us wait before retrying, whatever DO asks. Default 60s. */
  maxRateLimitWaitMs?: number;
  /** Page size for list calls; DO's maximum is 200. */
  perPage?: number;
  /** A listing stops with DoPaginationError past this many pages instead of trusting `next` forever. */
  maxPages?: number;
  fetchImpl?: typeof fetch;
  /** Called after every HTTP attempt, retries included, so metrics can count requests and 429s. */
  onRequest?: (event: DoRequestEvent) => void;
};

type DoPageLinks = z.output<typeof pageLinksSchema>;
type DoPageMeta = z.output<typeof pageMetaSchema>;
/** What makes a listed item itself, so an item seen on two shifted pages counts once. */
type ItemKey<T> = (item: T) => string | number;
type ListingCount = { firstTotal: number | undefined; lastTotal: number | undefined; seen: number };
type Pages<T> = AsyncGenerator<T[], void, undefined>;

export type DoClient = ReturnType<typeof createDoClient>;

export function createDoClient(options: DoClientOptions) {
  let lastRateLimit: DoRequestEvent["rateLimit"];
  const config: SendRequestConfig = {
    token: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 4,
    retryBaseMs: options.retryBaseMs ?? 500,
    retryMaxMs: options.retryMaxMs ?? 30_000,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 60_000,
    fetchImpl: options.fetchImpl ?? fetch,
    onRequest: (event) => {
      if (event.rateLimit) lastRateLimit = event.rateLimit;
      options.onRequest?.(event);
    },
  };
  const perPage = options.perPage ?? 200;
  const maxPages = options.maxPages ?? 10_000;

  /** GET a JSON body and validate it. `path` is relative (`/v2/account`); absolute links are re-based onto baseUrl. */
  async function request<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return send(path, schema);
  }

  /** A POST or DELETE whose answer is validated with `schema` (null: no body expected, as DO's 204s). */
  async function write<S extends z.ZodType>(how: DoWrite, path: string, schema: S | null): Promise<z.output<S> | null> {
    if (schema) return send(path, schema, how);
    await sendRequest(config, toRequestPath(path, config.baseUrl), "application/json", how);
    return null;
  }

  async function send<S extends z.ZodType>(path: string, schema: S, write?: DoWrite): Promise<z.output<S>> {
    const relative = toRequestPath(path, config.baseUrl);
    const response = await sendRequest(config, relative, "application/json", write);
    const parsed = schema.safeParse(response.json);
    if (!parsed.success) {
      throw new DoSchemaError(
        `DO API response for ${write?.method ?? "GET"} ${relative} did not match the expected shape: ${summarizeIssues(parsed.error.issues)}`,
        { status: response.status, path: relative, issues: parsed.error.issues },
      );
    }
    return parsed.data;
  }

  /** GET a non-JSON body (the invoice CSV). */
  async function getText(path: string, accept = "text/csv"): Promise<string> {
    const response = await sendRequest(config, toRequestPath(path, config.baseUrl), accept);
    return response.body;
  }

  /**
   * Streams a paginated list page by page, so 10k+ items never sit in memory at once, and checks the listing was
   * complete: as many distinct items (by `itemKey`; each item counts when there is none) as the `meta.total` of the
   * first page, and the same total on the last. A total that changed mid-listing means DO's offset pages shifted, so
   * the listing runs once more; items are yielded once however often they were seen. An incomplete listing throws
   * DoIncompleteListingError after its last page, so a consumer that waits for the end concludes nothing from it.
   */
  async function* listAll<T extends z.ZodType>(path: string, key: string, itemSchema: T, itemKey?: ItemKey<z.output<T>>): Pages<z.output<T>> {
    const start = setDefaultPerPage(toRequestPath(path, config.baseUrl), perPage);
    const yielded = new Set<string | number>();
    for (let attempt = 1; ; attempt++) {
      const listing: ListingCount = yield* listOnce(start, key, itemSchema, itemKey, yielded);
      const { firstTotal, lastTotal, seen } = listing;
      if (firstTotal === undefined || (lastTotal === firstTotal && seen === firstTotal)) return;
      // Re-listing a keyless list would yield its items twice; only a keyed one can be re-listed.
      if (lastTotal !== firstTotal && attempt === 1 && itemKey) continue;
      const problem =
        lastTotal !== firstTotal
          ? `meta.total changed from ${firstTotal} to ${lastTotal} during the listing${attempt > 1 ? " (and on the re-list)" : ""}`
          : `saw ${seen}${itemKey ? " distinct" : ""} of the ${firstTotal} items meta.total reported`;
      throw new DoIncompleteListingError(`DO listing of ${path} incomplete: ${problem}`, { status: 200, path });
    }
  }

  /** One pass over the pages from `start`, yielding items not in `yielded` (and adding them to it). */
  async function* listOnce<T extends z.ZodType>(
    start: string,
    key: string,
    itemSchema: T,
    itemKey: ItemKey<z.output<T>> | undefined,
    yielded: Set<string | number>,
  ): AsyncGenerator<z.output<T>[], ListingCount, undefined> {
    const pageSchema = paginatedSchema(key, itemSchema);
    const pagesFetched = new Set<string>();
    const distinct = new Set<string | number>();
    let count = 0;
    let firstTotal: number | undefined;
    let lastTotal: number | undefined;
    let current = start;
    for (;;) {
      pagesFetched.add(getPageKey(current));
      const page = await request(current, pageSchema);
      // `key` is a runtime string, so TypeScript can't tell `links`/`meta` from the item array; the schema checked them.
      const { links, meta } = page as unknown as { links?: DoPageLinks; meta?: DoPageMeta };
      lastTotal = meta?.total;
      if (pagesFetched.size === 1) firstTotal = lastTotal;
      const items = page[key] as z.output<T>[];
      if (itemKey) {
        const fresh: z.output<T>[] = [];
        for (const item of items) {
          const k = itemKey(item);
          distinct.add(k);
          if (yielded.has(k)) continue;
          yielded.add(k);
          fresh.push(item);
        }
        yield fresh;
      } else {
        count += items.length;
        yield items;
      }

      const next = links?.pages?.next;
      if (!next) return { firstTotal, lastTotal, seen: itemKey ? distinct.size : count };
      const nextPath = setDefaultPerPage(toRequestPath(next, config.baseUrl), perPage);
      if (pagesFetched.has(getPageKey(nextPath))) {
        throw new DoPaginationError(`DO pagination loop on ${start}: next link ${nextPath} was already fetched`, {
          status: 200,
          path: current,
        });
      }
      if (pagesFetched.size >= maxPages) {
        throw new DoPaginationError(`DO pagination on ${start} exceeded ${maxPages} pages`, { status: 200, path: current });
      }
      current = nextPath;
    }
  }

  /** Convenience for small lists; prefer iterating `listAll` for anything that can grow. */
  async function listAllArray<T extends z.ZodType>(path: string, key: string, itemSchema: T, itemKey?: ItemKey<z.output<T>>): Promise<z.output<T>[]> {
    const all: z.output<T>[] = [];
    for await (const page of listAll(path, key, itemSchema, itemKey)) all.push(...page);
    return all;
  }

  async function* listDatabases(): Pages<z.output<typeof databasesResponseSchema>["databases"][number]> {
    // The one list endpoint without pagination: a single body holds every cluster.
    const body = await request("/v2/databases", databasesResponseSchema);
    yield body.databases;
  }

  return {
    request,
    getText,
    /** DO's budget as of the latest response: requests left in its window and when that resets. */
    rateLimit: () => lastRateLimit,
    listAll,
    listAllArray,
    getAccount: async () => (await request("/v2/account", accountResponseSchema)).account,
    listDroplets: () => listAll("/v2/droplets", "droplets", dropletSchema, byId),
    listVolumes: () => listAll("/v2/volumes", "volumes", volumeSchema, byId),
    listSnapshots: (resourceType?: "droplet" | "volume") =>
      listAll(
        resourceType ? `/v2/snapshots?resource_type=${resourceType}` : "/v2/snapshots",
        "snapshots",
        snapshotSchema,
        byId,
      ),
    listDomains: () => listAll("/v2/domains", "domains", domainSchema, (d) => d.name),
    listLoadBalancers: () => listAll("/v2/load_balancers", "load_balancers", loadBalancerSchema, byId),
    listDatabases,
    listKubernetesClusters: () => listAll("/v2/kubernetes/clusters", "kubernetes_clusters", kubernetesClusterSchema, byId),
    listReservedIps: () => listAll("/v2/reserved_ips", "reserved_ips", reservedIpSchema, (ip) => ip.ip),
    listApps: () => listAll("/v2/apps", "apps", appSchema, byId),
    listProjects: () => listAll("/v2/projects", "projects", projectSchema, byId),
    listProjectResources: (projectId: string) =>
      listAll(`/v2/projects/${encodeURIComponent(projectId)}/resources`, "resources", projectResourceSchema, (r) => r.urn),
    getBalance: () => request("/v2/customers/my/balance", balanceSchema),
    listBillingHistory: () => listAll("/v2/customers/my/billing_history", "billing_history", billingHistoryEntrySchema),
    /** Issued invoices, newest first. The month-to-date preview is `getInvoicePreview()`. */
    listInvoices: () => listAll("/v2/customers/my/invoices", "invoices", invoicePreviewSchema, (i) => i.invoice_uuid),
    getInvoicePreview: async () =>
      (await request("/v2/customers/my/invoices?per_page=1", invoicesResponseSchema)).invoice_preview,
    listInvoiceItems: (invoiceUuid: string) =>
      listAll(`/v2/customers/my/invoices/${encodeURIComponent(invoiceUuid)}`, "invoice_items", invoiceItemSchema),
    getInvoiceSummary: (invoiceUuid: string) =>
      request(`/v2/customers/my/invoices/${encodeURIComponent(invoiceUuid)}/summary`, invoiceSummarySchema),
    getInvoiceCsv: (invoiceUuid: string) => getText(`/v2/customers/my/invoices/${encodeURIComponent(invoiceUuid)}/csv`),
    /**
     * One droplet's bandwidth in Mbps over [start, end] as `[unix seconds, Mbps]` samples, oldest first (every series
     * DO returns for the query merged; NaN values left out). One request, whatever the window.
     */
    getDropletBandwidth: async (query: DropletBandwidthQuery): Promise<[number, number][]> => {
      const body = await request(bandwidthQueryPath(query), metricsResponseSchema);
      return body.data.result
        .flatMap((series) => series.values)
        .filter(([, mbps]) => Number.isFinite(mbps))
        .sort((a, b) => a[0] - b[0]);
    },
    ...provisioningMethods({ request, write, listAllArray }),
  };
}

const byId = (item: { id: string | number }) => item.id;

function summarizeIssues(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  const more = issues.length > shown.length ? ` (+${issues.length - shown.length} more)` : "";
  return `${shown.join("; ")}${more}`;
}
