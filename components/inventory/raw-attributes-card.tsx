import { Card, CardHeader } from "@/components/ui/card";

/** What DigitalOcean returned for a resource, as JSON behind a disclosure. */
export function RawAttributesCard({ attrs, className }: { attrs: Record<string, unknown>; className?: string }) {
  return (
    <Card className={className}>
      <CardHeader title="Raw attributes" description="What DigitalOcean returned for this resource at the last change, less its catalogue data (the sizes a region offers, the regions a size or image is offered in)." />
      <details className="px-5 py-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Show JSON</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(attrs, null, 2)}</pre>
      </details>
    </Card>
  );
}
