import "server-only";
import type { z } from "zod";
import { DoApiError, DoPaginationError, DoSchemaError } from "./errors";
import { getPageKey, toRequestPath, setDefaultPerPage } from "./page-url";
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
  paginatedSchema,
  projectResourceSchema,
  projectSchema,
  reservedIpSchema,
  snapshotSchema,
  volumeSchema,
} from "./schemas";
import { type DoRequestEvent, type SendRequestConfig, sendRequest } from "./send-request";

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
type Pages<T> = AsyncGenerator<T[], void, undefined>;

export type DoClient = ReturnType<typeof createDoClient>;

export function createDoClient(options: DoClientOptions) {
  const config: SendRequestConfig = {
    token: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 4,
    retryBaseMs: options.retryBaseMs ?? 500,
    retryMaxMs: options.retryMaxMs ?? 30_000,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 60_000,
    fetchImpl: options.fetchImpl ?? fetch,
    onRequest: options.onRequest,
  };
  const perPage = options.perPage ?? 200;
  const maxPages = options.maxPages ?? 10_000;

  /** GET a JSON body and validate it. `path` is relative (`/v2/account`); absolute links are re-based onto baseUrl. */
  async function request<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    const relative = toRequestPath(path, config.baseUrl);
    const response = await sendRequest(config, relative, "application/json");
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch (cause) {
      throw new DoApiError(
        `DO API returned malformed JSON for GET ${relative} (HTTP ${response.status}, ${response.body.length} bytes)`,
        { status: response.status, path: relative, cause },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new DoSchemaError(
        `DO API response for GET ${relative} did not match the expected shape: ${summarizeIssues(parsed.error.issues)}`,
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
   * Streams a paginated list page by page, so 10k+ items never sit in memory at once. Follows `links.pages.next`
   * until it is absent; a `next` that points at a page already fetched throws rather than loops.
   */
  async function* listAll<T extends z.ZodType>(path: string, key: string, itemSchema: T): Pages<z.output<T>> {
    const pageSchema = paginatedSchema(key, itemSchema);
    let current: string | undefined = setDefaultPerPage(toRequestPath(path, config.baseUrl), perPage);
    const seen = new Set<string>();
    while (current !== undefined) {
      seen.add(getPageKey(current));
      const page = await request(current, pageSchema);
      yield page[key] as z.output<T>[];

      // `key` is a runtime string, so TypeScript can't tell `links` apart from the item array; the schema checked it.
      const next = (page.links as unknown as DoPageLinks | undefined)?.pages?.next;
      if (!next) return;
      const nextPath = setDefaultPerPage(toRequestPath(next, config.baseUrl), perPage);
      if (seen.has(getPageKey(nextPath))) {
        throw new DoPaginationError(`DO pagination loop on ${path}: next link ${nextPath} was already fetched`, {
          status: 200,
          path: current,
        });
      }
      if (seen.size >= maxPages) {
        throw new DoPaginationError(`DO pagination on ${path} exceeded ${maxPages} pages`, { status: 200, path: current });
      }
      current = nextPath;
    }
  }

  /** Convenience for small lists; prefer iterating `listAll` for anything that can grow. */
  async function listAllArray<T extends z.ZodType>(path: string, key: string, itemSchema: T): Promise<z.output<T>[]> {
    const all: z.output<T>[] = [];
    for await (const page of listAll(path, key, itemSchema)) all.push(...page);
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
    listAll,
    listAllArray,
    getAccount: async () => (await request("/v2/account", accountResponseSchema)).account,
    listDroplets: () => listAll("/v2/droplets", "droplets", dropletSchema),
    listVolumes: () => listAll("/v2/volumes", "volumes", volumeSchema),
    listSnapshots: (resourceType?: "droplet" | "volume") =>
      listAll(
        resourceType ? `/v2/snapshots?resource_type=${resourceType}` : "/v2/snapshots",
        "snapshots",
        snapshotSchema,
      ),
    listDomains: () => listAll("/v2/domains", "domains", domainSchema),
    listLoadBalancers: () => listAll("/v2/load_balancers", "load_balancers", loadBalancerSchema),
    listDatabases,
    listKubernetesClusters: () => listAll("/v2/kubernetes/clusters", "kubernetes_clusters", kubernetesClusterSchema),
    listReservedIps: () => listAll("/v2/reserved_ips", "reserved_ips", reservedIpSchema),
    listApps: () => listAll("/v2/apps", "apps", appSchema),
    listProjects: () => listAll("/v2/projects", "projects", projectSchema),
    listProjectResources: (projectId: string) =>
      listAll(`/v2/projects/${encodeURIComponent(projectId)}/resources`, "resources", projectResourceSchema),
    getBalance: () => request("/v2/customers/my/balance", balanceSchema),
    listBillingHistory: () => listAll("/v2/customers/my/billing_history", "billing_history", billingHistoryEntrySchema),
    /** Issued invoices, newest first. The month-to-date preview is `getInvoicePreview()`. */
    listInvoices: () => listAll("/v2/customers/my/invoices", "invoices", invoicePreviewSchema),
    getInvoicePreview: async () =>
      (await request("/v2/customers/my/invoices?per_page=1", invoicesResponseSchema)).invoice_preview,
    listInvoiceItems: (invoiceUuid: string) =>
      listAll(`/v2/customers/my/invoices/${encodeURIComponent(invoiceUuid)}`, "invoice_items", invoiceItemSchema),
    getInvoiceSummary: (invoiceUuid: string) =>
      request(`/v2/customers/my/invoices/${encodeURIComponent(invoiceUuid)}/summary`, invoiceSummarySchema),
    getInvoiceCsv: (invoiceUuid: string) => getText(`/v2/customers/my/invoices/${encodeURIComponent(invoiceUuid)}/csv`),
  };
}

function summarizeIssues(issues: z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  const more = issues.length > shown.length ? ` (+${issues.length - shown.length} more)` : "";
  return `${shown.join("; ")}${more}`;
}
