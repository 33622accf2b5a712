// DO's pagination, including its quirks: `per_page` defaults to 20 and is capped at 200, links are absolute URLs,
// the last page has no `next`, a single page has `pages: {}`, and an empty list has `links: {}`.

export type PageLinks = { pages?: { first?: string; prev?: string; next?: string; last?: string } };

export type Paginated<T> = { items: T[]; links: PageLinks; meta: { total: number }; page: number };

export function readPageParams(query: URLSearchParams): { page: number; perPage: number } {
  const page = Number.parseInt(query.get("page") ?? "", 10);
  const perPage = Number.parseInt(query.get("per_page") ?? "", 10);
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    perPage: Number.isFinite(perPage) && perPage >= 1 ? Math.min(perPage, 200) : 20,
  };
}

/** `selfUrl` is the request's own absolute URL (scheme and Host as the client used them); links are built from it. */
export function paginate<T>(items: readonly T[], selfUrl: URL): Paginated<T> {
  const { page, perPage } = readPageParams(selfUrl.searchParams);
  const total = items.length;
  const slice = items.slice((page - 1) * perPage, page * perPage);
  if (total === 0) return { items: slice, links: {}, meta: { total }, page };

  const lastPage = Math.ceil(total / perPage);
  const linkTo = (target: number) => {
    const url = new URL(selfUrl.pathname, selfUrl);
    url.searchParams.set("page", String(target));
    url.searchParams.set("per_page", String(perPage));
    for (const [key, value] of selfUrl.searchParams) {
      if (key !== "page" && key !== "per_page") url.searchParams.append(key, value);
    }
    return url.toString();
  };
  const pages: NonNullable<PageLinks["pages"]> = {};
  if (page > 1) {
    pages.first = linkTo(1);
    pages.prev = linkTo(Math.min(page - 1, lastPage));
  }
  if (page < lastPage) {
    pages.next = linkTo(page + 1);
    pages.last = linkTo(lastPage);
  }
  return { items: slice, links: { pages }, meta: { total }, page };
}
