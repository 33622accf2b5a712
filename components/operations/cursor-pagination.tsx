import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

/** Cursor paging for a newest-first list: back to the newest, or on to older ones; nothing when there is one page. */
export function CursorPagination({ url, cursor, nextCursor }: { url: UrlState; cursor: string | undefined; nextCursor: string | null }) {
  if (!nextCursor && !cursor) return null;
  return (
    <nav aria-label="Pagination" className="flex justify-end gap-2 border-t border-slate-200 px-4 py-3">
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
