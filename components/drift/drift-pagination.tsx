import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

/** Cursor paging for a drift list: back to the newest, or on to older items; nothing when there is one page. */
export function DriftPagination({ url, cursor, nextCursor }: { url: UrlState; cursor: string | undefined; nextCursor: string | null }) {
  if (!nextCursor && !cursor) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-end gap-2">
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
