import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

/**
 * Cursor paging for a newest-first list: back to the newest, or on to older ones; nothing when there is one page.
 * `inCard`: it closes a card's table (a rule above it) rather than following a list on the page.
 */
export function CursorPagination({ url, cursor, nextCursor, inCard = false }: { url: UrlState; cursor: string | undefined; nextCursor: string | null; inCard?: boolean }) {
  if (!nextCursor && !cursor) return null;
  return (
    <nav aria-label="Pagination" className={inCard ? "flex justify-end gap-2 border-t border-slate-200 px-4 py-3" : "mt-4 flex justify-end gap-2"}>
      {cursor ? (
        <Link href={hrefWith(url, { cursor: undefined })} className={buttonClass("secondary", "sm")}>
          Newest
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={hrefWith(url, { cursor: nextCursor })} className={buttonClass("secondary", "sm")} rel="next">
          Older
        </Link>
      ) : null}
    </nav>
  );
}
