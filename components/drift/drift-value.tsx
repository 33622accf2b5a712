import { cn } from "@/components/ui/cn";
import { CodeValue } from "@/components/ui/code-value";
import { describeValue } from "@/lib/drift/describe-value";
import { diffValues } from "@/lib/drift/diff-values";

/**
 * One side of a drift, readable: a list shows its items with the ones the other side lacks marked, an object shows
 * only the keys that differ, anything else its plain value. Works in server and client components (no hooks).
 */
export function DriftValue({ value, other, side }: { value: unknown; other: unknown; side: "expected" | "actual" }) {
  const diff = side === "expected" ? diffValues(value, other) : diffValues(other, value);
  const full = JSON.stringify(value ?? null);

  if (diff.type === "list") {
    const items = Array.isArray(value) ? uniqueByText(value) : [];
    const marked = side === "expected" ? diff.removed : diff.added;
    const isMarked = (item: unknown) => marked.some((m) => describeValue(m) === describeValue(item));
    if (items.length === 0) return <Plain text="(empty list)" title={full} />;
    return (
      <ul className="flex max-w-sm flex-wrap gap-1" title={full}>
        {items.map((item) => (
          <li
            key={describeValue(item)}
            className={cn(
              "whitespace-nowrap rounded px-1.5 py-0.5 font-mono text-xs ring-1 ring-inset",
              isMarked(item) ? markTone[side] : "bg-slate-50 text-slate-700 ring-slate-200",
            )}
          >
            {isMarked(item) ? <span aria-hidden="true">{side === "expected" ? "− " : "+ "}</span> : null}
            {describeValue(item, 60)}
            {isMarked(item) ? <span className="sr-only">{side === "expected" ? " (only in the spec)" : " (only live)"}</span> : null}
          </li>
        ))}
      </ul>
    );
  }

  if (diff.type === "object") {
    return (
      <dl className="max-w-sm space-y-0.5 font-mono text-xs" title={full}>
        {diff.changes.map((change) => (
          <div key={change.path} className="flex gap-1.5">
            <dt className="text-slate-600">{change.path}:</dt>
            <dd className="min-w-0">
              <CodeValue className={cn("rounded px-1", markTone[side])}>{describeValue(side === "expected" ? change.expected : change.actual, 60)}</CodeValue>
            </dd>
          </div>
        ))}
      </dl>
    );
  }

  return <Plain text={describeValue(value)} title={full} />;
}

const markTone = {
  expected: "bg-red-50 text-red-800 ring-red-200",
  actual: "bg-emerald-50 text-emerald-800 ring-emerald-200",
} as const;

function Plain({ text, title }: { text: string; title: string }) {
  return (
    <CodeValue className="text-slate-900" title={title}>
      {text}
    </CodeValue>
  );
}

function uniqueByText(items: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const item of items) if (!seen.has(describeValue(item))) seen.set(describeValue(item), item);
  return [...seen.values()].sort((a, b) => describeValue(a).localeCompare(describeValue(b)));
}
