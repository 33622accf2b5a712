import { type ResourceKind, resourceKinds } from "@/db/schema/resources";

/** The inventory's own kinds: a classified line names the kind of resource it can match. */
export const RESOURCE_KINDS = resourceKinds;
export type { ResourceKind };

export type InvoiceLineType = "resource" | "tax" | "credit" | "other";

export interface InvoiceLineClassification {
  lineType: InvoiceLineType;
  /** Set whenever the product belongs to one of our resource kinds, also on a credit (a negative adjustment). */
  kind: ResourceKind | null;
  /** A "Droplet Backups" line: kind is "droplet" and name is the droplet's, so it matches the droplet it backs up. */
  isBackup: boolean;
  /** The resource's name as our inventory knows it; null when kind is null. */
  name: string | null;
  /** The trailing "(…)" of the description, such as "s-1vcpu-1gb" or "10 GiB"; null when kind is null. */
  sizeLabel: string | null;
}

interface ProductKind {
  kind: ResourceKind;
  isBackup: boolean;
}

// Keys are lower-case product names as DO has spelled them over the years. Bandwidth, monitoring, registry and
// functions have no resource of ours behind them, so their lines stay "other" with kind null. Spaces lines are
// Spaces buckets' only where the description names a bucket (see spacesBucketKind).
const PRODUCT_KINDS: ReadonlyMap<string, ProductKind> = new Map<string, ProductKind>([
  ["droplets", { kind: "droplet", isBackup: false }],
  ["droplet", { kind: "droplet", isBackup: false }],
  ["droplet backups", { kind: "droplet", isBackup: true }],
  ["droplet backup", { kind: "droplet", isBackup: true }],
  ["backups", { kind: "droplet", isBackup: true }],
  ["volumes", { kind: "volume", isBackup: false }],
  ["volume", { kind: "volume", isBackup: false }],
  ["block storage", { kind: "volume", isBackup: false }],
  ["snapshots", { kind: "snapshot", isBackup: false }],
  ["droplet snapshots", { kind: "snapshot", isBackup: false }],
  ["volume snapshots", { kind: "snapshot", isBackup: false }],
  ["load balancers", { kind: "load_balancer", isBackup: false }],
  ["load balancer", { kind: "load_balancer", isBackup: false }],
  ["managed databases", { kind: "database", isBackup: false }],
  ["databases", { kind: "database", isBackup: false }],
  ["database clusters", { kind: "database", isBackup: false }],
  ["kubernetes clusters", { kind: "kubernetes_cluster", isBackup: false }],
  ["kubernetes", { kind: "kubernetes_cluster", isBackup: false }],
  ["reserved ips", { kind: "reserved_ip", isBackup: false }],
  ["reserved ip", { kind: "reserved_ip", isBackup: false }],
  ["reserved ipv6", { kind: "reserved_ip", isBackup: false }],
  ["floating ips", { kind: "reserved_ip", isBackup: false }],
  ["floating ip", { kind: "reserved_ip", isBackup: false }],
  ["app platform", { kind: "app", isBackup: false }],
  ["apps", { kind: "app", isBackup: false }],
  ["domains", { kind: "domain", isBackup: false }],
]);

// These kinds bill usage in several lines (nodes, standby storage, components) grouped under the cluster or
// app, and group_description carries the name the resource has in our inventory.
const GROUPED_KINDS: ReadonlySet<ResourceKind> = new Set(["database", "kubernetes_cluster", "app"]);

const SPACES_PRODUCT = /^spaces\b/i;
/** S3's bucket-name rule: 3–63 lower-case letters, digits, dots and hyphens, starting and ending alphanumeric. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * DO bills Spaces per account ("Spaces (250 GiB)", "Spaces storage overage (12 GiB)"): such a line names no bucket
 * and stays "other". A Spaces line whose description is a bucket's name, with or without a "(…)" detail, is that
 * bucket's, and matches it by name like any resource line.
 */
function spacesBucketKind(product: string, description: string): ProductKind | null {
  if (!SPACES_PRODUCT.test(product)) return null;
  return BUCKET_NAME.test(splitNameAndSize(description).name) ? { kind: "spaces_bucket", isBackup: false } : null;
}

const TAX_PRODUCT = /^tax(es)?$/i;
const TAX_WORDS = /\b(gst|vat|hst|pst|qst|sales tax|tax|taxes)\b/i;
const CREDIT_WORDS = /\b(credits?|promo|promos|promotion|promotional|discount)\b/i;
// "Unused Reserved IP - 170.64.1.10": reserved IPs are named by their address in our inventory.
const TRAILING_IP = /(?:^|\s)((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})$/i;

interface InvoiceLineFields {
  product: string;
  groupDescription: string | null;
  description: string;
  amountCents: number;
}

/**
 * Decides what an invoice line is and which resource it belongs to. Taxes win over credits, credits over
 * resources. Descriptions are only searched for tax or credit words when the product is not a resource product,
 * so a droplet called "tax-api" or "credit-check" stays a droplet.
 */
export function classifyInvoiceLine(line: InvoiceLineFields): InvoiceLineClassification {
  const product = line.product.trim();
  const productKind = PRODUCT_KINDS.get(product.toLowerCase().replace(/\s+/g, " ")) ?? spacesBucketKind(product, line.description);
  const resource = productKind ? identifyResource(productKind.kind, line) : { name: null, sizeLabel: null };
  const base = {
    kind: productKind?.kind ?? null,
    isBackup: productKind?.isBackup ?? false,
    ...resource,
  };

  if (TAX_PRODUCT.test(product) || (!productKind && TAX_WORDS.test(line.description))) {
    return { lineType: "tax", ...base };
  }
  const hasCreditWords = CREDIT_WORDS.test(product) || (!productKind && CREDIT_WORDS.test(line.description));
  if (line.amountCents < 0 || hasCreditWords) return { lineType: "credit", ...base };
  if (productKind) return { lineType: "resource", ...base };
  return { lineType: "other", ...base };
}

function identifyResource(
  kind: ResourceKind,
  line: InvoiceLineFields,
): { name: string | null; sizeLabel: string | null } {
  const { name, sizeLabel } = splitNameAndSize(line.description);
  if (GROUPED_KINDS.has(kind) && line.groupDescription) return { name: line.groupDescription, sizeLabel };
  if (kind === "reserved_ip") {
    const address = TRAILING_IP.exec(line.description.trim())?.[1];
    if (address) return { name: address, sizeLabel: null };
  }
  return { name: name || null, sizeLabel };
}

/**
 * Splits "name (size)" at the LAST parenthesised group ending the text, so names that contain parentheses keep
 * them: "my (old) box (s-1vcpu-1gb)" gives "my (old) box" and "s-1vcpu-1gb". Without such a group the whole text
 * is the name.
 */
export function splitNameAndSize(description: string): { name: string; sizeLabel: string | null } {
  const text = description.trim();
  if (!text.endsWith(")")) return { name: text, sizeLabel: null };

  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === ")") depth++;
    else if (char === "(") {
      depth--;
      if (depth === 0) {
        const name = text.slice(0, i).trim();
        const sizeLabel = text.slice(i + 1, -1).trim();
        // "(s-1vcpu-1gb)" alone has no name part to split off.
        if (!name) return { name: text, sizeLabel: null };
        return { name, sizeLabel: sizeLabel || null };
      }
    }
  }
  return { name: text, sizeLabel: null };
}
