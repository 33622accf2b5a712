import { Fragment, type ReactNode } from "react";

// The operations' descriptions are written in the small Markdown subset OpenAPI tools render: paragraphs, `code`,
// **bold**, [links](url) and "- " lists. This renders that subset as React elements (never as HTML strings), so
// the reference reads as it does in any OpenAPI viewer without a Markdown library or dangerouslySetInnerHTML.

const inline = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** A link target the page may follow: a path, an anchor, or http(s). */
const isSafeHref = (href: string) => /^(\/(?!\/)|#|https?:\/\/)/.test(href);

export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(inline)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = `${m.index}`;
    if (m[1] !== undefined) {
      out.push(
        <code key={key} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-900">
          {m[1]}
        </code>,
      );
    } else if (m[2] !== undefined) {
      out.push(
        <strong key={key} className="font-semibold text-slate-900">
          {renderInline(m[2])}
        </strong>,
      );
    } else if (m[3] !== undefined && m[4] !== undefined) {
      out.push(
        isSafeHref(m[4]) ? (
          <a key={key} href={m[4]} className="font-medium text-brand-700 underline">
            {m[3]}
          </a>
        ) : (
          <Fragment key={key}>{m[3]}</Fragment>
        ),
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Blocks separated by blank lines: a block whose lines all start with "- " is a list, anything else a paragraph. */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className={className}>
      {blocks.map((block, i) => {
        const lines = block.split("\n");
        const key = `${i}-${block.slice(0, 16)}`;
        if (lines.every((l) => /^\s*[-*] /.test(l))) {
          return (
            <ul key={key} className="mt-2 list-disc space-y-1 pl-5">
              {lines.map((l) => (
                <li key={l}>{renderInline(l.replace(/^\s*[-*] /, ""))}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key} className={i ? "mt-2" : undefined}>
            {renderInline(lines.join(" "))}
          </p>
        );
      })}
    </div>
  );
}
