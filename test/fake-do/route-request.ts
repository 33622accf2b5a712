import { getProjectName } from "./find-project";
import { type FakeBilling, toInvoiceItem } from "./create-billing";
import { toIso } from "./make-droplet";
import { paginate } from "./paginate";
import { type BandwidthOverride, renderBandwidth } from "./render-bandwidth";
import { formatAmount } from "./render-invoice-csv";
import type { FakeAccount, FakeProject } from "./types";

export type RouteResult =
  | { status: number; json: unknown }
  | { status: number; text: string; headers: Record<string, string> };

export const notFoundBody = { id: "not_found", message: "The resource you were accessing could not be found." };

type Context = { account: FakeAccount; billing: FakeBilling; now: Date; bandwidth: ReadonlyMap<string, BandwidthOverride> };

const invoicePath = /^\/v2\/customers\/my\/invoices\/([^/]+)(?:\/(csv|summary))?$/;
const projectResourcesPath = /^\/v2\/projects\/([^/]+)\/resources$/;

/** Answers one GET. `url` is the request's absolute URL so pagination links carry the Host the client used. */
export function routeRequest(ctx: Context, url: URL): RouteResult {
  const { account, billing } = ctx;
  const path = url.pathname.replace(/\/+$/, "");
  const query = url.searchParams;
  const list = (key: string, items: readonly unknown[], extra: Record<string, unknown> = {}): RouteResult => {
    const page = paginate(items, url);
    return { status: 200, json: { [key]: page.items, ...extra, links: page.links, meta: page.meta } };
  };

  switch (path) {
    case "/v2/account":
      return { status: 200, json: { account: account.owner } };
    case "/v2/droplets": {
      const tag = query.get("tag_name");
      return list("droplets", tag ? account.droplets.filter((d) => d.tags.includes(tag)) : account.droplets);
    }
    case "/v2/volumes":
      return list("volumes", account.volumes);
    case "/v2/snapshots": {
      const type = query.get("resource_type");
      return list("snapshots", type ? account.snapshots.filter((s) => s.resource_type === type) : account.snapshots);
    }
    case "/v2/domains":
      return list("domains", account.domains);
    case "/v2/load_balancers":
      return list("load_balancers", account.loadBalancers);
    case "/v2/databases":
      // Not paginated: every cluster in one body, no links or meta.
      return { status: 200, json: { databases: account.databases } };
    case "/v2/kubernetes/clusters":
      return list("kubernetes_clusters", account.kubernetesClusters);
    case "/v2/reserved_ips":
      return list("reserved_ips", account.reservedIps);
    case "/v2/apps":
      return list("apps", account.apps);
    case "/v2/projects":
      return list("projects", account.projects);
    case "/v2/monitoring/metrics/droplet/bandwidth":
      return renderBandwidth(account, ctx.bandwidth, query);
    case "/v2/customers/my/balance":
      return { status: 200, json: billing.getBalance() };
    case "/v2/customers/my/billing_history":
      return list("billing_history", billing.listBillingHistory());
    case "/v2/customers/my/invoices": {
      const { invoices, preview } = billing.listInvoices();
      const toJson = (invoice: typeof preview) => ({
        invoice_uuid: invoice.uuid,
        invoice_id: invoice.invoiceId,
        amount: formatAmount(invoice.amountCents),
        invoice_period: invoice.period.key,
      });
      return list("invoices", invoices.map(toJson), {
        invoice_preview: { ...toJson(preview), updated_at: toIso(ctx.now) },
      });
    }
  }

  const projectMatch = projectResourcesPath.exec(path);
  if (projectMatch?.[1]) {
    const id = decodeURIComponent(projectMatch[1]);
    const project = account.projects.find((p) => p.id === id || (id === "default" && p.is_default));
    if (!project) return { status: 404, json: notFoundBody };
    return list("resources", listProjectResources(account, project, url.origin));
  }

  const invoiceMatch = invoicePath.exec(path);
  if (invoiceMatch?.[1]) {
    const invoice = billing.findInvoice(decodeURIComponent(invoiceMatch[1]));
    if (!invoice) return { status: 404, json: notFoundBody };
    if (invoiceMatch[2] === "summary") return { status: 200, json: billing.getSummary(invoice) };
    if (invoiceMatch[2] === "csv") {
      const month = invoice.period.start.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
      const year = invoice.period.start.getUTCFullYear();
      return {
        status: 200,
        text: billing.getCsv(invoice),
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="DigitalOcean Invoice ${year} ${month} (${invoice.invoiceId}).csv"`,
        },
      };
    }
    return list("invoice_items", billing.getLines(invoice).map(toInvoiceItem));
  }

  return { status: 404, json: notFoundBody };
}

/** Resources whose name/tags place them in this project; the default project also takes whatever fits nowhere. */
function listProjectResources(account: FakeAccount, project: FakeProject, origin: string) {
  const { name: projectName, is_default: isDefault } = project;
  const known = new Set(account.projects.map((p) => p.name));
  const assigned = account.projectAssignments ?? {};
  const belongs = (name: string, tags?: readonly string[], urn?: string) => {
    const explicit = urn ? assigned[urn] : undefined;
    if (explicit) return explicit === project.id;
    const wanted = getProjectName(name, tags);
    return wanted === projectName || (isDefault && !known.has(wanted));
  };
  const entry = (kind: string, id: string | number, createdAt: string | undefined, self: string) => ({
    urn: `do:${kind}:${id}`,
    assigned_at: createdAt ?? project.created_at,
    links: { self: `${origin}/v2/${self}` },
    status: "ok",
  });
  return [
    // DOKS workers belong to their cluster, not to a project of their own.
    ...account.droplets
      .filter((d) => !d.tags.includes("k8s") && belongs(d.name, d.tags, `do:droplet:${d.id}`))
      .map((d) => entry("droplet", d.id, d.created_at, `droplets/${d.id}`)),
    ...account.volumes
      .filter((v) => belongs(v.name, v.tags))
      .map((v) => entry("volume", v.id, v.created_at, `volumes/${v.id}`)),
    ...account.domains
      .filter((d) => belongs(d.name, account.tenants.includes(d.name.split(".")[0] ?? "") ? ["tenant:"] : [])).map((d) => entry("domain", d.name, undefined, `domains/${d.name}`)),
    ...account.loadBalancers
      .filter((lb) => belongs(lb.name, lb.tag ? [lb.tag] : []))
      .map((lb) => entry("loadbalancer", lb.id, lb.created_at, `load_balancers/${lb.id}`)),
    ...account.databases
      .filter((db) => belongs(db.name, db.tags ?? []))
      .map((db) => entry("dbaas", db.id, db.created_at, `databases/${db.id}`)),
    ...account.kubernetesClusters
      .filter((k) => belongs(k.name, k.tags))
      .map((k) => entry("kubernetes", k.id, k.created_at, `kubernetes/clusters/${k.id}`)),
    ...account.reservedIps
      .filter((ip) => account.projects.find((p) => p.id === ip.project_id)?.name === projectName)
      .map((ip) => entry("reservedip", ip.ip, undefined, `reserved_ips/${ip.ip}`)),
    ...account.apps.filter((a) => belongs(a.spec.name)).map((a) => entry("app", a.id, a.created_at, `apps/${a.id}`)),
  ];
}
