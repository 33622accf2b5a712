import "server-only";

/**
 * Turns any link DO hands back (absolute, on api.digitalocean.com) into a path on our configured base URL. Following
 * the absolute link as-is would send the token to whatever host the body named, and would escape a local fake.
 */
export function toRequestPath(link: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const url = new URL(link, base);
  const prefix = base.pathname.replace(/\/+$/, "");
  const pathname = prefix && url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : url.pathname;
  return `${pathname}${url.search}`;
}

/** Sets `per_page` unless the path already has one (DO's own next links carry it). */
export function setDefaultPerPage(path: string, perPage: number): string {
  const url = new URL(path, "http://placeholder");
  if (!url.searchParams.has("per_page")) url.searchParams.set("per_page", String(perPage));
  return `${url.pathname}${url.search}`;
}

/** A key under which `?per_page=200` and `?page=1&per_page=200` are the same page, whatever the parameter order. */
export function getPageKey(path: string): string {
  const url = new URL(path, "http://placeholder");
  if (!url.searchParams.has("page")) url.searchParams.set("page", "1");
  url.searchParams.sort();
  return `${url.pathname}?${url.searchParams.toString()}`;
}
