import Link from "next/link";
import { buttonClass } from "./button";
import { EmptyState } from "./empty-state";

/** Numbered-page navigation for server-paginated tables; hrefs come from the page so state stays in the URL. */
export function Pagination({
  page,
  pageSize,
  total,
  href,
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
      <p className="text-slate-600">
        {from.toLocaleString("en")}–{to.toLocaleString("en")} of {total.toLocaleString("en")}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClass("secondary", "sm")} rel="prev">
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} opacity-50`}>
            Previous
          </span>
        )}
        <span className="text-slate-600">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link href={href(page + 1)} className={buttonClass("secondary", "sm")} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} opacity-50`}>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}

/**
 * What a numbered page past the last one shows (an old link, or rows gone since it was made): how many rows there
 * are and a way to the last page, not "nothing matches".
 */
export function PastLastPage({ total, pageSize, noun, href }: { total: number; pageSize: number; noun: string; href: (page: number) => string }) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <EmptyState
      title="This page is past the last one"
      action={
        <Link href={href(last)} className={buttonClass("secondary", "sm")}>
          Go to page {last}
        </Link>
      }
    >
      <p>
        {total.toLocaleString("en")} {noun} match, on {last.toLocaleString("en")} {last === 1 ? "page" : "pages"}.
      </p>
    </EmptyState>
  );
}
