import "server-only";
import { type LookupAddress, lookup as dnsLookup } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Webhook URLs are chosen by whoever registers them, and this server sends POSTs to them: without a check they could
 * reach the database, the cloud's metadata service or anything else only this network can see (SSRF). Refused:
 * every address that is not public unicast, by range. Names are resolved and refused when any address is refused, at
 * registration and again at each delivery, where the checked address is the one connected to (no second lookup a
 * rebinding DNS server could answer differently). WEBHOOK_ALLOW_PRIVATE=1 lifts it for development and tests.
 */
const refusedRanges: [network: string, prefix: number, family: "ipv4" | "ipv6", label: string][] = [
  ["0.0.0.0", 8, "ipv4", "this-network"],
  ["10.0.0.0", 8, "ipv4", "private"],
  ["100.64.0.0", 10, "ipv4", "carrier-grade NAT"],
  ["127.0.0.0", 8, "ipv4", "loopback"],
  ["169.254.0.0", 16, "ipv4", "link-local (cloud metadata)"],
  ["172.16.0.0", 12, "ipv4", "private"],
  ["192.0.0.0", 24, "ipv4", "IETF protocol assignments"],
  ["192.0.2.0", 24, "ipv4", "documentation"],
  ["192.88.99.0", 24, "ipv4", "6to4 relay"],
  ["192.168.0.0", 16, "ipv4", "private"],
  ["198.18.0.0", 15, "ipv4", "benchmarking"],
  ["198.51.100.0", 24, "ipv4", "documentation"],
  ["203.0.113.0", 24, "ipv4", "documentation"],
  ["224.0.0.0", 4, "ipv4", "multicast"],
  ["240.0.0.0", 4, "ipv4", "reserved"],
  // ::/96 holds the unspecified address, loopback (::1) and the IPv4-compatible forms.
  ["::", 96, "ipv6", "unspecified, loopback or IPv4-compatible"],
  ["64:ff9b::", 96, "ipv6", "NAT64 (embeds an IPv4 address)"],
  ["64:ff9b:1::", 48, "ipv6", "local NAT64"],
  ["100::", 64, "ipv6", "discard"],
  ["2001::", 32, "ipv6", "Teredo (embeds an IPv4 address)"],
  ["2001:db8::", 32, "ipv6", "documentation"],
  ["2002::", 16, "ipv6", "6to4 (embeds an IPv4 address)"],
  ["fc00::", 7, "ipv6", "unique-local"],
  ["fe80::", 10, "ipv6", "link-local"],
  ["fec0::", 10, "ipv6", "site-local"],
  ["ff00::", 8, "ipv6", "multicast"],
];

const lists = refusedRanges.map(([network, prefix, family, label]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { list, family, label };
});

/** Why an IP address may not be a webhook's destination, or null when it may (public unicast). */
export function refusedAddressReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  if (family === 6) {
    const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
    // BlockList would judge ::ffff:a.b.c.d by the IPv4 rules; any IPv4-mapped address is refused outright instead.
    if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(canonical)) return "IPv4-mapped";
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const { list, family: f, label } of lists) if (f === type && list.check(address, type)) return label;
  return null;
}

export class WebhookUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookUrlError";
  }
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

export interface UrlCheckOptions {
  allowPrivate: boolean;
  lookup?: Lookup;
}

const notResolvedCodes = new Set(["ENOTFOUND", "EAI_AGAIN", "ENODATA", "ESERVFAIL"]);

/**
 * What can be judged without DNS: https (http too when private addresses are allowed), no credentials, and a host
 * that is a public address or a name that may be public. Throws WebhookUrlError saying what is wrong; returns the
 * name still to resolve (null for an address).
 */
export function checkWebhookUrlShape(raw: string, opts: Pick<UrlCheckOptions, "allowPrivate">): { url: URL; name: string | null } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError("url is not a valid absolute URL");
  }
  if (url.protocol !== "https:" && !(opts.allowPrivate && url.protocol === "http:")) {
    throw new WebhookUrlError(opts.allowPrivate ? "url must be http(s)" : "url must use https");
  }
  if (url.username || url.password) throw new WebhookUrlError("url must not carry credentials");
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host)) {
    const reason = opts.allowPrivate ? null : refusedAddressReason(host);
    if (reason) throw new WebhookUrlError(`url's address ${host} is ${reason}: webhooks go to public addresses only`);
    return { url, name: null };
  }
  const name = host.replace(/\.$/, "").toLowerCase();
  if (opts.allowPrivate) return { url, name };
  if (name === "localhost" || name.endsWith(".localhost")) throw new WebhookUrlError(`url's host ${name} is loopback: webhooks go to public addresses only`);
  if (!name.includes(".") || /\.(local|internal|home\.arpa)$/.test(name)) {
    throw new WebhookUrlError(`url's host ${name} is not a public DNS name`);
  }
  return { url, name };
}

/**
 * The registration check: the shape, then every address the name resolves to. A name that does not resolve (yet) is
 * accepted: each delivery resolves it again and refuses it then.
 */
export async function checkWebhookUrl(raw: string, opts: UrlCheckOptions): Promise<URL> {
  const { url, name } = checkWebhookUrlShape(raw, opts);
  if (!name || opts.allowPrivate) return url;
  let addresses: LookupAddress[];
  try {
    addresses = await (opts.lookup ?? systemLookup)(name);
  } catch (err) {
    if (notResolvedCodes.has((err as NodeJS.ErrnoException).code ?? "")) return url;
    throw err;
  }
  assertPublicAddresses(name, addresses);
  return url;
}

function assertPublicAddresses(name: string, addresses: readonly LookupAddress[]): void {
  for (const a of addresses) {
    const reason = refusedAddressReason(a.address);
    if (reason) throw new WebhookUrlError(`url's host ${name} resolves to ${a.address}, which is ${reason}: webhooks go to public addresses only`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves the name once, refuses it when any address is refused, and hands the
 * socket the checked address, so the address connected to is the address checked.
 */
export function guardedLookup(opts: UrlCheckOptions) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    (opts.lookup ?? systemLookup)(hostname).then(
      (addresses) => {
        try {
          if (!opts.allowPrivate) assertPublicAddresses(hostname, addresses);
        } catch (err) {
          callback(Object.assign(err as Error, { code: "EADDRREFUSED" }), "", 0);
          return;
        }
        if (!addresses.length) callback(Object.assign(new Error(`${hostname} has no addresses`), { code: "ENOTFOUND" }), "", 0);
        else if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, "", 0),
    );
  };
}
